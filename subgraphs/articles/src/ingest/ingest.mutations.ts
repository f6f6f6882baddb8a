import { UserError, UserErrorCode } from "@newsfed/kit/graphql";
import { Arg, Ctx, Field, FieldResolver, InputType, Mutation, ObjectType, registerEnumType, Resolver, Root } from "type-graphql";
import { Article } from "../article/article.type.js";
import type { ArticlesContext } from "../context.js";
import { Country, Official, Organization, PolicyEvent, PolicyInitiative } from "../references/references.type.js";
import { MAX_BATCH, type IngestPayload, IngestStatus } from "./ingest.service.js";
import { type EntityRef, IngestedEntityKind, IngestSkipReason } from "./pipeline.js";

registerEnumType(IngestStatus, {
  name: "IngestStatus",
  description: "What became of an ingested story.",
  valuesConfig: {
    CREATED: { description: "A new article." },
    UNCHANGED: { description: "The same story was already stored and is linked as it would be now: nothing changed." },
    RELINKED: {
      description:
        "The same story was already stored; its links and mentions were brought up to date with what the graph knows now (e.g. an official created since).",
    },
    UPDATED: {
      description:
        "Another text of a story already stored at the same `url` (a corrected re-file): that article was updated in place, keeping its id and slug.",
    },
    REFUSED: { description: "Refused (see `userErrors`); nothing was stored for it." },
  },
});

registerEnumType(IngestedEntityKind, {
  name: "IngestedEntityKind",
  description: "The kind of entity an ingestion created, linked or left out.",
  valuesConfig: {
    OFFICIAL: { description: "An official (officials subgraph)." },
    ORGANIZATION: { description: "An organization: a ministry, department, agency or company (officials subgraph)." },
    POLICY_INITIATIVE: { description: "A policy initiative (policy subgraph)." },
    POLICY_EVENT: { description: "A policy event: a meeting, visit, launch, announcement or signing (policy subgraph)." },
    COUNTRY: { description: "A country (officials subgraph; never created by ingestion)." },
  },
});

registerEnumType(IngestSkipReason, {
  name: "IngestSkipReason",
  description: "Why an ingestion did not create or link something the story names.",
  valuesConfig: {
    FORBIDDEN: {
      description:
        "Creating it needs a scope the caller lacks (`officials:write` or `policy:write`); the name stays an unlinked mention.",
    },
    INCOMPLETE: {
      description:
        "The story does not state enough to create it: an official's post or country, or an event's participants (some are not in the graph).",
    },
    REFUSED: { description: "Its owner refused the create; the message gives the owner's user errors." },
    AMBIGUOUS: { description: "Several known entities fit the name; none was linked rather than a wrong one." },
  },
});

@InputType({ description: "A raw wire story as agencies file it." })
export class IngestArticleInput {
  @Field(() => String, {
    description:
      'The story\'s text: a date line (`date YYYY-MM-DD`, then the photo caption and "(Photo: credit)" when there is a photo), then paragraphs separated by blank lines, the first opening with a "Place (AGENCY) -" dateline, the last ending with "/.". Any line endings. At most 200,000 characters.',
  })
  text!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "Where the story is published online (http or https). A later text with the same URL is the same story, corrected: it updates that article.",
  })
  url?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The headline; wire text carries none, so the lead's main clause (at most 15 words) is used when omitted.",
  })
  headline?: string | null;
}

@ObjectType({
  description:
    "An entity of another subgraph that an ingestion created or linked the article to; the field of its kind holds it.",
})
export class IngestedEntity {
  @Field(() => IngestedEntityKind, { description: "Which kind of entity, and so which of the fields below is set." })
  kind!: IngestedEntityKind;

  @Field(() => String, { description: "Its name as the story gives it (for events, the title given to the event)." })
  name!: string;

  /** The official's, organization's, initiative's or event's id, or the country's code (not in the schema). */
  id!: string;
}

@ObjectType({ description: "Something the story names that the ingestion did not create or link, and why." })
export class IngestSkippedEntity {
  @Field(() => IngestedEntityKind, { description: "What kind of entity it would have been." })
  kind!: IngestedEntityKind;

  @Field(() => String, { description: "Its name as the story gives it." })
  name!: string;

  @Field(() => IngestSkipReason, { description: "Why it was left out." })
  reason!: IngestSkipReason;

  @Field(() => String, { description: "The reason, for people." })
  message!: string;
}

@ObjectType({
  description:
    "The result of ingesting a wire story: the article, what became of it, and what the ingestion created and linked in the other subgraphs.",
})
export class IngestArticlePayload {
  @Field(() => Article, {
    nullable: true,
    description:
      "The article for this story: new, or the one an earlier ingestion of the same story (or URL) created. Null when refused.",
  })
  article!: unknown;

  @Field(() => Boolean, { description: "True only when a new article was stored (`status: CREATED`)." })
  created!: boolean;

  @Field(() => IngestStatus, { description: "What became of the story: created, unchanged, relinked, updated or refused." })
  status!: IngestStatus;

  @Field(() => [IngestedEntity], {
    description:
      "Entities this ingestion created for the story in the officials and policy subgraphs (officials with their posts, organizations, initiatives, events with their outcomes). Empty on a repeat.",
  })
  createdEntities!: EntityRef[];

  @Field(() => [IngestedEntity], {
    description: "Entities that already existed and that the article is linked to (countries included).",
  })
  linkedEntities!: EntityRef[];

  @Field(() => [IngestSkippedEntity], {
    description:
      "What the story names but the ingestion did not create or link, with the reason (e.g. FORBIDDEN without `officials:write`). Such names stay mentions without a link.",
  })
  skippedEntities!: unknown[];

  @Field(() => [UserError], {
    description: "Why the story was refused; empty on success. Nothing is stored for a refused story.",
  })
  userErrors!: UserError[];
}

@ObjectType({ description: "The results of ingesting several wire stories in one request." })
export class IngestArticlesPayload {
  @Field(() => [IngestArticlePayload], { description: "One result per input, in input order." })
  results!: IngestPayload[];

  @Field(() => [UserError], {
    description: "Problems with the request as a whole (e.g. too many stories); then no story was ingested.",
  })
  userErrors!: UserError[];
}

@Resolver(() => IngestedEntity)
export class IngestedEntityResolver {
  @FieldResolver(() => Official, { nullable: true, description: "The official, when `kind` is OFFICIAL." })
  official(@Root() entity: EntityRef): Official | null {
    return entity.kind === IngestedEntityKind.OFFICIAL ? { id: entity.id } : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The organization, when `kind` is ORGANIZATION." })
  organization(@Root() entity: EntityRef): Organization | null {
    return entity.kind === IngestedEntityKind.ORGANIZATION ? { id: entity.id } : null;
  }

  @FieldResolver(() => PolicyInitiative, { nullable: true, description: "The initiative, when `kind` is POLICY_INITIATIVE." })
  policyInitiative(@Root() entity: EntityRef): PolicyInitiative | null {
    return entity.kind === IngestedEntityKind.POLICY_INITIATIVE ? { id: entity.id } : null;
  }

  @FieldResolver(() => PolicyEvent, { nullable: true, description: "The event, when `kind` is POLICY_EVENT." })
  policyEvent(@Root() entity: EntityRef): PolicyEvent | null {
    return entity.kind === IngestedEntityKind.POLICY_EVENT ? { id: entity.id } : null;
  }

  @FieldResolver(() => Country, { nullable: true, description: "The country, when `kind` is COUNTRY." })
  country(@Root() entity: EntityRef): Country | null {
    return entity.kind === IngestedEntityKind.COUNTRY ? { code: entity.id } : null;
  }
}

@Resolver()
export class IngestMutations {
  @Mutation(() => IngestArticlePayload, {
    description:
      "Turns a raw wire story into an article linked into the graph: the officials, organizations, initiatives, countries, places and events it names are found by name (and, with `officials:write` / `policy:write`, created when new: officials with their posts, initiatives, meetings, visits, launches and signings with their outcomes), on behalf of the caller. Idempotent and retry-safe: the same story again (even re-wrapped, or without its closing `/.`) is the same article, relinked to what the graph knows now; another text at the same `url` updates that article. Needs `articles:write`.",
  })
  ingestArticle(
    @Arg("input", () => IngestArticleInput, { description: "The story." }) input: IngestArticleInput,
    @Ctx() ctx: ArticlesContext,
  ) {
    return ctx.ingestion.ingest(input);
  }

  @Mutation(() => IngestArticlesPayload, {
    description: `Ingests up to ${MAX_BATCH} wire stories at once, exactly as \`ingestArticle\` does each, with the lookups and creates of the whole batch shared (bulk loads: \`pnpm ingest\`). One result per story; a refused story does not stop the others. Needs \`articles:write\`.`,
  })
  async ingestArticles(
    @Arg("inputs", () => [IngestArticleInput], { description: `The stories, at most ${MAX_BATCH}.` })
    inputs: IngestArticleInput[],
    @Ctx() ctx: ArticlesContext,
  ) {
    if (inputs.length > MAX_BATCH) {
      return {
        results: [],
        userErrors: [
          {
            field: "inputs",
            code: UserErrorCode.TOO_MANY,
            message: `\`inputs\` takes at most ${MAX_BATCH} stories (got ${inputs.length}); send them in several requests.`,
          },
        ],
      };
    }
    return { results: await ctx.ingestion.ingestMany(inputs), userErrors: [] };
  }
}

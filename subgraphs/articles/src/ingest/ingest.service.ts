import { type UserError, UserErrorCode } from "@newsfed/kit/graphql";
import { FederationUnavailableError, type RequestRuntime } from "@newsfed/kit/subgraph";
import { httpUrl, parseInput, requireScope, requiredText, UserErrorList } from "@newsfed/kit/writes";
import type { ArticleService } from "../article/article.service.js";
import type { ArticleRow } from "../db/schema.js";
import { contentHash } from "../wire/content-hash.js";
import { findMentions } from "../wire/find-mentions.js";
import { parseWireStory, type WireStory, WireStoryError } from "../wire/wire-story.js";
import { loadEntityDirectory } from "./entity-directory.js";

export interface IngestInput {
  text: string;
  url?: string | null;
  headline?: string | null;
}

export interface IngestPayload {
  article: ArticleRow | null;
  created: boolean;
  userErrors: UserError[];
}

const INPUT_FIELDS = { text: requiredText(200_000), url: httpUrl() };

/**
 * Raw wire story → Article with located mentions, linked to the officials, initiatives and countries the text names
 * (known entities only, matched by name, honorific and alias forms read through the gateway). Idempotent and
 * retry-safe: the story's content hash is unique, so the same text always yields the same article, `created: false`.
 */
export class IngestService {
  constructor(
    private readonly articles: ArticleService,
    private readonly runtime: RequestRuntime,
  ) {}

  async ingest(input: IngestInput): Promise<IngestPayload> {
    requireScope(this.runtime.identity, "articles:write");
    const v = new UserErrorList();
    const parsed = parseInput(INPUT_FIELDS, input, "create");
    v.addAll(parsed.errors);
    const { text, url } = parsed.values;
    let story: WireStory | undefined;
    if (text) {
      try {
        story = parseWireStory(text);
        if (!story.dateline)
          v.add(
            "input.text",
            UserErrorCode.INVALID_FORMAT,
            "The story has no `Place (AGENCY) -` dateline opening its first paragraph.",
          );
      } catch (error) {
        if (!(error instanceof WireStoryError)) throw error;
        v.add("input.text", UserErrorCode.INVALID_FORMAT, error.message);
      }
    }
    if (!v.ok || !story || !text) return { article: null, created: false, userErrors: v.errors };

    const hash = contentHash(text);
    const existing = await this.byHash(hash);
    if (existing) return { article: existing, created: false, userErrors: [] };

    let directory: Awaited<ReturnType<typeof loadEntityDirectory>>;
    try {
      directory = await loadEntityDirectory(this.runtime.federation);
    } catch (error) {
      if (!(error instanceof FederationUnavailableError)) throw error;
      return { article: null, created: false, userErrors: [unavailable(error)] };
    }
    const found = findMentions(story.body, directory.specs);
    const linked = (kind: string) => [...new Set(found.filter((m) => m.kind === kind && m.refId).map((m) => m.refId!))];
    const agency = story.dateline!.agency;
    const lead = story.body.split("\n\n")[0]!;
    const result = await this.articles.writes
      .create(
        {
          headline: input.headline ?? headlineFrom(lead),
          summary: lead.length <= 2000 ? lead : null,
          body: story.body,
          publishedAt: new Date(`${story.publishedOn}T00:00:00Z`),
          source: { name: directory.organizationsByAcronym.get(agency)?.name ?? agency, code: agency },
          dateline: story.dateline,
          photo: story.photo,
          url,
          officialIds: linked("OFFICIAL"),
          organizationIds: linked("ORGANIZATION"),
          initiativeIds: linked("INITIATIVE"),
          countryCodes: linked("COUNTRY"),
          // Only the forms that occur: the article's own mentions are located once more, on a short list.
          mentions: [
            ...new Map(
              found.map((m) => [m.text, { text: m.text, kind: m.kind, refId: m.refId, confidence: m.confidence }]),
            ).values(),
          ],
          contentHash: hash,
        },
        // The directory was just read from the owners: every linked key exists.
        { checkReferences: false },
      )
      .catch(async (error: unknown) => {
        // A concurrent ingestion of the same story won the unique content hash: answer as a repeat.
        const winner = await this.byHash(hash);
        if (winner) return { entity: winner, userErrors: [], repeated: true };
        throw error;
      });
    if ("repeated" in result) return { article: result.entity, created: false, userErrors: [] };
    // The story's parts came from `input.text`: a problem with any of them is a problem with the text.
    const userErrors = result.userErrors.map((e) =>
      e.field === "input.url" || e.field === "input.headline" ? e : { ...e, field: "input.text" },
    );
    return { article: result.entity, created: userErrors.length === 0, userErrors };
  }

  private byHash(hash: string): Promise<ArticleRow | null> {
    return this.articles.findByContentHash(hash);
  }
}

// Words after which a full stop does not end a sentence.
const ABBREVIATION =
  /(?:^|\s)(?:Dr|Mr|Mrs|Ms|Prof|Gen|Col|Lt|Sen|Rep|Gov|St|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z](?:\.[A-Z])*)\.$/;

/** Wire stories carry no headline: the lead's first sentence stands in, cut at a word within 300 characters. */
export function headlineFrom(lead: string): string {
  let end = -1;
  for (const match of lead.matchAll(/[.!?](?=\s+["“‘(]?[\p{Lu}\p{N}]|$)/gu)) {
    const candidate = lead.slice(0, match.index + 1);
    if (candidate.length >= 20 && !ABBREVIATION.test(candidate)) {
      end = match.index;
      break;
    }
  }
  const sentence = (end >= 0 ? lead.slice(0, end + 1) : lead).trim();
  if (sentence.length <= 300) return sentence.replace(/\.$/, "");
  return `${sentence.slice(0, 297).replace(/\s+\S*$/, "")}…`;
}

const unavailable = (error: Error): UserError => ({
  field: null,
  code: UserErrorCode.UNAVAILABLE,
  message: `Could not read the known officials, initiatives and countries to link (${error.message}); nothing was stored.`,
});

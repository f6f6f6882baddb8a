import { FieldResolver, Resolver, Root } from "type-graphql";
import type { MentionRow } from "../db/schema.js";
import { Country, Official, Organization, PolicyInitiative } from "../references/references.type.js";
import { Mention } from "./mention.type.js";

/** The entity a mention refers to, as a reference the gateway resolves at its owner; null for other kinds. */
const ref = (mention: MentionRow, kind: string) => (mention.kind === kind && mention.refId ? mention.refId : null);

@Resolver(() => Mention)
export class MentionResolver {
  @FieldResolver(() => Official, { nullable: true, description: "The official named, when `kind` is OFFICIAL." })
  official(@Root() mention: MentionRow): Official | null {
    const id = ref(mention, "OFFICIAL");
    return id ? { id } : null;
  }

  @FieldResolver(() => PolicyInitiative, { nullable: true, description: "The initiative named, when `kind` is INITIATIVE." })
  initiative(@Root() mention: MentionRow): PolicyInitiative | null {
    const id = ref(mention, "INITIATIVE");
    return id ? { id } : null;
  }

  @FieldResolver(() => Country, { nullable: true, description: "The country named, when `kind` is COUNTRY." })
  country(@Root() mention: MentionRow): Country | null {
    const code = ref(mention, "COUNTRY");
    return code ? { code } : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The organization named, when `kind` is ORGANIZATION." })
  organization(@Root() mention: MentionRow): Organization | null {
    const id = ref(mention, "ORGANIZATION");
    return id ? { id } : null;
  }
}

import type { EntityLookup } from "@newsfed/kit/writes";

/** How this subgraph asks the gateway whether an entity it references exists (their owners answer). */
export const LOOKUPS = {
  official: {
    label: "official",
    query: "official",
    arg: "id",
    argType: "ID!",
    selection: "id",
    list: { query: "officials", filter: "ids", keyType: "ID!" },
  },
  organization: {
    label: "organization",
    query: "organization",
    arg: "id",
    argType: "ID!",
    selection: "id",
    list: { query: "organizations", filter: "ids", keyType: "ID!" },
  },
  country: {
    label: "country",
    query: "country",
    arg: "code",
    argType: "String!",
    selection: "code",
    list: { query: "countries", filter: "codes", keyType: "String!" },
  },
  // Owned here and checked in this subgraph's own tables; listed so reference lists of initiatives read alike.
  initiative: { label: "initiative", query: "initiative", arg: "id", argType: "ID!", selection: "id" },
} satisfies Record<string, EntityLookup>;

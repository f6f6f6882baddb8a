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
  initiative: { label: "initiative", query: "initiative", arg: "id", argType: "ID!", selection: "id" },
  country: {
    label: "country",
    query: "country",
    arg: "code",
    argType: "String!",
    selection: "code",
    list: { query: "countries", filter: "codes", keyType: "String!" },
  },
  event: { label: "event", query: "event", arg: "id", argType: "ID!", selection: "id" },
} satisfies Record<string, EntityLookup>;

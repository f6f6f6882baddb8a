import { type EntityLookup, idLookup } from "@newsfed/kit/writes";

/** How this subgraph asks the gateway whether an entity it references exists (their owners answer). */
export const LOOKUPS = {
  official: idLookup("official", "official", "officials"),
  organization: idLookup("organization", "organization", "organizations"),
  country: {
    label: "country",
    query: "country",
    arg: "code",
    argType: "String!",
    selection: "code",
    list: { query: "countries", filter: "codes", keyType: "String!" },
  },
  // Owned here and checked in this subgraph's own tables; listed so reference lists of initiatives read alike.
  initiative: idLookup("initiative", "initiative"),
} satisfies Record<string, EntityLookup>;

import { type EntityLookup, idLookup } from "@newsfed/kit/writes";

/** How this subgraph asks the gateway whether an entity it references exists (their owners answer). */
export const LOOKUPS = {
  official: idLookup("official", "official", "officials"),
  organization: idLookup("organization", "organization", "organizations"),
  initiative: idLookup("initiative", "initiative"),
  country: {
    label: "country",
    query: "country",
    arg: "code",
    argType: "String!",
    selection: "code",
    list: { query: "countries", filter: "codes", keyType: "String!" },
  },
  event: idLookup("event", "event"),
} satisfies Record<string, EntityLookup>;

import { type EntityLookup, lookupByKey } from "@newsfed/kit/writes";

/** How this subgraph asks the gateway whether an entity it references exists (their owners answer). */
export const LOOKUPS = {
  official: lookupByKey("official", "official", "officials"),
  organization: lookupByKey("organization", "organization", "organizations"),
  country: lookupByKey("country", "country", "countries", { arg: "code", type: "String!", filter: "codes" }),
  // Owned here and checked in this subgraph's own tables; listed so reference lists of initiatives read alike.
  initiative: lookupByKey("initiative", "initiative"),
} satisfies Record<string, EntityLookup>;

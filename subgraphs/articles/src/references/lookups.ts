import { type EntityLookup, lookupByKey } from "@newsfed/kit/writes";

/** How this subgraph asks the gateway whether an entity it references exists (their owners answer). */
export const LOOKUPS = {
  official: lookupByKey("official", "official", "officials"),
  organization: lookupByKey("organization", "organization", "organizations"),
  initiative: lookupByKey("initiative", "initiative"),
  country: lookupByKey("country", "country", "countries", { arg: "code", type: "String!", filter: "codes" }),
  event: lookupByKey("event", "event"),
} satisfies Record<string, EntityLookup>;

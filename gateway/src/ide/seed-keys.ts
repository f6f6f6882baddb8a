import { stableId } from "@newsfed/kit/ids";

/** Ids of seed entities the example operations start from (stable: derived from the seed's natural keys). */
export const SEED_KEYS = {
  annuarMusa: stableId("official", "annuar-musa"),
};

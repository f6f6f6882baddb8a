import { stableId } from "@newsfed/kit/ids";

/** Ids of the seed's entities, derived exactly as the seed loaders derive them. */
export const SEED = {
  annuar: stableId("official", "annuar-musa"),
  raimondo: stableId("official", "gina-raimondo"),
  kkmm: stableId("organization", "my-kkmm"),
  usDoc: stableId("organization", "us-doc"),
  vna: stableId("organization", "vn-vna"),
  myDigital: stableId("initiative", "my-mydigital"),
  fiveG: stableId("initiative", "my-5g-rollout"),
  asiaVisit: stableId("event", "raimondo-asia-visit-2021-11"),
  putrajayaMeeting: stableId("event", "annuar-raimondo-putrajaya-2021-11-18"),
  article: stableId("article", "vna-2021-11-19-malaysia-us-digital-cooperation"),
};

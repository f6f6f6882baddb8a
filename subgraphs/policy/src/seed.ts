import type { Identity } from "@newsfed/kit/identity";
import { readFileSync } from "node:fs";
import { stableId } from "@newsfed/kit/ids";
import { NO_FEDERATION } from "@newsfed/kit/subgraph";
import { expectWritten, seenBefore } from "@newsfed/kit/writes";
import { createContext } from "./context.js";
import type { PolicyDb } from "./db/index.js";

/** The committed seed is trusted data loaded at start-up, recorded as changed by "seed". */
const SEED_IDENTITY: Identity = { subject: "seed", scopes: ["policy:write"] };

interface SeedFile {
  initiatives: {
    key: string;
    name: string;
    acronym: string | null;
    description: string | null;
    countryCode: string | null;
    status: string;
    themes: string[];
    startDate: string | null;
    leadOrganization: string | null;
    champions: string[];
  }[];
  events: {
    key: string;
    kind: string;
    title: string;
    startDate: string;
    endDate: string | null;
    location: { name: string; countryCode: string | null } | null;
    parent: string | null;
    themes: string[];
    participants: string[];
    countries: string[];
    initiatives: string[];
    outcomes: { key: string; statement: string; status: string; themes: string[] }[];
  }[];
}

const SEED = new URL("../seed/policy.json", import.meta.url);

/** Loads the committed policy data through the services the API uses; creates only what is absent (idempotent). */
export async function seedPolicy(db: PolicyDb): Promise<void> {
  const data = JSON.parse(readFileSync(SEED, "utf8")) as SeedFile;
  const ctx = createContext(db, { identity: SEED_IDENTITY, federation: NO_FEDERATION });
  for (const initiative of data.initiatives) {
    const id = stableId("initiative", initiative.key);
    if (await seenBefore(ctx.initiatives, id)) continue;
    // References point at the other seeds' stable ids; the gateway is not up yet to check them.
    await expectWritten(
      ctx.initiatives.writes.create(
        {
          ...initiative,
          leadOrganizationId: initiative.leadOrganization ? stableId("organization", initiative.leadOrganization) : null,
          championIds: initiative.champions.map((key) => stableId("official", key)),
        },
        { id, checkReferences: false },
      ),
    );
  }
  // Parents are listed before their children, so a child's parent always exists when it is created.
  for (const event of data.events) {
    const id = stableId("event", event.key);
    if (await seenBefore(ctx.events, id)) continue;
    await expectWritten(
      ctx.events.writes.create(
        {
          ...event,
          parentId: event.parent ? stableId("event", event.parent) : null,
          participantIds: event.participants.map((key) => stableId("official", key)),
          countryCodes: event.countries,
          initiativeIds: event.initiatives.map((key) => stableId("initiative", key)),
          outcomes: event.outcomes.map((outcome) => ({ ...outcome, id: stableId("outcome", outcome.key) })),
        },
        { id, checkReferences: false },
      ),
    );
  }
}

import type { Identity } from "@newsfed/kit/identity";
import { readFileSync } from "node:fs";
import { stableId } from "@newsfed/kit/ids";
import { NO_FEDERATION } from "@newsfed/kit/subgraph";
import { expectWritten, seenBefore } from "@newsfed/kit/writes";
import { createContext } from "./context.js";
import type { OfficialsDb } from "./db/index.js";

/** The committed seed is trusted data loaded at start-up, recorded as changed by "seed". */
const SEED_IDENTITY: Identity = { subject: "seed", scopes: ["officials:write"] };

interface SeedFile {
  countries: { code: string; name: string }[];
  organizations: { key: string; name: string; acronym: string | null; kind: string; countryCode: string | null }[];
  officials: {
    key: string;
    name: string;
    honorificPrefix: string | null;
    otherNames: string[];
    countryCode: string | null;
    positions: { key: string; title: string; organization: string | null; startDate: string | null; endDate: string | null }[];
  }[];
}

const SEED = new URL("../seed/officials.json", import.meta.url);

/**
 * Loads the committed reference data through the services the API uses. Idempotent: countries are upserted,
 * organizations and officials are created only if they never existed, so a restart neither duplicates them nor
 * undoes an editor's change or deletion.
 */
export async function seedOfficials(db: OfficialsDb): Promise<void> {
  const data = JSON.parse(readFileSync(SEED, "utf8")) as SeedFile;
  const ctx = createContext(db, { identity: SEED_IDENTITY, federation: NO_FEDERATION });
  for (const country of data.countries) await ctx.countries.save(country);
  for (const organization of data.organizations) {
    const id = stableId("organization", organization.key);
    if (await seenBefore(ctx.organizations, id)) continue;
    await expectWritten(ctx.organizations.writes.create(organization, { id }));
  }
  for (const official of data.officials) {
    const id = stableId("official", official.key);
    if (await seenBefore(ctx.officials, id)) continue;
    await expectWritten(
      ctx.officials.writes.create(
        {
          ...official,
          positions: official.positions.map((position) => ({
            ...position,
            id: stableId("position", position.key),
            organizationId: position.organization ? stableId("organization", position.organization) : null,
          })),
        },
        { id },
      ),
    );
  }
}

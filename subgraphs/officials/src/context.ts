import { lazily } from "@newsfed/kit/loaders";
import type { RequestRuntime } from "@newsfed/kit/subgraph";
import type { WriteRuntime } from "@newsfed/kit/writes";
import { CountryRepo } from "./country/country.repo.js";
import { CountryService } from "./country/country.service.js";
import type { OfficialsDb, OfficialsTx } from "./db/index.js";
import { changes, idempotencyKeys } from "./db/schema.js";
import { createLoaders } from "./loaders.js";
import { OfficialRepo } from "./official/official.repo.js";
import { OfficialService } from "./official/official.service.js";
import { OrganizationRepo } from "./organization/organization.repo.js";
import { OrganizationService } from "./organization/organization.service.js";
import { ReferenceRepo } from "./references.repo.js";

/**
 * Everything a request needs: its caller, its own loaders and the services over them. Per request; each service
 * (and each loader) is made when the request first uses it.
 */
export function createContext(db: OfficialsDb, runtime: RequestRuntime) {
  const repos = { officials: new OfficialRepo(db), organizations: new OrganizationRepo(db), countries: new CountryRepo(db) };
  const references = new ReferenceRepo(db);
  const loaders = createLoaders(repos, db);
  const writes: WriteRuntime<OfficialsTx> = {
    identity: runtime.identity,
    federation: runtime.federation,
    db,
    changes,
    idempotency: idempotencyKeys,
  };
  return lazily({
    identity: () => runtime.identity,
    requestId: () => runtime.requestId,
    loaders: () => loaders,
    officials: () => new OfficialService(repos.officials, references, loaders, runtime, writes),
    organizations: () => new OrganizationService(repos.organizations, references, loaders, runtime, writes),
    countries: () => new CountryService(repos.countries, loaders),
  });
}

export type OfficialsContext = ReturnType<typeof createContext>;

import type { OfficialsDb } from "./db/index.js";
import { CountryRepo } from "./country/country.repo.js";
import { CountryService } from "./country/country.service.js";
import { createLoaders } from "./loaders.js";
import { OfficialRepo } from "./official/official.repo.js";
import { OfficialService } from "./official/official.service.js";
import { OrganizationRepo } from "./organization/organization.repo.js";
import { OrganizationService } from "./organization/organization.service.js";

/** Everything a request needs: its own loaders and the services over them. Built per request. */
export function createContext(db: OfficialsDb) {
  const repos = { officials: new OfficialRepo(db), organizations: new OrganizationRepo(db), countries: new CountryRepo(db) };
  const loaders = createLoaders(repos);
  return {
    loaders,
    officials: new OfficialService(repos.officials, loaders),
    organizations: new OrganizationService(repos.organizations, loaders),
    countries: new CountryService(repos.countries, loaders),
  };
}

export type OfficialsContext = ReturnType<typeof createContext>;

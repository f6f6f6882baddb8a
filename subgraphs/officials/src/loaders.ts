import { groupLoader, lazily, pageLoader, rowLoader } from "@newsfed/kit/loaders";
import { changeLoaders } from "@newsfed/kit/writes";
import type { OfficialsDb } from "./db/index.js";
import { changes } from "./db/schema.js";
import type { CountryPageArgs, CountryRepo } from "./country/country.repo.js";
import type { OfficialFilter, OfficialRepo } from "./official/official.repo.js";
import type { OrganizationRepo } from "./organization/organization.repo.js";

type OrganizationPageArgs = Parameters<OrganizationRepo["page"]>[0];

export interface Repos {
  officials: OfficialRepo;
  organizations: OrganizationRepo;
  countries: CountryRepo;
}

/** Per request (never shared between requests), so batching and caching never leak across callers; each loader is made when first used. */
export function createLoaders(repos: Repos, db: OfficialsDb) {
  return lazily({
    changes: () => changeLoaders(db, changes),
    // Top-level lists, per distinct arguments: aliases asking for the same page share one statement.
    officials: () =>
      pageLoader((groups, args: { first: number; after?: string | null; filter?: OfficialFilter; count?: boolean }) =>
        repos.officials.page(groups, "all", args),
      ),
    organizations: () => pageLoader((_groups, args: OrganizationPageArgs) => repos.organizations.page(args)),
    countries: () => pageLoader((_groups, args: CountryPageArgs) => repos.countries.page(args)),
    officialById: () =>
      rowLoader(
        (ids) => repos.officials.byIds(ids),
        (row) => row.id,
      ),
    organizationById: () =>
      rowLoader(
        (ids) => repos.organizations.byIds(ids),
        (row) => row.id,
      ),
    countryByCode: () =>
      rowLoader(
        (codes) => repos.countries.byCodes(codes),
        (row) => row.code,
      ),
    positionsByOfficial: () =>
      groupLoader(
        (ids) => repos.officials.positionsOf(ids),
        (row) => row.officialId,
      ),
    officialsByCountry: () =>
      pageLoader((codes, args: { first: number; after?: string | null; filter?: OfficialFilter }) =>
        repos.officials.page(codes, "country", args),
      ),
    officialsByOrganization: () =>
      pageLoader((ids, args: { first: number; after?: string | null; filter?: OfficialFilter }) =>
        repos.officials.page(ids, "organization", args),
      ),
  });
}

export type Loaders = ReturnType<typeof createLoaders>;

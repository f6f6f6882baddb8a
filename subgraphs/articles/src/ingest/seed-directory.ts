import { readFileSync } from "node:fs";
import { stableId } from "@newsfed/kit/ids";
import { nameKey } from "@newsfed/kit/names";
import type {
  Directory,
  EventQuery,
  KnownEvent,
  KnownInitiative,
  KnownOfficial,
  KnownOrganization,
  NameQuery,
} from "./directory.js";

interface OfficialsSeed {
  countries: { code: string }[];
  organizations: { key: string; name: string; acronym: string | null; countryCode: string | null }[];
  officials: {
    key: string;
    name: string;
    honorificPrefix: string | null;
    otherNames: string[];
    countryCode: string | null;
    positions: { title: string; organization: string | null }[];
  }[];
}

interface PolicySeed {
  initiatives: { key: string; name: string; acronym: string | null; countryCode: string | null }[];
  events: {
    key: string;
    kind: string;
    title: string;
    startDate: string;
    endDate: string | null;
    parent: string | null;
    participants: string[];
  }[];
}

/** Where the other subgraphs' committed seeds are (the same files they load at start; source and compiled layouts alike). */
const SUBGRAPHS = new URL("../../../", import.meta.url);

/**
 * The directory the seed ingests its stories with at first start, before the gateway runs: the curated seed data of
 * the officials and policy subgraphs (what they load at the same start, with the same stable ids), looked up by name
 * key exactly as the owners' `filter.names` does. It creates nothing: a seed story naming something the curated data
 * lacks fails the seed (decision 0012).
 */
export class SeedDirectory implements Directory {
  private readonly officials: KnownOfficial[];
  private readonly organizations: KnownOrganization[];
  private readonly initiatives: KnownInitiative[];
  private readonly events: KnownEvent[];
  private readonly countries: Set<string>;

  constructor(root: URL = SUBGRAPHS) {
    const officials = JSON.parse(readFileSync(new URL("officials/seed/officials.json", root), "utf8")) as OfficialsSeed;
    const policy = JSON.parse(readFileSync(new URL("policy/seed/policy.json", root), "utf8")) as PolicySeed;
    this.countries = new Set(officials.countries.map((country) => country.code));
    this.organizations = officials.organizations.map((o) => ({
      id: stableId("organization", o.key),
      name: o.name,
      acronym: o.acronym,
      countryCode: o.countryCode,
    }));
    this.officials = officials.officials.map((o) => ({
      id: stableId("official", o.key),
      name: o.name,
      honorificPrefix: o.honorificPrefix,
      otherNames: o.otherNames,
      countryCode: o.countryCode,
      positions: o.positions.map((p) => ({
        title: p.title,
        organizationId: p.organization ? stableId("organization", p.organization) : null,
      })),
    }));
    this.initiatives = policy.initiatives.map((i) => ({
      id: stableId("initiative", i.key),
      name: i.name,
      acronym: i.acronym,
      countryCode: i.countryCode,
    }));
    this.events = policy.events.map((e) => ({
      id: stableId("event", e.key),
      kind: e.kind,
      title: e.title,
      startDate: e.startDate,
      endDate: e.endDate,
      participantIds: e.participants.map((key) => stableId("official", key)),
      parentId: e.parent ? stableId("event", e.parent) : null,
    }));
  }

  async findByNames(names: NameQuery) {
    const keys = (list: string[]) => new Set(list.map(nameKey));
    const officials = keys(names.officials);
    const organizations = keys(names.organizations);
    const initiatives = keys(names.initiatives);
    return {
      officials: this.officials.filter((o) =>
        [o.name, `${o.honorificPrefix ?? ""} ${o.name}`, ...o.otherNames].some((form) => officials.has(nameKey(form))),
      ),
      organizations: this.organizations.filter((o) =>
        [o.name, o.acronym ?? ""].some((form) => form && organizations.has(nameKey(form))),
      ),
      initiatives: this.initiatives.filter((i) =>
        [i.name, i.acronym ?? ""].some((form) => form && initiatives.has(nameKey(form))),
      ),
    };
  }

  async existingCountries(codes: string[]) {
    return new Set(codes.filter((code) => this.countries.has(code)));
  }

  async findEvents(queries: EventQuery[]) {
    return queries.map((query) =>
      this.events.filter(
        (e) =>
          e.participantIds.some((id) => query.participantIds.includes(id)) &&
          (e.endDate ?? e.startDate) >= query.from &&
          e.startDate <= query.to,
      ),
    );
  }

  createOrganizations(): never {
    return refuse("organizations");
  }
  createOfficials(): never {
    return refuse("officials");
  }
  createInitiatives(): never {
    return refuse("initiatives");
  }
  createEvents(): never {
    return refuse("events");
  }
  updateOfficials(): never {
    return refuse("officials");
  }
}

function refuse(what: string): never {
  throw new Error(`the seed's stories may only name curated ${what}: add it to the subgraph's seed data`);
}

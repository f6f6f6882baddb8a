import { type Connection, type KeysetPage, loadPresent, newId, toConnection } from "@newsfed/kit";
import type { EventRow, InitiativeRow } from "../db/schema.js";
import type { Loaders } from "../loaders.js";
import type { InitiativePageArgs, InitiativeRepo } from "./initiative.repo.js";

export interface NewInitiative {
  id?: string;
  name: string;
  acronym?: string | null;
  description?: string | null;
  countryCode?: string | null;
  status: string;
  themes?: string[];
  startDate?: string | null;
  leadOrganizationId?: string | null;
  championIds?: string[];
}

export class InitiativeService {
  constructor(
    private readonly repo: InitiativeRepo,
    private readonly loaders: Loaders,
  ) {}

  get(id: string): Promise<InitiativeRow | null> {
    return this.loaders.initiativeById.load(id);
  }

  async list(args: InitiativePageArgs): Promise<Connection<InitiativeRow>> {
    const pages = await this.repo.page([""], "all", args);
    return this.connection(pages.get("")!);
  }

  /** Initiatives an official champions, led by an organization, or of a country: one statement per batch. */
  async listFor(kind: "champion" | "leadOrganization" | "country", key: string, args: InitiativePageArgs) {
    const loader = {
      champion: this.loaders.initiativesByChampion,
      leadOrganization: this.loaders.initiativesByLead,
      country: this.loaders.initiativesByCountry,
    }[kind];
    return this.connection(await loader(args).load(key));
  }

  async championIds(initiativeId: string): Promise<string[]> {
    return (await this.loaders.championsByInitiative.load(initiativeId)).map((row) => row.officialId);
  }

  async events(initiativeId: string): Promise<EventRow[]> {
    const links = await this.loaders.eventsByInitiative.load(initiativeId);
    return loadPresent(this.loaders.eventById, links.map((link) => link.eventId));
  }

  async create(input: NewInitiative, actor: string): Promise<InitiativeRow> {
    const id = input.id ?? newId();
    await this.repo.insert(
      {
        id,
        name: input.name.trim(),
        acronym: input.acronym ?? null,
        description: input.description ?? null,
        countryCode: input.countryCode ?? null,
        status: input.status,
        themes: input.themes ?? [],
        startDate: input.startDate ?? null,
        leadOrganizationId: input.leadOrganizationId ?? null,
        updatedBy: actor,
      },
      input.championIds ?? [],
    );
    this.loaders.initiativeById.clear(id);
    return (await this.get(id))!;
  }

  private connection(page: KeysetPage) {
    return toConnection(page, (ids) => this.loaders.initiativeById.loadMany(ids));
  }
}

import { newId } from "@newsfed/kit/db";
import { type UserError } from "@newsfed/kit/graphql";
import { clearLoaders, loadPresent } from "@newsfed/kit/loaders";
import { type Connection, type KeysetPage, toConnection } from "@newsfed/kit/paging";
import { type RequestRuntime } from "@newsfed/kit/subgraph";
import {
  ChangeAction,
  changeOf,
  checkReferences,
  checkUnreferenced,
  historyOf,
  notFound,
  type Reference,
  requireScope,
  Validation,
} from "@newsfed/kit/writes";
import type { EventRow, InitiativeRow } from "../db/schema.js";
import type { Loaders } from "../loaders.js";
import { LOOKUPS } from "../references/lookups.js";
import { oneOf, referenceList, themes } from "../validation.js";
import type { InitiativePageArgs, InitiativeRepo } from "./initiative.repo.js";

export interface InitiativeInput {
  name?: string | null;
  acronym?: string | null;
  description?: string | null;
  countryCode?: string | null;
  status?: string | null;
  themes?: string[] | null;
  startDate?: string | null;
  leadOrganizationId?: string | null;
  championIds?: string[] | null;
}

export interface WriteOptions {
  /** Check references to other subgraphs' entities through the gateway (off only for the seed, loaded before it runs). */
  checkReferences?: boolean;
}

const WRITE_SCOPE = "policy:write";

export class InitiativeService {
  constructor(
    private readonly repo: InitiativeRepo,
    private readonly loaders: Loaders,
    private readonly runtime: RequestRuntime,
  ) {}

  /** The record's audit trail, newest first. */
  history(id: string, args: { first: number; after?: string | null }) {
    return historyOf(this.loaders.changes, "PolicyInitiative", id, args);
  }

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
    return loadPresent(
      this.loaders.eventById,
      links.map((link) => link.eventId),
    );
  }

  async create(input: InitiativeInput & { id?: string }, options: WriteOptions = {}) {
    const actor = requireScope(this.runtime.identity, WRITE_SCOPE);
    const v = new Validation();
    const { row, championIds, references } = this.validate(input, v, true);
    if (options.checkReferences !== false) await checkReferences(this.runtime.federation, references, v);
    if (!v.ok) return { initiative: null, userErrors: v.errors };
    const id = input.id ?? newId();
    await this.repo.insert(
      { id, ...row, name: row.name!, status: row.status!, updatedBy: actor.subject },
      championIds ?? [],
      changeOf("PolicyInitiative", ChangeAction.CREATED, id, actor, input),
    );
    return { initiative: await this.fresh(id), userErrors: [] as UserError[] };
  }

  async update(id: string, input: InitiativeInput) {
    const actor = requireScope(this.runtime.identity, WRITE_SCOPE);
    if (!(await this.get(id))) return { initiative: null, userErrors: [notFound(id)] };
    const v = new Validation();
    const { row, championIds, references } = this.validate(input, v, false);
    await checkReferences(this.runtime.federation, references, v);
    if (!v.ok) return { initiative: null, userErrors: v.errors };
    await this.repo.update(
      id,
      { ...row, updatedBy: actor.subject, updatedAt: new Date() },
      championIds,
      changeOf("PolicyInitiative", ChangeAction.UPDATED, id, actor, input),
    );
    return { initiative: await this.fresh(id), userErrors: [] as UserError[] };
  }

  /** Refused while events link the initiative or articles are about it or mention it. */
  async delete(id: string): Promise<{ deletedId: string | null; userErrors: UserError[] }> {
    const actor = requireScope(this.runtime.identity, WRITE_SCOPE);
    if (!(await this.get(id))) return { deletedId: null, userErrors: [notFound(id)] };
    const v = new Validation();
    const events = (await this.loaders.eventsByInitiative.load(id)).length;
    await checkUnreferenced(
      this.runtime.federation,
      "initiative",
      `query InitiativeUsage($id: ID!) { initiative(id: $id) { articles(first: 0) { totalCount } mentionCount } }`,
      { id },
      {
        "event(s)": () => events,
        "article(s)": (d) => d.initiative?.articles?.totalCount,
        "mention(s) in articles": (d) => d.initiative?.mentionCount,
      },
      v,
    );
    if (!v.ok) return { deletedId: null, userErrors: v.errors };
    await this.repo.delete(id, changeOf("PolicyInitiative", ChangeAction.DELETED, id, actor));
    clearLoaders(this.loaders);
    return { deletedId: id, userErrors: [] };
  }

  private async fresh(id: string) {
    clearLoaders(this.loaders);
    return this.get(id);
  }

  private validate(input: InitiativeInput, v: Validation, creating: boolean) {
    const row: Partial<Omit<InitiativeRow, "id" | "createdAt" | "updatedAt" | "updatedBy">> = {};
    const references: Reference[] = [];
    if (creating || input.name !== undefined)
      row.name = v.text("input.name", input.name, { required: true, max: 300 }) ?? undefined;
    if (input.acronym !== undefined) row.acronym = v.text("input.acronym", input.acronym, { max: 32 });
    if (input.description !== undefined) row.description = v.text("input.description", input.description, { max: 5000 });
    if (creating || input.status !== undefined) row.status = oneOf(v, "status", "input.status", input.status) ?? undefined;
    if (input.themes !== undefined) row.themes = themes(v, "input.themes", input.themes);
    if (input.startDate !== undefined) row.startDate = input.startDate;
    if (input.countryCode !== undefined) {
      row.countryCode = v.countryCode("input.countryCode", input.countryCode);
      if (row.countryCode) references.push({ lookup: LOOKUPS.country, key: row.countryCode, field: "input.countryCode" });
    }
    if (input.leadOrganizationId !== undefined) {
      row.leadOrganizationId = input.leadOrganizationId;
      if (input.leadOrganizationId)
        references.push({ lookup: LOOKUPS.organization, key: input.leadOrganizationId, field: "input.leadOrganizationId" });
    }
    let championIds: string[] | undefined;
    if (input.championIds !== undefined) {
      const champions = referenceList(v, LOOKUPS.official, "input.championIds", input.championIds);
      championIds = champions.keys;
      references.push(...champions.references);
    }
    return { row, championIds, references };
  }

  private connection(page: KeysetPage) {
    return toConnection(page, (ids) => this.loaders.initiativeById.loadMany(ids));
  }
}

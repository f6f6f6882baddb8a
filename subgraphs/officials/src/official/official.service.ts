import { newId } from "@newsfed/kit/db";
import { type UserError, UserErrorCode } from "@newsfed/kit/graphql";
import { clearLoaders } from "@newsfed/kit/loaders";
import { type Connection, toConnection } from "@newsfed/kit/paging";
import { type RequestRuntime } from "@newsfed/kit/subgraph";
import { ChangeAction, changeOf, checkUnreferenced, historyOf, notFound, requireScope, Validation } from "@newsfed/kit/writes";
import type { OfficialRow, PositionRow } from "../db/schema.js";
import type { Loaders } from "../loaders.js";
import type { ReferenceRepo } from "../references.repo.js";
import type { OfficialFilter, OfficialRepo } from "./official.repo.js";

export interface OfficialInput {
  name?: string | null;
  honorificPrefix?: string | null;
  otherNames?: string[] | null;
  countryCode?: string | null;
  /** Replaces all positions; each gets a new id unless one is given (the seed gives stable ones). */
  positions?:
    { id?: string; title: string; organizationId?: string | null; startDate?: string | null; endDate?: string | null }[] | null;
}

export type PageArgs<TFilter> = { first: number; after?: string | null; filter?: TFilter | null };
export interface OfficialPayload {
  official: OfficialRow | null;
  userErrors: UserError[];
}

const WRITE_SCOPE = "officials:write";

/** Rules about officials; resolvers and the seed loader both come through here. */
export class OfficialService {
  constructor(
    private readonly repo: OfficialRepo,
    private readonly references: ReferenceRepo,
    private readonly loaders: Loaders,
    private readonly runtime: RequestRuntime,
  ) {}

  /** The record's audit trail, newest first. */
  history(id: string, args: { first: number; after?: string | null }) {
    return historyOf(this.loaders.changes, "Official", id, args);
  }

  get(id: string): Promise<OfficialRow | null> {
    return this.loaders.officialById.load(id);
  }

  async list(args: PageArgs<OfficialFilter>): Promise<Connection<OfficialRow>> {
    const pages = await this.repo.page([""], "all", { ...args, filter: args.filter ?? {} });
    return toConnection(pages.get("")!, (ids) => this.loaders.officialById.loadMany(ids));
  }

  async ofCountry(code: string, args: PageArgs<OfficialFilter>): Promise<Connection<OfficialRow>> {
    const page = await this.loaders.officialsByCountry({ ...args, filter: args.filter ?? {} }).load(code);
    return toConnection(page, (ids) => this.loaders.officialById.loadMany(ids));
  }

  async ofOrganization(id: string, args: PageArgs<OfficialFilter>): Promise<Connection<OfficialRow>> {
    const page = await this.loaders.officialsByOrganization({ ...args, filter: args.filter ?? {} }).load(id);
    return toConnection(page, (ids) => this.loaders.officialById.loadMany(ids));
  }

  /** Positions newest first; with `activeAt`, only those held on that day. */
  async positions(officialId: string, activeAt?: string | null): Promise<PositionRow[]> {
    const all = await this.loaders.positionsByOfficial.load(officialId);
    return activeAt ? all.filter((position) => isActiveOn(position, activeAt)) : all;
  }

  /** The post held today; for someone who holds none today, the most recent one (its endDate says so). */
  async currentPosition(officialId: string, today = new Date().toISOString().slice(0, 10)): Promise<PositionRow | null> {
    const all = await this.loaders.positionsByOfficial.load(officialId);
    return all.find((position) => isActiveOn(position, today)) ?? all[0] ?? null;
  }

  /** Creates the official with their positions in one transaction. The seed passes a stable `id`. */
  async create(input: OfficialInput & { id?: string }): Promise<OfficialPayload> {
    const actor = requireScope(this.runtime.identity, WRITE_SCOPE);
    const v = new Validation();
    const fields = await this.validate(input, v, true);
    if (!v.ok) return { official: null, userErrors: v.errors };
    const id = input.id ?? newId();
    await this.repo.insert(
      { id, ...fields.row, name: fields.row.name!, updatedBy: actor.subject },
      positionRows(id, fields.positions ?? []),
      changeOf("Official", ChangeAction.CREATED, id, actor, input),
    );
    return { official: await this.fresh(id), userErrors: [] };
  }

  /** Partial update: omitted fields unchanged; `positions` replaces the list. One transaction. */
  async update(id: string, input: OfficialInput): Promise<OfficialPayload> {
    const actor = requireScope(this.runtime.identity, WRITE_SCOPE);
    if (!(await this.get(id))) return { official: null, userErrors: [notFound(id)] };
    const v = new Validation();
    const fields = await this.validate(input, v, false);
    if (!v.ok) return { official: null, userErrors: v.errors };
    await this.repo.update(
      id,
      { ...fields.row, updatedBy: actor.subject, updatedAt: new Date() },
      fields.positions && positionRows(id, fields.positions),
      changeOf("Official", ChangeAction.UPDATED, id, actor, input),
    );
    return { official: await this.fresh(id), userErrors: [] };
  }

  /** Deletes an official no article or policy record refers to (asked through the gateway); positions go with it. */
  async delete(id: string): Promise<{ deletedId: string | null; userErrors: UserError[] }> {
    const actor = requireScope(this.runtime.identity, WRITE_SCOPE);
    if (!(await this.get(id))) return { deletedId: null, userErrors: [notFound(id)] };
    const v = new Validation();
    await checkUnreferenced(
      this.runtime.federation,
      "official",
      `query OfficialUsage($id: ID!) { official(id: $id) {
        articles(first: 0) { totalCount } mentionCount initiatives(first: 0) { totalCount } events(first: 0) { totalCount } } }`,
      { id },
      {
        "article(s)": (d) => d.official?.articles?.totalCount,
        "mention(s) in articles": (d) => d.official?.mentionCount,
        "initiative(s) as champion": (d) => d.official?.initiatives?.totalCount,
        "event(s) as participant": (d) => d.official?.events?.totalCount,
      },
      v,
    );
    if (!v.ok) return { deletedId: null, userErrors: v.errors };
    await this.repo.delete(id, changeOf("Official", ChangeAction.DELETED, id, actor));
    clearLoaders(this.loaders);
    return { deletedId: id, userErrors: [] };
  }

  private async fresh(id: string) {
    clearLoaders(this.loaders);
    return this.get(id);
  }

  /** Checks an input (all fields on create, given fields on update) and returns the columns to write. */
  private async validate(input: OfficialInput, v: Validation, creating: boolean) {
    const row: { name?: string; honorificPrefix?: string | null; otherNames?: string[]; countryCode?: string | null } = {};
    if (creating || input.name !== undefined)
      row.name = v.text("input.name", input.name, { required: true, max: 200 }) ?? undefined;
    if (input.honorificPrefix !== undefined)
      row.honorificPrefix = v.text("input.honorificPrefix", input.honorificPrefix, { max: 100 });
    if (input.otherNames !== undefined)
      row.otherNames = v.texts("input.otherNames", input.otherNames, { maxItems: 20, max: 200 });
    if (input.countryCode !== undefined) {
      row.countryCode = v.countryCode("input.countryCode", input.countryCode);
      if (row.countryCode && !(await this.references.countriesExist([row.countryCode])).has(row.countryCode)) {
        v.add(
          "input.countryCode",
          UserErrorCode.UNKNOWN_REFERENCE,
          `\`input.countryCode\`: no country "${row.countryCode}" exists.`,
        );
      }
    }
    let positions: NonNullable<OfficialInput["positions"]> | undefined;
    if (input.positions !== undefined) {
      positions = [];
      const list = input.positions ?? [];
      if (list.length > 50) v.add("input.positions", UserErrorCode.TOO_MANY, "`input.positions` takes at most 50 items.");
      const organizationIds = list.flatMap((p) => (p.organizationId ? [p.organizationId] : []));
      const known = await this.references.organizationsExist(organizationIds);
      list.forEach((position, index) => {
        const field = `input.positions.${index}`;
        const title = v.text(`${field}.title`, position.title, { required: true, max: 300 });
        if (position.organizationId && !known.has(position.organizationId)) {
          v.add(
            `${field}.organizationId`,
            UserErrorCode.UNKNOWN_REFERENCE,
            `\`${field}.organizationId\`: no organization "${position.organizationId}" exists.`,
          );
        }
        v.dateRange(`${field}.startDate`, position.startDate, `${field}.endDate`, position.endDate);
        if (title) positions!.push({ ...position, title });
      });
    }
    return { row, positions };
  }
}

const positionRows = (officialId: string, positions: NonNullable<OfficialInput["positions"]>) =>
  positions.map((position) => ({
    id: position.id ?? newId(),
    officialId,
    title: position.title,
    organizationId: position.organizationId ?? null,
    startDate: position.startDate ?? null,
    endDate: position.endDate ?? null,
  }));

export const isActiveOn = (position: Pick<PositionRow, "startDate" | "endDate">, day: string): boolean =>
  (position.startDate === null || position.startDate <= day) && (position.endDate === null || position.endDate >= day);

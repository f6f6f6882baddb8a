import { type Connection, newId, toConnection } from "@newsfed/kit";
import type { OfficialRow, PositionRow } from "../db/schema.js";
import type { Loaders } from "../loaders.js";
import type { OfficialFilter, OfficialRepo } from "./official.repo.js";

export interface NewOfficial {
  id?: string;
  name: string;
  honorificPrefix?: string | null;
  otherNames?: string[];
  countryCode?: string | null;
  positions?: { id?: string; title: string; organizationId?: string | null; startDate?: string | null; endDate?: string | null }[];
}

export type PageArgs<TFilter> = { first: number; after?: string | null; filter?: TFilter | null };

/** Rules about officials; resolvers and the seed loader both come through here. */
export class OfficialService {
  constructor(
    private readonly repo: OfficialRepo,
    private readonly loaders: Loaders,
  ) {}

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

  /** Creates the official with their positions in one transaction; the seed passes stable ids. */
  async create(input: NewOfficial, actor: string): Promise<OfficialRow> {
    const id = input.id ?? newId();
    await this.repo.insert(
      {
        id,
        name: input.name.trim(),
        honorificPrefix: input.honorificPrefix ?? null,
        otherNames: input.otherNames ?? [],
        countryCode: input.countryCode ?? null,
        updatedBy: actor,
      },
      (input.positions ?? []).map((position) => ({
        id: position.id ?? newId(),
        officialId: id,
        title: position.title,
        organizationId: position.organizationId ?? null,
        startDate: position.startDate ?? null,
        endDate: position.endDate ?? null,
      })),
    );
    this.loaders.officialById.clear(id);
    this.loaders.positionsByOfficial.clear(id);
    return (await this.get(id))!;
  }
}

export const isActiveOn = (position: Pick<PositionRow, "startDate" | "endDate">, day: string): boolean =>
  (position.startDate === null || position.startDate <= day) && (position.endDate === null || position.endDate >= day);

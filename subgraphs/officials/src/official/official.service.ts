import { type Connection, toConnection } from "@newsfed/kit/paging";
import type { RequestRuntime } from "@newsfed/kit/subgraph";
import { EntityWriter, historyOf, type WriteRuntime } from "@newsfed/kit/writes";
import type { OfficialsTx } from "../db/index.js";
import type { OfficialRow, PositionRow } from "../db/schema.js";
import type { Loaders } from "../loaders.js";
import type { ReferenceRepo } from "../references.repo.js";
import type { OfficialFilter, OfficialRepo } from "./official.repo.js";
import { officialWrites } from "./official.writes.js";

export type PageArgs<TFilter> = {
  first: number;
  after?: string | null;
  filter?: TFilter | null;
  /** Count every match for `totalCount` (default true). */
  count?: boolean | undefined;
};

/** Reads of officials and their posts; writes go through the kit's one write path. */
export class OfficialService {
  private writer: EntityWriter<OfficialRow, ReturnType<typeof officialWrites>["fields"], OfficialsTx> | undefined;
  private readonly makeWriter: () => EntityWriter<OfficialRow, ReturnType<typeof officialWrites>["fields"], OfficialsTx>;

  constructor(
    repo: OfficialRepo,
    references: ReferenceRepo,
    private readonly loaders: Loaders,
    runtime: RequestRuntime,
    writeRuntime: WriteRuntime<OfficialsTx>,
  ) {
    this.makeWriter = () =>
      new EntityWriter(officialWrites({ repo, references, loaders, federation: runtime.federation }), writeRuntime);
  }

  /** Its writes through the kit's write path, made on first use (most requests only read). */
  get writes(): EntityWriter<OfficialRow, ReturnType<typeof officialWrites>["fields"], OfficialsTx> {
    return (this.writer ??= this.makeWriter());
  }

  /** The record's audit trail, newest first. */
  history(id: string, args: { first: number; after?: string | null }) {
    return historyOf(this.loaders.changes, "Official", id, args);
  }

  get(id: string): Promise<OfficialRow | null> {
    return this.loaders.officialById.load(id);
  }

  async list(args: PageArgs<OfficialFilter>): Promise<Connection<OfficialRow>> {
    // Through the request's page loader: aliases asking for the same page share one statement.
    const page = await this.loaders.officials({ ...args, filter: args.filter ?? {} }).load("");
    return toConnection(page, (ids) => this.loaders.officialById.loadMany(ids));
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

  /** The post held today (the most recent of them, if several); null when none is held today. */
  async currentPosition(officialId: string, today = new Date().toISOString().slice(0, 10)): Promise<PositionRow | null> {
    const all = await this.loaders.positionsByOfficial.load(officialId);
    return all.find((position) => isActiveOn(position, today)) ?? null;
  }

  /** The most recent post, held today or not (positions come newest first). */
  async latestPosition(officialId: string): Promise<PositionRow | null> {
    return (await this.loaders.positionsByOfficial.load(officialId))[0] ?? null;
  }
}

export const isActiveOn = (position: Pick<PositionRow, "startDate" | "endDate">, day: string): boolean =>
  (position.startDate === null || position.startDate <= day) && (position.endDate === null || position.endDate >= day);

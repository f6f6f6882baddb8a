import { type Connection, type KeysetPage, toConnection } from "@newsfed/kit/paging";
import { loadPresent } from "@newsfed/kit/loaders";
import type { RequestRuntime } from "@newsfed/kit/subgraph";
import { EntityWriter, historyOf, type WriteRuntime } from "@newsfed/kit/writes";
import type { PolicyTx } from "../db/index.js";
import type { EventRow, InitiativeRow } from "../db/schema.js";
import type { Loaders } from "../loaders.js";
import type { InitiativePageArgs, InitiativeRepo } from "./initiative.repo.js";
import { initiativeWrites } from "./initiative.writes.js";

/** Reads of initiatives; writes go through the kit's one write path. */
export class InitiativeService {
  private writer: EntityWriter<InitiativeRow, ReturnType<typeof initiativeWrites>["fields"], PolicyTx> | undefined;
  private readonly makeWriter: () => EntityWriter<InitiativeRow, ReturnType<typeof initiativeWrites>["fields"], PolicyTx>;

  constructor(
    repo: InitiativeRepo,
    private readonly loaders: Loaders,
    runtime: RequestRuntime,
    writeRuntime: WriteRuntime<PolicyTx>,
  ) {
    this.makeWriter = () => new EntityWriter(initiativeWrites({ repo, loaders, federation: runtime.federation }), writeRuntime);
  }

  /** Its writes through the kit's write path, made on first use (most requests only read). */
  get writes(): EntityWriter<InitiativeRow, ReturnType<typeof initiativeWrites>["fields"], PolicyTx> {
    return (this.writer ??= this.makeWriter());
  }

  /** The record's audit trail, newest first. */
  history(id: string, args: { first: number; after?: string | null }) {
    return historyOf(this.loaders.changes, "PolicyInitiative", id, args);
  }

  get(id: string): Promise<InitiativeRow | null> {
    return this.loaders.initiativeById.load(id);
  }

  async list(args: InitiativePageArgs): Promise<Connection<InitiativeRow>> {
    return this.connection(await this.loaders.initiatives(args).load(""));
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

  private connection(page: KeysetPage) {
    return toConnection(page, (ids) => this.loaders.initiativeById.loadMany(ids));
  }
}

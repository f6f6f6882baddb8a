import { type Connection, toConnection } from "@newsfed/kit/paging";
import { loadPresent } from "@newsfed/kit/loaders";
import type { RequestRuntime } from "@newsfed/kit/subgraph";
import { EntityWriter, historyOf, type WriteRuntime } from "@newsfed/kit/writes";
import type { PolicyTx } from "../db/index.js";
import type { EventRow, InitiativeRow, OutcomeRow } from "../db/schema.js";
import type { Loaders } from "../loaders.js";
import type { EventPageArgs, EventRepo } from "./event.repo.js";
import { eventWrites } from "./event.writes.js";

/** Reads of events, their links and outcomes; writes go through the kit's one write path. */
export class EventService {
  private writer: EntityWriter<EventRow, ReturnType<typeof eventWrites>["fields"], PolicyTx> | undefined;
  private readonly makeWriter: () => EntityWriter<EventRow, ReturnType<typeof eventWrites>["fields"], PolicyTx>;

  constructor(
    repo: EventRepo,
    private readonly loaders: Loaders,
    runtime: RequestRuntime,
    writeRuntime: WriteRuntime<PolicyTx>,
  ) {
    this.makeWriter = () => new EntityWriter(eventWrites({ repo, loaders, federation: runtime.federation }), writeRuntime);
  }

  /** Its writes through the kit's write path, made on first use (most requests only read). */
  get writes(): EntityWriter<EventRow, ReturnType<typeof eventWrites>["fields"], PolicyTx> {
    return (this.writer ??= this.makeWriter());
  }

  /** The record's audit trail, newest first. */
  history(id: string, args: { first: number; after?: string | null }) {
    return historyOf(this.loaders.changes, "PolicyEvent", id, args);
  }

  get(id: string): Promise<EventRow | null> {
    return this.loaders.eventById.load(id);
  }

  async list(args: EventPageArgs): Promise<Connection<EventRow>> {
    const page = await this.loaders.events(args).load("");
    return toConnection(page, (ids) => this.loaders.eventById.loadMany(ids));
  }

  /** Events an official took part in, or that involved a country: one statement per batch of parents. */
  async listFor(kind: "participant" | "country", key: string, args: EventPageArgs): Promise<Connection<EventRow>> {
    const loader = kind === "participant" ? this.loaders.eventsByParticipant : this.loaders.eventsByCountry;
    return toConnection(await loader(args).load(key), (ids) => this.loaders.eventById.loadMany(ids));
  }

  children(eventId: string): Promise<EventRow[]> {
    return this.loaders.childrenByEvent.load(eventId);
  }

  async participantIds(eventId: string): Promise<string[]> {
    return (await this.loaders.participantsByEvent.load(eventId)).map((row) => row.officialId);
  }

  async countryCodes(eventId: string): Promise<string[]> {
    return (await this.loaders.countriesByEvent.load(eventId)).map((row) => row.countryCode);
  }

  async initiatives(eventId: string): Promise<InitiativeRow[]> {
    const links = await this.loaders.initiativesByEvent.load(eventId);
    return loadPresent(
      this.loaders.initiativeById,
      links.map((link) => link.initiativeId),
    );
  }

  outcomes(eventId: string): Promise<OutcomeRow[]> {
    return this.loaders.outcomesByEvent.load(eventId);
  }
}

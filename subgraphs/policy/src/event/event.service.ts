import { type Connection, loadPresent, newId, toConnection } from "@newsfed/kit";
import type { EventRow, InitiativeRow, OutcomeRow } from "../db/schema.js";
import type { Loaders } from "../loaders.js";
import type { EventPageArgs, EventRepo } from "./event.repo.js";

export interface NewEvent {
  id?: string;
  kind: string;
  title: string;
  startDate: string;
  endDate?: string | null;
  location?: { name: string; countryCode?: string | null } | null;
  parentId?: string | null;
  themes?: string[];
  participantIds?: string[];
  countryCodes?: string[];
  initiativeIds?: string[];
  outcomes?: { id?: string; statement: string; status: string; themes?: string[] }[];
}

export class EventService {
  constructor(
    private readonly repo: EventRepo,
    private readonly loaders: Loaders,
  ) {}

  get(id: string): Promise<EventRow | null> {
    return this.loaders.eventById.load(id);
  }

  async list(args: EventPageArgs): Promise<Connection<EventRow>> {
    const pages = await this.repo.page([""], "all", args);
    return toConnection(pages.get("")!, (ids) => this.loaders.eventById.loadMany(ids));
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
    return loadPresent(this.loaders.initiativeById, links.map((link) => link.initiativeId));
  }

  outcomes(eventId: string): Promise<OutcomeRow[]> {
    return this.loaders.outcomesByEvent.load(eventId);
  }

  /** Creates the event with its links and outcomes in one transaction; the seed passes stable ids. */
  async create(input: NewEvent, actor: string): Promise<EventRow> {
    const id = input.id ?? newId();
    await this.repo.insert(
      {
        id,
        kind: input.kind,
        title: input.title.trim(),
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        locationName: input.location?.name ?? null,
        locationCountryCode: input.location?.countryCode ?? null,
        parentId: input.parentId ?? null,
        themes: input.themes ?? [],
        updatedBy: actor,
      },
      {
        participantIds: input.participantIds ?? [],
        countryCodes: input.countryCodes ?? [],
        initiativeIds: input.initiativeIds ?? [],
      },
      (input.outcomes ?? []).map((outcome, position) => ({
        id: outcome.id ?? newId(),
        position,
        statement: outcome.statement,
        status: outcome.status,
        themes: outcome.themes ?? [],
      })),
    );
    this.loaders.eventById.clear(id);
    return (await this.get(id))!;
  }
}

import { newId } from "@newsfed/kit/db";
import { type UserError, UserErrorCode } from "@newsfed/kit/graphql";
import { clearLoaders, loadPresent } from "@newsfed/kit/loaders";
import { type Connection, toConnection } from "@newsfed/kit/paging";
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
import type { EventRow, InitiativeRow, OutcomeRow } from "../db/schema.js";
import type { WriteOptions } from "../initiative/initiative.service.js";
import type { Loaders } from "../loaders.js";
import { LOOKUPS } from "../references/lookups.js";
import { oneOf, referenceList, themes } from "../validation.js";
import type { EventLinks, EventPageArgs, EventRepo } from "./event.repo.js";

export interface EventInput {
  kind?: string | null;
  title?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  location?: { name: string; countryCode?: string | null } | null;
  parentId?: string | null;
  themes?: string[] | null;
  participantIds?: string[] | null;
  countryCodes?: string[] | null;
  initiativeIds?: string[] | null;
  outcomes?: { id?: string; statement: string; status: string; themes?: string[] | null }[] | null;
}

const WRITE_SCOPE = "policy:write";

export class EventService {
  constructor(
    private readonly repo: EventRepo,
    private readonly loaders: Loaders,
    private readonly runtime: RequestRuntime,
  ) {}

  /** The record's audit trail, newest first. */
  history(id: string, args: { first: number; after?: string | null }) {
    return historyOf(this.loaders.changes, "PolicyEvent", id, args);
  }

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
    return loadPresent(
      this.loaders.initiativeById,
      links.map((link) => link.initiativeId),
    );
  }

  outcomes(eventId: string): Promise<OutcomeRow[]> {
    return this.loaders.outcomesByEvent.load(eventId);
  }

  /** Creates the event with its links and outcomes in one transaction. The seed passes stable ids. */
  async create(input: EventInput & { id?: string }, options: WriteOptions = {}) {
    const actor = requireScope(this.runtime.identity, WRITE_SCOPE);
    const v = new Validation();
    const checked = await this.validate(undefined, input, v, true);
    if (options.checkReferences !== false) await checkReferences(this.runtime.federation, checked.references, v);
    if (!v.ok) return { event: null, userErrors: v.errors };
    const id = input.id ?? newId();
    const { row, links, outcomes } = checked;
    await this.repo.insert(
      { id, ...row, kind: row.kind!, title: row.title!, startDate: row.startDate!, updatedBy: actor.subject },
      {
        participantIds: links.participantIds ?? [],
        countryCodes: links.countryCodes ?? [],
        initiativeIds: links.initiativeIds ?? [],
      },
      outcomes ?? [],
      changeOf("PolicyEvent", ChangeAction.CREATED, id, actor, input),
    );
    return { event: await this.fresh(id), userErrors: [] as UserError[] };
  }

  /** Partial update; a given list (participants, countries, initiatives, outcomes) replaces the stored one. */
  async update(id: string, input: EventInput) {
    const actor = requireScope(this.runtime.identity, WRITE_SCOPE);
    const current = await this.get(id);
    if (!current) return { event: null, userErrors: [notFound(id)] };
    const v = new Validation();
    const { row, links, outcomes, references } = await this.validate(current, input, v, false);
    await checkReferences(this.runtime.federation, references, v);
    if (!v.ok) return { event: null, userErrors: v.errors };
    await this.repo.update(
      id,
      { ...row, updatedBy: actor.subject, updatedAt: new Date() },
      links,
      outcomes,
      changeOf("PolicyEvent", ChangeAction.UPDATED, id, actor, input),
    );
    return { event: await this.fresh(id), userErrors: [] as UserError[] };
  }

  /** Refused while the event has child events or articles report on it. */
  async delete(id: string): Promise<{ deletedId: string | null; userErrors: UserError[] }> {
    const actor = requireScope(this.runtime.identity, WRITE_SCOPE);
    if (!(await this.get(id))) return { deletedId: null, userErrors: [notFound(id)] };
    const v = new Validation();
    const children = (await this.children(id)).length;
    await checkUnreferenced(
      this.runtime.federation,
      "event",
      `query EventUsage($id: ID!) { event(id: $id) { articles(first: 0) { totalCount } } }`,
      { id },
      { "child event(s)": () => children, "article(s)": (d) => d.event?.articles?.totalCount },
      v,
    );
    if (!v.ok) return { deletedId: null, userErrors: v.errors };
    await this.repo.delete(id, changeOf("PolicyEvent", ChangeAction.DELETED, id, actor));
    clearLoaders(this.loaders);
    return { deletedId: id, userErrors: [] };
  }

  private async fresh(id: string) {
    clearLoaders(this.loaders);
    return this.get(id);
  }

  private async validate(current: EventRow | undefined, input: EventInput, v: Validation, creating: boolean) {
    const row: Partial<Omit<EventRow, "id" | "createdAt" | "updatedAt" | "updatedBy">> = {};
    const references: Reference[] = [];
    const links: Partial<EventLinks> = {};
    if (creating || input.kind !== undefined) row.kind = oneOf(v, "kind", "input.kind", input.kind) ?? undefined;
    if (creating || input.title !== undefined)
      row.title = v.text("input.title", input.title, { required: true, max: 300 }) ?? undefined;
    if (creating || input.startDate !== undefined) {
      if (!input.startDate) v.add("input.startDate", UserErrorCode.REQUIRED, "`input.startDate` is required.");
      else row.startDate = input.startDate;
    }
    if (input.endDate !== undefined) row.endDate = input.endDate;
    v.dateRange(
      "input.startDate",
      row.startDate ?? current?.startDate,
      "input.endDate",
      row.endDate === undefined ? current?.endDate : row.endDate,
    );
    if (input.location !== undefined) {
      row.locationName = input.location ? v.text("input.location.name", input.location.name, { required: true, max: 200 }) : null;
      row.locationCountryCode = input.location ? v.countryCode("input.location.countryCode", input.location.countryCode) : null;
      if (row.locationCountryCode)
        references.push({ lookup: LOOKUPS.country, key: row.locationCountryCode, field: "input.location.countryCode" });
    }
    if (input.themes !== undefined) row.themes = themes(v, "input.themes", input.themes);
    if (input.parentId !== undefined) {
      row.parentId = input.parentId;
      if (input.parentId) await this.checkParent(current?.id, input.parentId, v);
    }
    if (input.participantIds !== undefined) {
      const participants = referenceList(v, LOOKUPS.official, "input.participantIds", input.participantIds);
      links.participantIds = participants.keys;
      references.push(...participants.references);
    }
    if (input.countryCodes !== undefined) {
      (input.countryCodes ?? []).forEach((code, index) => v.countryCode(`input.countryCodes.${index}`, code));
      const countries = referenceList(v, LOOKUPS.country, "input.countryCodes", input.countryCodes, 50, (code) =>
        code.trim().toUpperCase(),
      );
      links.countryCodes = countries.keys;
      references.push(...countries.references.filter((reference) => /^[A-Z]{2}$/.test(reference.key)));
    }
    if (input.initiativeIds !== undefined) {
      // Initiatives live in this subgraph: checked here, not through the gateway.
      const initiatives = referenceList(v, LOOKUPS.initiative, "input.initiativeIds", input.initiativeIds);
      links.initiativeIds = initiatives.keys;
      const found = await this.loaders.initiativeById.loadMany(initiatives.keys);
      initiatives.references.forEach((reference, index) => {
        if (!found[index] || found[index] instanceof Error) {
          v.add(
            reference.field,
            UserErrorCode.UNKNOWN_REFERENCE,
            `\`${reference.field}\`: no initiative "${reference.key}" exists.`,
          );
        }
      });
    }
    let outcomes: Omit<OutcomeRow, "eventId">[] | undefined;
    if (input.outcomes !== undefined) {
      const list = input.outcomes ?? [];
      if (list.length > 50) v.add("input.outcomes", UserErrorCode.TOO_MANY, "`input.outcomes` takes at most 50 items.");
      outcomes = list.map((outcome, position) => ({
        id: outcome.id ?? newId(),
        position,
        statement: v.text(`input.outcomes.${position}.statement`, outcome.statement, { required: true, max: 2000 }) ?? "",
        status: oneOf(v, "outcomeStatus", `input.outcomes.${position}.status`, outcome.status) ?? "",
        themes: themes(v, `input.outcomes.${position}.themes`, outcome.themes),
      }));
    }
    return { row, links, outcomes, references };
  }

  /** The parent must exist, and must not be the event itself or one of its descendants (no cycles). */
  private async checkParent(eventId: string | undefined, parentId: string, v: Validation) {
    if (!(await this.get(parentId))) {
      v.add("input.parentId", UserErrorCode.UNKNOWN_REFERENCE, `\`input.parentId\`: no event "${parentId}" exists.`);
      return;
    }
    if (eventId && (parentId === eventId || (await this.repo.ancestorIds(parentId)).includes(eventId))) {
      v.add("input.parentId", UserErrorCode.CYCLE, "`input.parentId` would make this event its own ancestor.");
    }
  }
}

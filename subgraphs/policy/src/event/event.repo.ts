import {
  anyOf,
  insertColumns,
  insertRows,
  type KeysetOrder,
  keysetPages,
  namedStatement,
  readColumns,
  searchQuery,
} from "@newsfed/kit/db";
import { badInput } from "@newsfed/kit/paging";
import { asc, eq, type SQL, sql } from "drizzle-orm";
import type { PolicyDb, PolicyTx } from "../db/index.js";
import { eventCountries, eventInitiatives, events, outcomes, participants } from "../db/schema.js";

export interface EventFilter {
  kind?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  participantId?: string | null | undefined;
  participantIds?: readonly string[] | null | undefined;
  countryCode?: string | null | undefined;
  search?: string | null | undefined;
}

/** Which list events are paged in: all, or per participating official / involved country. */
export type EventGrouping = "all" | "participant" | "country";

export interface EventPageArgs {
  first: number;
  after?: string | null | undefined;
  filter?: EventFilter | null | undefined;
  /** Count every match for `totalCount` (default true); see KeysetRequest.count. */
  count?: boolean | undefined;
}

// Newest first: the order a newsroom reads a timeline in.
const BY_START: KeysetOrder = { name: "events:start", sortType: "date", direction: "desc" };

const GROUPING: Record<EventGrouping, { key: SQL; join: SQL }> = {
  all: { key: sql`''`, join: sql`` },
  participant: { key: sql`g.official_id`, join: sql`join ${participants} g on g.event_id = e.id` },
  country: { key: sql`g.country_code`, join: sql`join ${eventCountries} g on g.event_id = e.id` },
};

export class EventRepo {
  constructor(private readonly db: PolicyDb) {}

  byIds(ids: readonly string[]) {
    return this.db
      .select(readColumns(events))
      .from(events)
      .where(anyOf(events.id, ids))
      .prepare("policy.events_by_ids")
      .execute();
  }

  childrenOf(parentIds: readonly string[]) {
    return this.db
      .select(readColumns(events))
      .from(events)
      .where(anyOf(events.parentId, parentIds))
      .orderBy(asc(events.startDate), asc(events.id))
      .prepare("policy.children_of")
      .execute();
  }

  participantsOf(eventIds: readonly string[]) {
    return this.db
      .select()
      .from(participants)
      .where(anyOf(participants.eventId, eventIds))
      .orderBy(asc(participants.position))
      .prepare("policy.participants_of")
      .execute();
  }

  countriesOf(eventIds: readonly string[]) {
    return this.db
      .select()
      .from(eventCountries)
      .where(anyOf(eventCountries.eventId, eventIds))
      .orderBy(asc(eventCountries.position))
      .prepare("policy.countries_of")
      .execute();
  }

  /** Event ↔ initiative links, looked up from either side. */
  initiativeLinks(side: "event" | "initiative", ids: readonly string[]) {
    const column = side === "event" ? eventInitiatives.eventId : eventInitiatives.initiativeId;
    return this.db
      .select()
      .from(eventInitiatives)
      .where(anyOf(column, ids))
      .orderBy(asc(eventInitiatives.position))
      .prepare("policy.initiative_links")
      .execute();
  }

  outcomesOf(eventIds: readonly string[]) {
    return this.db
      .select()
      .from(outcomes)
      .where(anyOf(outcomes.eventId, eventIds))
      .orderBy(asc(outcomes.position), asc(outcomes.id))
      .prepare("policy.outcomes_of")
      .execute();
  }

  page(groups: readonly string[], grouping: EventGrouping, args: EventPageArgs) {
    const filter = args.filter ?? {};
    const conditions: SQL[] = [];
    const query = searchQuery("english", filter.search);
    if (query) conditions.push(sql`e.search @@ ${query}`);
    if (filter.kind) conditions.push(sql`e.kind = ${filter.kind}`);
    // An event is in [from, to] when any of its days is.
    if (filter.from) conditions.push(sql`coalesce(e.end_date, e.start_date) >= ${filter.from}::date`);
    if (filter.to) conditions.push(sql`e.start_date <= ${filter.to}::date`);
    if (filter.participantId) {
      conditions.push(
        sql`exists (select 1 from ${participants} p where p.event_id = e.id and p.official_id = ${filter.participantId})`,
      );
    }
    if (filter.participantIds) {
      if (filter.participantIds.length > 100)
        throw badInput("filter.participantIds", "`filter.participantIds` takes at most 100 ids.");
      conditions.push(
        sql`exists (select 1 from ${participants} p where p.event_id = e.id and p.official_id = any(${sql.param([...filter.participantIds])}::text[]))`,
      );
    }
    if (filter.countryCode) {
      conditions.push(
        sql`exists (select 1 from ${eventCountries} c where c.event_id = e.id and c.country_code = ${filter.countryCode.toUpperCase()})`,
      );
    }
    const { key, join } = GROUPING[grouping];
    if (grouping !== "all") conditions.push(sql`${key} = any(${sql.param([...groups])}::text[])`);
    const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
    return keysetPages(this.db, {
      purpose: grouping === "all" ? "policy.events" : `policy.events_by_${grouping}`,
      source: sql`select ${key} as group_key, e.start_date as sort_key, e.id from ${events} e ${join} ${where}`,
      order: BY_START,
      groups,
      first: args.first,
      after: args.after,
      count: args.count,
      rows: { table: events, key: events.id },
    });
  }

  async insert(tx: PolicyTx, row: typeof events.$inferInsert, links: EventLinks, results: OutcomeInsert[]) {
    await this.insertMany(tx, [{ row, links, results }]);
  }

  /** Several new events with their links and outcomes: one multi-row statement per table. */
  async insertMany(
    tx: PolicyTx,
    items: readonly { row: typeof events.$inferInsert; links: EventLinks; results: OutcomeInsert[] }[],
  ) {
    if (!items.length) return;
    await tx.execute(
      insertRows(
        events,
        items.map((item) => item.row),
      ),
    );
    await writeLinkRows(
      tx,
      items.map((item) => linkRows(item.row.id, item.links, item.results)),
    );
  }

  /** Updates the row and replaces each given list. */
  async update(
    tx: PolicyTx,
    id: string,
    row: Partial<typeof events.$inferInsert>,
    links: Partial<EventLinks>,
    results: OutcomeInsert[] | undefined,
  ) {
    await tx.update(events).set(row).where(eq(events.id, id));
    if (links.participantIds) await tx.delete(participants).where(eq(participants.eventId, id));
    if (links.countryCodes) await tx.delete(eventCountries).where(eq(eventCountries.eventId, id));
    if (links.initiativeIds) await tx.delete(eventInitiatives).where(eq(eventInitiatives.eventId, id));
    if (results) await tx.delete(outcomes).where(eq(outcomes.eventId, id));
    await writeLinks(tx, id, links, results ?? []);
  }

  /** Links and outcomes go with it (ON DELETE CASCADE). */
  delete(tx: PolicyTx, id: string) {
    return tx.delete(events).where(eq(events.id, id));
  }

  /** Every ancestor of an event, nearest first (a recursive walk up `parent_id`, bounded against bad data). */
  async ancestorIds(id: string): Promise<string[]> {
    const result = (await this.db.execute(
      namedStatement(
        "policy.event_ancestors",
        sql`
      with recursive up(id, parent_id, depth) as (
        select id, parent_id, 0 from ${events} where id = ${id}
        union all
        select e.id, e.parent_id, up.depth + 1 from ${events} e join up on e.id = up.parent_id where up.depth < 100
      )
      select id from up where depth > 0 order by depth`,
      ),
    )) as unknown as { rows: { id: string }[] };
    return result.rows.map((row) => row.id);
  }
}

export interface EventLinks {
  participantIds: readonly string[];
  countryCodes: readonly string[];
  initiativeIds: readonly string[];
}

export type OutcomeInsert = Omit<typeof outcomes.$inferInsert, "eventId">;

async function writeLinks(tx: PolicyTx, eventId: string, links: Partial<EventLinks>, results: OutcomeInsert[]) {
  await writeLinkRows(tx, [linkRows(eventId, links, results)]);
}

/** An event's rows in its link tables and outcomes, positions kept. */
function linkRows(eventId: string, links: Partial<EventLinks>, results: OutcomeInsert[]) {
  return {
    participants: (links.participantIds ?? []).map((officialId, position) => ({ eventId, officialId, position })),
    countries: (links.countryCodes ?? []).map((countryCode, position) => ({ eventId, countryCode, position })),
    initiatives: (links.initiativeIds ?? []).map((initiativeId, position) => ({ eventId, initiativeId, position })),
    outcomes: results.map((outcome) => ({ ...outcome, eventId })),
  };
}

/** The link and outcome rows of any number of events, one statement per table that has rows. */
async function writeLinkRows(tx: PolicyTx, rows: readonly ReturnType<typeof linkRows>[]) {
  const held = rows.flatMap((r) => r.participants);
  const countries = rows.flatMap((r) => r.countries);
  const initiatives = rows.flatMap((r) => r.initiatives);
  const results = rows.flatMap((r) => r.outcomes);
  if (held.length) await tx.execute(insertColumns(participants, ["eventId", "officialId", "position"], held));
  if (countries.length) await tx.execute(insertColumns(eventCountries, ["eventId", "countryCode", "position"], countries));
  if (initiatives.length) await tx.execute(insertColumns(eventInitiatives, ["eventId", "initiativeId", "position"], initiatives));
  if (results.length) {
    const rows = results.map((outcome) => ({ ...outcome, themes: outcome.themes ?? [] }));
    await tx.execute(insertColumns(outcomes, ["id", "eventId", "position", "statement", "status", "themes"], rows));
  }
}

import DataLoader from "dataloader";
import { sql } from "drizzle-orm";
import { index, type PgSchema, text, timestamp } from "drizzle-orm/pg-core";
import { Directive, Field, ObjectType, registerEnumType, UseMiddleware } from "type-graphql";
import { ACTOR_DESCRIPTION, auditActor } from "../graphql/audit.js";
import type { Database } from "../db/database.js";
import { purposeIn } from "../db/statement-names.js";
import { newId } from "../ids.js";
import { DateTimeScalar } from "../graphql/scalars.js";
import { anyOf, insertRows } from "../db/columns.js";
import { type KeysetOrder, keysetPages } from "../db/keyset.js";
import { connectionType } from "../graphql/connection.js";
import { type Connection, type KeysetPage, toConnection } from "../paging.js";
import { pageLoader } from "../loaders.js";

/** The audit trail of one subgraph: every write to an owned entity, in the same transaction as the write. */
export const changeLogTable = (schema: PgSchema) =>
  schema.table(
    "changes",
    {
      id: text("id").primaryKey(),
      entityType: text("entity_type").notNull(),
      entityId: text("entity_id").notNull(),
      action: text("action").notNull(),
      actor: text("actor").notNull(),
      at: timestamp("at", { withTimezone: true })
        .notNull()
        .default(sql`clock_timestamp()`),
      fields: text("fields")
        .array()
        .notNull()
        .default(sql`'{}'::text[]`),
    },
    (t) => [index("changes_entity_idx").on(t.entityType, t.entityId, t.at)],
  );

export type ChangeLogTable = ReturnType<typeof changeLogTable>;
export type ChangeRow = ChangeLogTable["$inferSelect"];

export enum ChangeAction {
  CREATED = "CREATED",
  UPDATED = "UPDATED",
  DELETED = "DELETED",
}

registerEnumType(ChangeAction, {
  name: "ChangeAction",
  description: "What a recorded change did.",
  valuesConfig: {
    CREATED: { description: "The record was created." },
    UPDATED: { description: "Some of its fields were changed (see `fields`)." },
    DELETED: { description: "The record was deleted." },
  },
});

@ObjectType({ description: "One write to a record: who made it (the token's subject), when, and which input fields it set." })
@Directive("@shareable")
export class Change {
  @Field(() => ChangeAction, { description: "What the write did." })
  action!: ChangeAction;

  @Field(() => String, { description: ACTOR_DESCRIPTION })
  @UseMiddleware(auditActor)
  actor!: string;

  @Field(() => DateTimeScalar, { description: "When it was committed." })
  at!: Date;

  @Field(() => [String], { description: "The input fields it set, e.g. `honorificPrefix`, `positions`." })
  fields!: string[];
}

export interface ChangeInput {
  entityType: string;
  entityId: string;
  action: ChangeAction;
  actor: string;
  fields?: string[];
}

/** The change a write records: what it did to which entity, by whom, and (for creates and updates) the input fields it set. */
export const changeOf = (
  entityType: string,
  action: ChangeAction,
  entityId: string,
  actor: { subject: string },
  fields: readonly string[] = [],
): ChangeInput => ({ entityType, entityId, action, actor: actor.subject, fields: [...fields] });

type Tx = Pick<Database<Record<string, unknown>>, "insert" | "execute">;

/** Records a change inside the caller's transaction, so the trail and the data never disagree. */
export async function recordChange(tx: Tx, table: ChangeLogTable, change: ChangeInput): Promise<void> {
  await tx.insert(table).values({ id: newId(), ...change, fields: change.fields ?? [] });
}

/** Records the changes of several writes with one statement, inside the caller's transaction. */
export async function recordChanges(tx: Tx, table: ChangeLogTable, changes: readonly ChangeInput[]): Promise<void> {
  if (!changes.length) return;
  await tx.execute(
    insertRows(
      table,
      changes.map((change) => ({ id: newId(), ...change, fields: change.fields ?? [] })),
    ),
  );
}

const NEWEST_FIRST: KeysetOrder = { name: "changes:at", sortType: "timestamptz", direction: "desc" };

/** Per-request loaders of an entity type's history: one statement pages the history of every entity in a batch. */
export function changeLoaders<TSchema extends Record<string, unknown>>(db: Database<TSchema>, table: ChangeLogTable) {
  const byId = new DataLoader<string, ChangeRow | null>(async (ids) => {
    const rows = await db.select().from(table).where(anyOf(table.id, ids)).prepare(purposeIn(table, "changes_by_ids")).execute();
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
  const pages = pageLoader((keys, args: { entityType: string; first: number; after?: string | null }) =>
    keysetPages(db, {
      purpose: purposeIn(table, "changes"),
      source: sql`select entity_id as group_key, at as sort_key, id from ${table}
                  where entity_type = ${args.entityType} and entity_id = any(${sql.param([...keys])}::text[])`,
      order: NEWEST_FIRST,
      groups: keys,
      first: args.first,
      after: args.after,
    }),
  );
  return {
    byId,
    page: (entityType: string, entityId: string, args: { first: number; after?: string | null }): Promise<KeysetPage> =>
      pages({ entityType, first: args.first, after: args.after }).load(entityId),
    clearAll() {
      byId.clearAll();
      pages.clearAll();
    },
  };
}

/**
 * For the seed loaders: an entity exists, or existed (its history says it was created), so loading the seed again
 * must neither duplicate it nor bring it back after an editor deleted it.
 */
export async function seenBefore(
  service: {
    get(id: string): Promise<unknown>;
    history(id: string, args: { first: number }): Promise<{ totalCount: number }>;
  },
  id: string,
): Promise<boolean> {
  return (await service.get(id)) !== null || (await service.history(id, { first: 0 })).totalCount > 0;
}

/** The `XConnection` of changes; every subgraph serves the same one. */
export const ChangeConnection = connectionType(Change, "Change", "changes", { shareable: true });

/** An entity's history as a connection, newest first. */
export async function historyOf(
  loaders: ReturnType<typeof changeLoaders>,
  entityType: string,
  entityId: string,
  args: { first: number; after?: string | null },
): Promise<Connection<ChangeRow>> {
  return toConnection(await loaders.page(entityType, entityId, args), (ids) => loaders.byId.loadMany(ids));
}

import { and, eq, sql } from "drizzle-orm";
import { type PgSchema, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { anyOf, insertRows } from "../db/columns.js";
import type { Database } from "../db/database.js";
import { purposeIn } from "../db/statement-names.js";

/**
 * Keys of creates that asked to be safe to retry: one row per (caller, entity type, key), written in the create's own
 * transaction, so a retry after a lost answer finds the entity the first attempt made instead of making another.
 */
export const idempotencyTable = (schema: PgSchema) =>
  schema.table(
    "idempotency_keys",
    {
      actor: text("actor").notNull(),
      entityType: text("entity_type").notNull(),
      key: text("key").notNull(),
      entityId: text("entity_id").notNull(),
      /** Fingerprint of the input, so the same key with another input is refused instead of answered wrongly. */
      inputHash: text("input_hash").notNull(),
      at: timestamp("at", { withTimezone: true })
        .notNull()
        .default(sql`now()`),
    },
    (t) => [primaryKey({ columns: [t.actor, t.entityType, t.key] })],
  );

export type IdempotencyTable = ReturnType<typeof idempotencyTable>;

export interface IdempotencyClaim {
  actor: string;
  entityType: string;
  key: string;
  entityId: string;
  inputHash: string;
}

type Reader = Pick<Database<Record<string, unknown>>, "select">;
type Writer = Pick<Database<Record<string, unknown>>, "insert" | "execute">;

/** What an earlier create with this key stored, if any. */
export async function findClaim(db: Reader, table: IdempotencyTable, claim: Omit<IdempotencyClaim, "entityId" | "inputHash">) {
  return (await findClaims(db, table, claim, [claim.key])).get(claim.key) ?? null;
}

/** What earlier creates stored under these keys of one caller and entity type (one statement), by key. */
export async function findClaims(
  db: Reader,
  table: IdempotencyTable,
  owner: { actor: string; entityType: string },
  keys: readonly string[],
): Promise<Map<string, { entityId: string; inputHash: string }>> {
  if (!keys.length) return new Map();
  const rows = await db
    .select({ key: table.key, entityId: table.entityId, inputHash: table.inputHash })
    .from(table)
    .where(and(eq(table.actor, owner.actor), eq(table.entityType, owner.entityType), anyOf(table.key, [...new Set(keys)])))
    .prepare(purposeIn(table, "idempotency_claims"))
    .execute();
  return new Map(rows.map(({ key, ...row }) => [key, row]));
}

/**
 * Claims a key inside the create's transaction. False when another create holds it: a concurrent one waits here on
 * the primary key until the first commits (then loses) or rolls back (then wins).
 */
export async function claimKey(tx: Writer, table: IdempotencyTable, claim: IdempotencyClaim): Promise<boolean> {
  const inserted = await tx.insert(table).values(claim).onConflictDoNothing().returning({ key: table.key });
  return inserted.length > 0;
}

/** Claims several keys with one statement (as `claimKey` each); answers the keys claimed. */
export async function claimKeys(tx: Writer, table: IdempotencyTable, claims: readonly IdempotencyClaim[]): Promise<Set<string>> {
  if (!claims.length) return new Set();
  const inserted = (await tx.execute(
    sql`${insertRows(table, claims)} on conflict do nothing returning ${sql.identifier(table.key.name)}`,
  )) as unknown as { rows: { key: string }[] };
  return new Set(inserted.rows.map((row) => row.key));
}

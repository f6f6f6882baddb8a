import { createHash } from "node:crypto";
import type { Database } from "../db/database.js";
import { isConstraintOrDataError, isUniqueViolation } from "../db/errors.js";
import { newId } from "../ids.js";
import { type UserError, UserErrorCode } from "../graphql/user-errors.js";
import type { Identity } from "../identity.js";
import type { FederationClient } from "../subgraph/federation-client.js";
import { requireScope } from "./authorization.js";
import { ChangeAction, type ChangeLogTable, changeOf, recordChange, recordChanges } from "./change-log.js";
import { claimKey, claimKeys, findClaim, findClaims, type IdempotencyTable } from "./idempotency.js";
import { type Checked, type InputShape, parseInput } from "./input-rules.js";
import { checkReferences, checkReferencesOfMany, type Reference } from "./references.js";
import { notFound, UserErrorList } from "./validation.js";

/** What the write path itself runs on a database or transaction: reads and inserts of its own bookkeeping rows. */
export type SqlRunner = Pick<Database<Record<string, unknown>>, "select" | "insert" | "execute">;

/** The subgraph's database: SQL, and transactions whose handle (`TTx`) its repositories write with. */
export interface TransactionalDb<TTx extends SqlRunner> extends SqlRunner {
  transaction<T>(run: (tx: TTx) => Promise<T>): Promise<T>;
}

/** Everything a write needs from its request and subgraph. Built per request (it carries the caller). */
export interface WriteRuntime<TTx extends SqlRunner> {
  identity: Identity | null;
  federation: FederationClient;
  db: TransactionalDb<TTx>;
  changes: ChangeLogTable;
  idempotency: IdempotencyTable;
}

/** What the rules across fields found: what to store (default: the checked values) and references to check with their owners. */
export interface CheckResult<TWrite> {
  write?: TWrite;
  references?: Reference[];
}

/**
 * Thrown inside a write's transaction when storing finds a problem only the database can see (e.g. a unique value
 * taken by a concurrent write): the transaction rolls back and the caller gets these user errors.
 */
export class WriteRefused extends Error {
  override name = "WriteRefused";
  constructor(readonly userErrors: UserError[]) {
    super(userErrors.map((error) => error.message).join("; "));
  }
}

/**
 * One entity's writes, described once: its input rules, its rules across fields and against stored data, and how its
 * repository stores it. The write path (`EntityWriter`) does the rest the same way for every entity.
 */
export interface EntitySpec<TRow, TShape extends InputShape, TTx extends SqlRunner, TWrite = Checked<TShape>> {
  /** The entity's GraphQL type, as the audit trail names it. */
  entityType: string;
  /** The scope a caller needs to write it, e.g. `officials:write`. */
  scope: string;
  /** The declared input fields and the rule of each (create and update share them). */
  fields: TShape;
  load(id: string): Promise<TRow | null>;
  /**
   * Fields that trusted loaders (seed, ingestion) may set but that are no input fields of the API; the audit trail
   * leaves them out.
   */
  internalFields?: readonly (keyof TShape & string)[];
  /**
   * Rules beyond single fields (date ranges, cycles, references inside the subgraph); `current` is null on create.
   * `input` is the input as sent, for checks that still apply where a field failed its own rule (every problem is
   * reported at once).
   */
  check?(
    values: Checked<TShape>,
    errors: UserErrorList,
    current: TRow | null,
    input: Record<string, unknown>,
  ): Promise<CheckResult<TWrite> | void>;
  insert(tx: TTx, id: string, write: TWrite, actor: Identity): Promise<unknown>;
  /**
   * Stores several new entities at once (multi-row statements), as `insert` would each; for bulk creates. Throws
   * WriteRefused or a constraint error when any of them cannot be stored: they are then stored one at a time.
   */
  insertMany?(tx: TTx, entities: readonly { id: string; write: TWrite }[], actor: Identity): Promise<unknown>;
  update(tx: TTx, id: string, write: TWrite, actor: Identity): Promise<unknown>;
  remove(tx: TTx, id: string): Promise<unknown>;
  /** Before a delete: records REFERENCED (saying by what) while others still refer to the entity. */
  usage?(id: string, current: TRow, errors: UserErrorList): Promise<void>;
  /** Forgets what this request has read (its loaders), so what follows a write reads the new state. */
  reset(): void;
}

export interface WriteOptions {
  /** A stable id for the new entity (the seed derives them from natural keys); a new UUID otherwise. */
  id?: string;
  /** Check references to other subgraphs' entities through the gateway; off only for the seed, loaded before it runs. */
  checkReferences?: boolean;
}

export interface WriteResult<TRow> {
  /** The entity as stored; null when nothing was written. */
  entity: TRow | null;
  userErrors: UserError[];
  /** A create answered from an earlier one with the same idempotency key: the entity it made, nothing new stored. */
  replayed: boolean;
}

export interface DeleteResult {
  deletedId: string | null;
  userErrors: UserError[];
}

const IDEMPOTENCY_KEY = "idempotencyKey";

/** A bulk create's input that passed its checks, on its way into the transaction. */
interface StoreEntry<TWrite> {
  index: number;
  claim: { actor: string; entityType: string; key: string } | null;
  inputHash: string;
  id: string;
  prepared: { write: TWrite; given: string[] };
}

/** Most inputs one `createMany` (a bulk create mutation) takes. */
export const MAX_BULK_CREATES = 100;

/**
 * The one write path: scope → target exists → input rules → rules across fields → references checked with their
 * owners → one transaction with the audit record (and the idempotency key) → loaders reset → re-read. Any user error
 * stops it before the transaction, so nothing is half-written.
 */
export class EntityWriter<TRow, TShape extends InputShape, TTx extends SqlRunner, TWrite = Checked<TShape>> {
  constructor(
    private readonly spec: EntitySpec<TRow, TShape, TTx, TWrite>,
    private readonly runtime: WriteRuntime<TTx>,
  ) {}

  async create(input: object, options: WriteOptions = {}): Promise<WriteResult<TRow>> {
    const actor = requireScope(this.runtime.identity, this.spec.scope);
    const key = idempotencyKeyOf(input);
    const claim = key && { actor: actor.subject, entityType: this.spec.entityType, key };
    const inputHash = hashInput(input);
    if (claim) {
      const earlier = await findClaim(this.runtime.db, this.runtime.idempotency, claim);
      if (earlier) return this.replay(earlier, inputHash);
    }
    const checked = await this.validate(input, "create", null, options);
    if (!checked.ok) return { entity: null, userErrors: checked.errors, replayed: false };
    const id = options.id ?? newId();
    const stored = await this.inTransaction(async (tx) => {
      if (claim && !(await claimKey(tx, this.runtime.idempotency, { ...claim, entityId: id, inputHash }))) {
        return "replayed" as const;
      }
      await this.spec.insert(tx, id, checked.write, actor);
      await this.record(tx, ChangeAction.CREATED, id, actor, checked.given);
      return "created" as const;
    });
    if (stored instanceof WriteRefused) return { entity: null, userErrors: stored.userErrors, replayed: false };
    if (stored === "replayed" && claim) {
      // A concurrent create with the same key won: answer with its entity.
      return this.replay((await findClaim(this.runtime.db, this.runtime.idempotency, claim))!, inputHash);
    }
    return { entity: await this.fresh(id), userErrors: [], replayed: false };
  }

  /**
   * Creates many entities as `create` would each, sharing the work: every input is checked (rules and rules across
   * fields, side by side so loaders batch), the references of all of them are checked with their owners together (a
   * few gateway requests instead of one per input), and all are stored in one transaction with a savepoint per entity,
   * so each is still all-or-nothing with its audit record and idempotency key, and a refused one leaves the others.
   * Results in input order, each as `create` answers it.
   */
  async createMany(
    inputs: readonly object[],
    options: Omit<WriteOptions, "id"> & { ids?: readonly (string | undefined)[] } = {},
  ): Promise<WriteResult<TRow>[]> {
    const actor = requireScope(this.runtime.identity, this.spec.scope);
    const results: WriteResult<TRow>[] = new Array(inputs.length);
    const owner = { actor: actor.subject, entityType: this.spec.entityType };
    // Keys used before, looked up together: a retried batch replays what its first attempt stored.
    const earlierClaims = await findClaims(
      this.runtime.db,
      this.runtime.idempotency,
      owner,
      inputs.flatMap((input) => idempotencyKeyOf(input) ?? []),
    );
    const entries = await Promise.all(
      inputs.map(async (input, index) => {
        const key = idempotencyKeyOf(input);
        const claim = key ? { ...owner, key } : null;
        const inputHash = hashInput(input);
        if (claim) {
          const earlier = earlierClaims.get(claim.key);
          if (earlier) {
            results[index] = await this.replay(earlier, inputHash);
            return null;
          }
        }
        return {
          index,
          claim,
          inputHash,
          id: options.ids?.[index] ?? newId(),
          prepared: await this.prepare(input, "create", null),
        };
      }),
    );
    const pending = entries.filter((entry) => entry !== null);
    if (options.checkReferences !== false) {
      await checkReferencesOfMany(
        this.runtime.federation,
        pending.map((entry) => ({ references: entry.prepared.references, errors: entry.prepared.errors })),
      );
    }
    const outcome = new Map<number, "created" | "replayed" | UserError[]>();
    const toStore = pending.filter((entry) => {
      if (entry.prepared.errors.ok) return true;
      results[entry.index] = { entity: null, userErrors: entry.prepared.errors.errors, replayed: false };
      return false;
    });
    if (toStore.length) {
      await this.runtime.db.transaction(async (tx) => {
        const savepoints = tx as unknown as TransactionalDb<TTx>;
        const together = toStore.length > 1 ? await this.storeTogether(savepoints, toStore, actor) : undefined;
        if (together) {
          for (const [index, result] of together) outcome.set(index, result);
          return;
        }
        for (const entry of toStore) {
          try {
            outcome.set(
              entry.index,
              await savepoints.transaction(async (sp) => {
                if (
                  entry.claim &&
                  !(await claimKey(sp, this.runtime.idempotency, {
                    ...entry.claim,
                    entityId: entry.id,
                    inputHash: entry.inputHash,
                  }))
                ) {
                  return "replayed" as const;
                }
                await this.spec.insert(sp, entry.id, entry.prepared.write, actor);
                await this.record(sp, ChangeAction.CREATED, entry.id, actor, entry.prepared.given);
                return "created" as const;
              }),
            );
          } catch (error) {
            if (!(error instanceof WriteRefused)) throw error;
            outcome.set(entry.index, error.userErrors);
          }
        }
      });
    }
    this.spec.reset();
    await Promise.all(
      toStore.map(async (entry) => {
        const result = outcome.get(entry.index)!;
        if (Array.isArray(result)) results[entry.index] = { entity: null, userErrors: result, replayed: false };
        else if (result === "replayed")
          results[entry.index] = await this.replay(
            (await findClaim(this.runtime.db, this.runtime.idempotency, entry.claim!))!,
            entry.inputHash,
          );
        else results[entry.index] = { entity: await this.spec.load(entry.id), userErrors: [], replayed: false };
      }),
    );
    return results;
  }

  /**
   * The usual case of a bulk create, all of it valid: every entity stored in one savepoint, the idempotency keys
   * claimed and the audit records written with one statement each, and the entities with the spec's `insertMany`
   * (multi-row statements) when it has one. Undefined when anything in it was refused or broke a constraint: the
   * savepoint is rolled back and the caller stores each entity in a savepoint of its own, which tells them apart.
   */
  private async storeTogether(
    db: TransactionalDb<TTx>,
    entries: readonly StoreEntry<TWrite>[],
    actor: Identity,
  ): Promise<Map<number, "created" | "replayed"> | undefined> {
    // Two inputs with one key: a multi-row claim would let both through; one at a time, the second replays the first.
    const keys = entries.flatMap((entry) => (entry.claim ? [entry.claim.key] : []));
    if (new Set(keys).size !== keys.length) return undefined;
    try {
      return await db.transaction(async (sp) => {
        const outcome = new Map<number, "created" | "replayed">();
        const claims = entries.flatMap((entry) =>
          entry.claim ? [{ ...entry.claim, entityId: entry.id, inputHash: entry.inputHash }] : [],
        );
        const claimed = await claimKeys(sp, this.runtime.idempotency, claims);
        const creating = entries.filter((entry) => {
          const ours = !entry.claim || claimed.has(entry.claim.key);
          outcome.set(entry.index, ours ? "created" : "replayed");
          return ours;
        });
        const writes = creating.map((entry) => ({ id: entry.id, write: entry.prepared.write }));
        if (this.spec.insertMany) await this.spec.insertMany(sp, writes, actor);
        else for (const { id, write } of writes) await this.spec.insert(sp, id, write, actor);
        await recordChanges(
          sp,
          this.runtime.changes,
          creating.map((entry) => changeOf(this.spec.entityType, ChangeAction.CREATED, entry.id, actor, entry.prepared.given)),
        );
        return outcome;
      });
    } catch (error) {
      if (error instanceof WriteRefused || isConstraintOrDataError(error)) return undefined;
      throw error;
    }
  }

  /** Partial update: omitted fields stay as they are, null clears, a list replaces. */
  async update(id: string, input: object, options: WriteOptions = {}): Promise<WriteResult<TRow>> {
    const actor = requireScope(this.runtime.identity, this.spec.scope);
    const current = await this.spec.load(id);
    if (!current) return { entity: null, userErrors: [notFound(id)], replayed: false };
    const checked = await this.validate(input, "update", current, options);
    if (!checked.ok) return { entity: null, userErrors: checked.errors, replayed: false };
    const refused = await this.inTransaction(async (tx) => {
      await this.spec.update(tx, id, checked.write, actor);
      await this.record(tx, ChangeAction.UPDATED, id, actor, checked.given);
    });
    if (refused instanceof WriteRefused) return { entity: null, userErrors: refused.userErrors, replayed: false };
    return { entity: await this.fresh(id), userErrors: [], replayed: false };
  }

  async delete(id: string): Promise<DeleteResult> {
    const actor = requireScope(this.runtime.identity, this.spec.scope);
    const current = await this.spec.load(id);
    if (!current) return { deletedId: null, userErrors: [notFound(id)] };
    const errors = new UserErrorList();
    await this.spec.usage?.(id, current, errors);
    if (!errors.ok) return { deletedId: null, userErrors: errors.errors };
    await this.runtime.db.transaction(async (tx) => {
      await this.spec.remove(tx, id);
      await this.record(tx, ChangeAction.DELETED, id, actor, []);
    });
    this.spec.reset();
    return { deletedId: id, userErrors: [] };
  }

  private async validate(input: object, mode: "create" | "update", current: TRow | null, options: WriteOptions) {
    const prepared = await this.prepare(input, mode, current);
    if (options.checkReferences !== false && prepared.references.length) {
      await checkReferences(this.runtime.federation, prepared.references, prepared.errors);
    }
    return { ok: prepared.errors.ok, errors: prepared.errors.errors, write: prepared.write, given: prepared.given };
  }

  /** Input rules and rules across fields; the references to check with their owners come back unchecked. */
  private async prepare(input: object, mode: "create" | "update", current: TRow | null) {
    const parsed = parseInput(this.spec.fields, input, mode);
    const errors = new UserErrorList();
    errors.addAll(parsed.errors);
    const found = await this.spec.check?.(parsed.values, errors, current, input as Record<string, unknown>);
    const untracked = new Set<string>([IDEMPOTENCY_KEY, ...(this.spec.internalFields ?? [])]);
    return {
      errors,
      references: found?.references ?? [],
      write: found?.write ?? (parsed.values as unknown as TWrite),
      given: parsed.given.filter((field) => !untracked.has(field)),
    };
  }

  /** Runs a write in one transaction; a WriteRefused inside it rolls back and comes back as its user errors. */
  private async inTransaction<T>(run: (tx: TTx) => Promise<T>): Promise<T | WriteRefused> {
    try {
      return await this.runtime.db.transaction(run);
    } catch (error) {
      if (error instanceof WriteRefused) return error;
      throw error;
    }
  }

  /** The audit record, in the write's own transaction, so the trail and the data never disagree. */
  private record(tx: TTx, action: ChangeAction, id: string, actor: Identity, fields: readonly string[]) {
    return recordChange(tx, this.runtime.changes, changeOf(this.spec.entityType, action, id, actor, fields));
  }

  private async replay(earlier: { entityId: string; inputHash: string }, inputHash: string): Promise<WriteResult<TRow>> {
    if (earlier.inputHash !== inputHash) {
      return {
        entity: null,
        replayed: false,
        userErrors: [
          {
            field: `input.${IDEMPOTENCY_KEY}`,
            code: UserErrorCode.IDEMPOTENCY_KEY_REUSED,
            message: `\`input.${IDEMPOTENCY_KEY}\` was already used for a different input; use a new key for a new ${this.spec.entityType}.`,
          },
        ],
      };
    }
    const entity = await this.fresh(earlier.entityId);
    if (!entity) return { entity: null, userErrors: [notFound(earlier.entityId)], replayed: false };
    return { entity, userErrors: [], replayed: true };
  }

  private async fresh(id: string): Promise<TRow | null> {
    this.spec.reset();
    return this.spec.load(id);
  }
}

const idempotencyKeyOf = (input: object): string | null => {
  const key = (input as Record<string, unknown>)[IDEMPOTENCY_KEY];
  return typeof key === "string" && key.trim() ? key.trim() : null;
};

/** A fingerprint of an input, independent of key order. */
function hashInput(input: object): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === "object" && !(value instanceof Date)
        ? Object.fromEntries(
            Object.entries(value)
              .filter(([, v]) => v !== undefined)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, v]) => [k, canonical(v)]),
          )
        : value;
  return createHash("sha256")
    .update(JSON.stringify(canonical(input)))
    .digest("hex");
}

/**
 * Runs a storing step and turns a unique violation of `index` (a concurrent write took the unique value after the
 * check) into the user error a check would have given: the transaction rolls back and the caller gets `duplicate`.
 */
export async function refusingDuplicates<T>(store: () => Promise<T>, index: string, duplicate: () => UserError): Promise<T> {
  try {
    return await store();
  } catch (error) {
    if (isUniqueViolation(error, index)) throw new WriteRefused([duplicate()]);
    throw error;
  }
}

/** Runs a bulk create, or refuses it whole (TOO_MANY on `inputs`) beyond MAX_BULK_CREATES inputs. */
export async function bulkCreate<TResult>(
  inputs: readonly object[],
  run: (inputs: readonly object[]) => Promise<TResult[]>,
): Promise<{ results: TResult[]; userErrors: UserError[] }> {
  if (inputs.length > MAX_BULK_CREATES) {
    return {
      results: [],
      userErrors: [
        {
          field: "inputs",
          code: UserErrorCode.TOO_MANY,
          message: `\`inputs\` takes at most ${MAX_BULK_CREATES} items (got ${inputs.length}); send them in several requests.`,
        },
      ],
    };
  }
  return { results: await run(inputs), userErrors: [] };
}

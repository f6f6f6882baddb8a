import DataLoader from "dataloader";
import type { KeysetPage } from "./paging.js";

/**
 * A per-request loader of rows by key: all keys asked for in one tick become one statement, results come back
 * in key order with null for unknown keys (what `_entities` needs: order preserved, unknown → null).
 */
export function rowLoader<TRow>(
  fetch: (keys: readonly string[]) => Promise<TRow[]>,
  keyOf: (row: TRow) => string,
): DataLoader<string, TRow | null> {
  return new DataLoader(async (keys) => {
    const rows = await fetch(keys);
    const byKey = new Map(rows.map((row) => [keyOf(row), row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** A per-request loader of the many rows that belong to each key (e.g. positions per official). */
export function groupLoader<TRow>(
  fetch: (keys: readonly string[]) => Promise<TRow[]>,
  keyOf: (row: TRow) => string,
): DataLoader<string, TRow[]> {
  return new DataLoader(async (keys) => {
    const groups = new Map<string, TRow[]>(keys.map((key) => [key, []]));
    for (const row of await fetch(keys)) groups.get(keyOf(row))?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/**
 * Per-request loaders of connection pages, one DataLoader per distinct set of arguments: every parent asking for
 * the same page (same `first`, `after`, filter) in one tick is paged by a single statement.
 */
export function pageLoader<TArgs>(
  fetch: (groups: readonly string[], args: TArgs) => Promise<Map<string, KeysetPage>>,
): ((args: TArgs) => DataLoader<string, KeysetPage>) & { clearAll(): void } {
  const loaders = new Map<string, DataLoader<string, KeysetPage>>();
  const forArgs = (args: TArgs) => {
    const key = JSON.stringify(args);
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (groups) => {
        const pages = await fetch(groups, args);
        return groups.map((group) => pages.get(group)!);
      });
      loaders.set(key, loader);
    }
    return loader;
  };
  return Object.assign(forArgs, { clearAll: () => loaders.clear() });
}

/**
 * An object whose members are made on first use, then kept: a request pays only for the loaders and services it
 * touches (most touch one or two of a subgraph's dozen), not for all of them up front.
 */
export function lazily<T extends object>(factories: { [K in keyof T]: () => T[K] }): T {
  const made = {} as T;
  for (const key of Object.keys(factories) as (keyof T & string)[]) {
    Object.defineProperty(made, key, {
      configurable: true,
      enumerable: true,
      get() {
        const value = factories[key]();
        Object.defineProperty(made, key, { value, enumerable: true, writable: false, configurable: false });
        return value;
      },
    });
  }
  return made;
}

/**
 * After a write, forget everything this request's loaders cached: any of them (children, links, pages, counts)
 * may hold what the write just changed, and a second mutation in the same request must read the new state.
 * Loaders not made yet (see `lazily`) hold nothing and are not made for this.
 */
export function clearLoaders(loaders: Record<string, unknown>): void {
  for (const key of Object.keys(loaders)) {
    const descriptor = Object.getOwnPropertyDescriptor(loaders, key);
    if (!descriptor || descriptor.get) continue;
    const clearable = descriptor.value as { clearAll?: () => unknown } | null;
    if (clearable && typeof clearable.clearAll === "function") clearable.clearAll();
  }
}

/** Loads many keys through a loader: misses are dropped, and a failed batch fails the caller instead of vanishing. */
export async function loadPresent<TRow>(loader: DataLoader<string, TRow | null>, keys: readonly string[]): Promise<TRow[]> {
  const rows = await loader.loadMany(keys);
  const present: TRow[] = [];
  for (const row of rows) {
    if (row instanceof Error) throw row;
    if (row !== null) present.push(row);
  }
  return present;
}

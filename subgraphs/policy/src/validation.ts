import { UserErrorCode } from "@newsfed/kit/graphql";
import { type EntityLookup, type Reference, type Validation } from "@newsfed/kit/writes";
import { EventKind, InitiativeStatus, OutcomeStatus } from "./enums.js";
import { PolicyTheme } from "./themes.js";

const sets = {
  theme: new Set<string>(Object.values(PolicyTheme)),
  status: new Set<string>(Object.values(InitiativeStatus)),
  kind: new Set<string>(Object.values(EventKind)),
  outcomeStatus: new Set<string>(Object.values(OutcomeStatus)),
};

/** A value of a closed set. GraphQL already enforces enums; this guards callers that are not GraphQL (the seed). */
export function oneOf(v: Validation, set: keyof typeof sets, field: string, value: string | null | undefined): string | null {
  if (value && sets[set].has(value)) return value;
  v.add(field, UserErrorCode.REQUIRED, `\`${field}\` must be one of ${[...sets[set]].join(", ")}.`);
  return null;
}

export function themes(v: Validation, field: string, values: readonly string[] | null | undefined): string[] {
  return [
    ...new Set(
      (values ?? []).map((value, index) => oneOf(v, "theme", `${field}.${index}`, value)).filter((t): t is string => t !== null),
    ),
  ];
}

/**
 * A list of references to another subgraph's entities: the distinct keys (first-seen order) to store, and one
 * reference per key naming its position in the input as given, so an error points at the item the caller sent.
 * Longer lists than `max` are refused (each reference costs the check a lookup).
 */
export function referenceList(
  v: Validation,
  lookup: EntityLookup,
  field: string,
  values: readonly string[] | null | undefined,
  max = 50,
  normalize: (value: string) => string = (value) => value,
): { keys: string[]; references: Reference[] } {
  const list = values ?? [];
  if (list.length > max) v.add(field, UserErrorCode.TOO_MANY, `\`${field}\` takes at most ${max} items.`);
  const keys: string[] = [];
  const references: Reference[] = [];
  list.forEach((value, index) => {
    const key = normalize(value);
    if (keys.includes(key)) return;
    keys.push(key);
    references.push({ lookup, key, field: `${field}.${index}` });
  });
  return { keys, references };
}

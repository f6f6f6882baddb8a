import { type Reference, UserErrorCode, type Validation } from "@newsfed/kit";
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
  return [...new Set((values ?? []).map((value, index) => oneOf(v, "theme", `${field}.${index}`, value)).filter((t): t is string => t !== null))];
}

/** References to entities another subgraph owns, each with the input field that holds it. */
export const refs = (kind: Reference["kind"], field: string, keys: readonly string[]): Reference[] =>
  keys.map((key, index) => ({ kind, key, field: `${field}.${index}` }));

/** Distinct ids, in first-seen order. */
export const distinct = (values: readonly string[] | null | undefined): string[] => [...new Set(values ?? [])];

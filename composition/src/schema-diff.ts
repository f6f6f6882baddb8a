import { buildSchema, findBreakingChanges, findDangerousChanges } from "graphql";

export interface SchemaDiff {
  breaking: string[];
  dangerous: string[];
  changed: boolean;
}

/**
 * What partners would feel if `next` replaced `previous`: breaking changes (removed or retyped fields, arguments
 * made required, enum values removed…) break existing clients; dangerous ones (new enum values, changed defaults)
 * may. Anything else is an addition.
 */
export function diffApiSchemas(previousSdl: string, nextSdl: string): SchemaDiff {
  const previous = buildSchema(previousSdl);
  const next = buildSchema(nextSdl);
  return {
    breaking: findBreakingChanges(previous, next).map((change) => `${change.type}: ${change.description}`),
    dangerous: findDangerousChanges(previous, next).map((change) => `${change.type}: ${change.description}`),
    changed: previousSdl !== nextSdl,
  };
}

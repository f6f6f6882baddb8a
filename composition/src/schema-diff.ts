import { CriticalityLevel, diff } from "@graphql-inspector/core";
import { buildSchema } from "graphql";

export interface SchemaDiff {
  /** Changes that break existing clients: removed or retyped fields, arguments made required, enum values removed… */
  breaking: string[];
  /** Changes that may affect clients: new enum values (exhaustive switches), changed defaults… */
  dangerous: string[];
  /** Everything else but wording: additions, deprecations. */
  safe: string[];
  /** Where only the words changed: schema coordinates whose description was added or changed. */
  descriptions: string[];
  changed: boolean;
}

/** What partners would feel if `next` replaced `previous`, one line per change (graphql-inspector's wording). */
export async function diffApiSchemas(previousSdl: string, nextSdl: string): Promise<SchemaDiff> {
  const changes = await diff(buildSchema(previousSdl), buildSchema(nextSdl));
  const wording = (change: (typeof changes)[number]) => /DESCRIPTION/.test(change.type);
  const at = (level: CriticalityLevel) =>
    changes.filter((change) => change.criticality.level === level && !wording(change)).map((change) => change.message);
  return {
    breaking: at(CriticalityLevel.Breaking),
    dangerous: at(CriticalityLevel.Dangerous),
    safe: at(CriticalityLevel.NonBreaking),
    descriptions: [...new Set(changes.filter(wording).map((change) => change.path ?? "schema"))],
    changed: previousSdl !== nextSdl,
  };
}

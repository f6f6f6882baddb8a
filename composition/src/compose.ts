import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  latestEntry,
  nextVersion,
  prependEntry,
  readChangelog,
  renderEntry,
  schemaFromHistory,
  schemaHash,
  writeChangelog,
} from "./changelog.js";
import { API_SCHEMA_FILE, composeSupergraph, readCommitted, SUPERGRAPH_FILE } from "./composition.js";
import { diffApiSchemas } from "./schema-diff.js";

// `pnpm compose`: regenerate the committed supergraph and public schema after a subgraph schema change, and add a
// versioned, dated changelog entry listing what the breaking-change gate saw. A breaking change is refused unless
// `--allow-breaking` says it is deliberate. `--note "…"` (repeatable) adds a line a diff cannot say (semantics).
const args = process.argv.slice(2);
const allowBreaking = args.includes("--allow-breaking");
const notes = args.flatMap((arg, index) => (arg === "--note" && args[index + 1] ? [args[index + 1]!] : []));

const composition = await composeSupergraph();
for (const hint of composition.hints) console.warn(`hint: ${hint}`);
const committed = readCommitted(API_SCHEMA_FILE);
const change = await diffApiSchemas(committed, composition.apiSchemaSdl);
// The changelog's newest entry may describe an older schema than the committed one (a merged branch recomposed it):
// then the entry to add covers everything since that schema, found in git by its fingerprint.
const described = latestEntry(readChangelog())?.hash;
const since = described && described !== schemaHash(composition.apiSchemaSdl) ? schemaFromHistory(described) : undefined;
for (const line of change.breaking) console.error(`BREAKING  ${line}`);
if (change.breaking.length && !allowBreaking) {
  console.error("\nRefusing to write a breaking schema. Deprecate instead, or pass --allow-breaking with a --note saying why.");
  process.exit(1);
}
writeFileSync(SUPERGRAPH_FILE, composition.supergraphSdl);
writeFileSync(API_SCHEMA_FILE, composition.apiSchemaSdl);
console.log(`wrote ${fileURLToPath(SUPERGRAPH_FILE)}\nwrote ${fileURLToPath(API_SCHEMA_FILE)}`);
const entryChange = since ? await diffApiSchemas(since, composition.apiSchemaSdl) : change;
if (entryChange.changed) {
  const changelog = readChangelog();
  const version = nextVersion(latestEntry(changelog)?.version ?? null, entryChange);
  const today = new Date().toISOString().slice(0, 10);
  await writeChangelog(prependEntry(changelog, renderEntry(version, today, composition.apiSchemaSdl, entryChange, notes)));
  console.log(
    `docs/schema-changelog.md: ${version} (${entryChange.breaking.length} breaking, ${entryChange.dangerous.length} dangerous, ${entryChange.safe.length} other)`,
  );
}

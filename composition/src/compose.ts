import { existsSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { API_SCHEMA_FILE, composeSupergraph, readCommitted, SUPERGRAPH_FILE } from "./composition.js";
import { diffApiSchemas } from "./schema-diff.js";

// `pnpm compose`: regenerate the committed supergraph and public schema after a subgraph schema change.
// A breaking change to the public schema is refused unless `--allow-breaking` says it is deliberate.
const allowBreaking = process.argv.includes("--allow-breaking");
const composition = await composeSupergraph();
for (const hint of composition.hints) console.warn(`hint: ${hint}`);
if (existsSync(API_SCHEMA_FILE)) {
  const diff = diffApiSchemas(readCommitted(API_SCHEMA_FILE), composition.apiSchemaSdl);
  for (const change of diff.breaking) console.error(`BREAKING  ${change}`);
  if (diff.breaking.length && !allowBreaking) {
    console.error(
      "\nRefusing to write a breaking schema. Deprecate instead, or pass --allow-breaking and record it in docs/schema-changelog.md.",
    );
    process.exit(1);
  }
}
writeFileSync(SUPERGRAPH_FILE, composition.supergraphSdl);
writeFileSync(API_SCHEMA_FILE, composition.apiSchemaSdl);
console.log(`wrote ${fileURLToPath(SUPERGRAPH_FILE)}\nwrote ${fileURLToPath(API_SCHEMA_FILE)}`);

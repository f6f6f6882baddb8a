import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { API_SCHEMA_FILE, composeSupergraph, SUPERGRAPH_FILE } from "./composition.js";

// `pnpm compose`: regenerate the committed supergraph and public schema after a subgraph schema change.
const composition = await composeSupergraph();
for (const hint of composition.hints) console.warn(`hint: ${hint}`);
writeFileSync(SUPERGRAPH_FILE, composition.supergraphSdl);
writeFileSync(API_SCHEMA_FILE, composition.apiSchemaSdl);
console.log(`wrote ${fileURLToPath(SUPERGRAPH_FILE)}\nwrote ${fileURLToPath(API_SCHEMA_FILE)}`);

import { latestEntry, readChangelog, schemaHash } from "./changelog.js";
import { API_SCHEMA_FILE, composeSupergraph, readCommitted } from "./composition.js";
import { diffApiSchemas } from "./schema-diff.js";

// `pnpm schema:check`: the breaking-change gate. Composes the subgraphs and compares the public API schema with the
// committed gateway/schema.graphql (the contract partners build against). Exit 1 on any breaking change, when the
// committed file is stale, or when the changelog's newest entry does not describe the committed schema.
const composition = await composeSupergraph();
const change = await diffApiSchemas(readCommitted(API_SCHEMA_FILE), composition.apiSchemaSdl);
for (const line of change.breaking) console.error(`BREAKING  ${line}`);
for (const line of change.dangerous) console.warn(`dangerous ${line}`);
if (change.breaking.length) {
  console.error(
    `\n${change.breaking.length} breaking change(s) against gateway/schema.graphql. Deprecate with @deprecated(reason:) instead of`,
  );
  console.error('removing; if the break is deliberate, run `pnpm compose --allow-breaking --note "why"`.');
  process.exit(1);
}
if (change.changed) {
  console.error("The API schema changed without breaking anything, but gateway/schema.graphql is stale: run `pnpm compose`.");
  process.exit(1);
}
if (latestEntry(readChangelog())?.hash !== schemaHash(composition.apiSchemaSdl)) {
  console.error("docs/schema-changelog.md has no entry for the committed schema: run `pnpm compose`.");
  process.exit(1);
}
console.log("API schema matches gateway/schema.graphql and its changelog entry: no breaking changes.");

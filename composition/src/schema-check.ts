import { API_SCHEMA_FILE, composeSupergraph, readCommitted } from "./composition.js";
import { diffApiSchemas } from "./schema-diff.js";

// `pnpm schema:check`: the breaking-change gate. Composes the subgraphs and compares the public API schema with the
// committed gateway/schema.graphql (the contract partners build against). Exit 1 on any breaking change, or when
// the committed file is stale; `pnpm compose --allow-breaking` is the deliberate way to accept a breaking change.
const composition = await composeSupergraph();
const diff = diffApiSchemas(readCommitted(API_SCHEMA_FILE), composition.apiSchemaSdl);
for (const change of diff.breaking) console.error(`BREAKING  ${change}`);
for (const change of diff.dangerous) console.warn(`dangerous ${change}`);
if (diff.breaking.length) {
  console.error(
    `\n${diff.breaking.length} breaking change(s) against gateway/schema.graphql. Deprecate with @deprecated(reason:) instead of`,
  );
  console.error(
    "removing; if the break is deliberate, run `pnpm compose --allow-breaking` and record it in docs/schema-changelog.md.",
  );
  process.exit(1);
}
if (diff.changed) {
  console.error("The API schema changed without breaking anything, but gateway/schema.graphql is stale: run `pnpm compose`.");
  process.exit(1);
}
console.log("API schema matches gateway/schema.graphql: no breaking changes.");

export { API_SCHEMA_FILE, composeSupergraph, readCommitted, subgraphSdl, SUPERGRAPH_FILE } from "./composition.js";
export { CHANGELOG_FILE, latestEntry, schemaHash } from "./changelog.js";
export { diffApiSchemas } from "./schema-diff.js";
export { SUBGRAPH_DEFINITIONS } from "./subgraphs.js";

export { loadGatewayConfig, type GatewayConfig } from "./config.js";
export { composeSupergraph, subgraphSdl, readCommitted, SUPERGRAPH_FILE, API_SCHEMA_FILE } from "./composition.js";
export { diffApiSchemas } from "./schema-diff.js";
export { createGatewayServer, type GatewayOptions } from "./server.js";
export { SUBGRAPHS, type SubgraphName } from "./subgraph-list.js";
export { ALL_WRITE_SCOPES, DEVELOPMENT_JWT_SECRET, signDevelopmentToken } from "./auth/tokens.js";

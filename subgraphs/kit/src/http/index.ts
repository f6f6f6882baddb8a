export { clientGoneSignal } from "./client-gone.js";
export { graphqlError } from "./errors.js";
export { closeGracefully } from "./graceful-close.js";
export { listen } from "./listen.js";
export type { GzippedPage } from "./precompressed-page.js";
export { createGraphQLServer, type GraphQLHttpServer, type GraphQLServerOptions, type RouteHandler } from "./server.js";
export { currentRequestSignal, type RequestScope, requestScope } from "../request-scope.js";

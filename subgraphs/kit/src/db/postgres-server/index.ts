export { type PostgresServer, type PostgresServerOptions, startPostgresServer } from "./server.js";
export { provisionServiceRoles, type ServiceRole, withClient, withDatabase } from "./roles.js";
export { isRoot } from "./os-user.js";

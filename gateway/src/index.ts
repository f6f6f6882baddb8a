export { loadGatewayConfig, type GatewayConfig } from "./config.js";
export { createGatewayServer, type GatewayOptions, type GatewayServer } from "./server.js";
export {
  ALL_WRITE_SCOPES,
  AUDIT_READ_SCOPE,
  DEVELOPMENT_JWT_SECRET,
  DEVELOPMENT_SCOPES,
  signDevelopmentToken,
} from "./auth/tokens.js";
export { CONTRACT_EXAMPLE } from "./contract-example.js";

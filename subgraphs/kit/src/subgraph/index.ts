export * from "./config.js";
export * from "./federation-client.js";
export * from "./run.js";
export * from "./server.js";

// type-graphql decorators need the metadata polyfill loaded before any of them runs.
import "reflect-metadata";
export * from "./authorization.js";
export * from "./change-log.js";
export * from "./references.js";
export * from "./validation.js";
export * from "./idempotency.js";
export * from "./input-rules.js";
export * from "./write-path.js";

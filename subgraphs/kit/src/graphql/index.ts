// type-graphql decorators need the metadata polyfill loaded before any of them runs.
import "reflect-metadata";
export * from "./audit.js";
export * from "./connection.js";
export * from "./create-input.js";
export * from "./federation.js";
export * from "./scalars.js";
export * from "./selection.js";
export * from "./user-errors.js";

export * from "./columns.js";
export * from "./database.js";
export * from "./errors.js";
export * from "./keyset.js";
export * from "./search.js";
export * from "./statement-names.js";

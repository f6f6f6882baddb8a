import type { Database } from "@newsfed/kit/db";
import * as schema from "./schema.js";

export { schema };
export type ArticlesDb = Database<typeof schema>;
/** A transaction on this subgraph's database: what the repositories write with. */
export type ArticlesTx = Parameters<Parameters<ArticlesDb["transaction"]>[0]>[0];
export const migrationsFolder = new URL("../../drizzle", import.meta.url).pathname;

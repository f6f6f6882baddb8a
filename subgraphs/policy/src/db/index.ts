import type { Database } from "@newsfed/kit/db";
import * as schema from "./schema.js";

export { schema };
export type PolicyDb = Database<typeof schema>;
export const migrationsFolder = new URL("../../drizzle", import.meta.url).pathname;

import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

// `pnpm test:postgres`: the same federation on a real PostgreSQL server (TEST_DATABASE_URL, see scripts/with-postgres.sh).
export default defineConfig({
  ...base,
  test: { ...base.test, include: ["tests/postgres/**/*.test.ts"], exclude: ["**/node_modules/**"] },
});

import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

// `pnpm test:postgres`: the subgraph and gateway tiers on a real PostgreSQL server instead of PGlite (databases copied
// from seeded templates), plus the start command with DATABASE_URL. Needs TEST_DATABASE_URL (scripts/with-postgres.sh).
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["tests/subgraphs/**/*.test.ts", "tests/gateway/**/*.test.ts", "tests/postgres/**/*.test.ts"],
    exclude: ["**/node_modules/**"],
  },
});

import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

// `pnpm test:postgres`: the subgraph, gateway and PostgreSQL tiers on another PostgreSQL server than the embedded one
// (CI: Debian's, another major version), through TEST_DATABASE_URL (scripts/with-postgres.sh provides one).
if (!process.env.TEST_DATABASE_URL) {
  throw new Error("TEST_DATABASE_URL is not set: run `scripts/with-postgres.sh npx -y pnpm@12.4.2 test:postgres`");
}

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["tests/subgraphs/**/*.test.ts", "tests/gateway/**/*.test.ts", "tests/postgres/**/*.test.ts"],
  },
});

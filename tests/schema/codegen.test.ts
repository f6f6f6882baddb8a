import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { generate } from "@graphql-codegen/cli";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/stack.js";

const EXAMPLE = join(ROOT, "examples/newsroom");

describe("typed clients from the public schema", () => {
  it("graphql-codegen generates the example app's typed documents from gateway/schema.graphql, identical to the committed ones", async () => {
    const config = (await import(join(EXAMPLE, "codegen.ts"))).default;
    const previousCwd = process.cwd();
    process.chdir(EXAMPLE);
    let files: { filename: string; content: string }[];
    try {
      files = await generate({ ...config, silent: true }, false);
    } finally {
      process.chdir(previousCwd);
    }
    // The client preset without fragment masking: exactly these files, so a missing or extra one fails.
    expect(files.map((f) => f.filename).sort()).toEqual(["src/gql/gql.ts", "src/gql/graphql.ts", "src/gql/index.ts"]);
    for (const file of files) {
      expect(file.content, `${file.filename} is stale: run \`pnpm --filter @newsfed/example-newsroom codegen\``).toBe(
        readFileSync(join(EXAMPLE, file.filename), "utf8"),
      );
    }
    const types = files.find((f) => f.filename.endsWith("graphql.ts"))!.content;
    expect(types).toMatch(/export type PolicyTheme =/);
    expect(types).toMatch(/export type ArticleDetailQuery = /);
  });

  it("the example app typechecks against the generated types", async () => {
    const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
    await expect(
      promisify(execFile)(process.execPath, [tsc, "-p", join(EXAMPLE, "tsconfig.json"), "--noEmit"]),
    ).resolves.toBeDefined();
  }, 120_000);
});

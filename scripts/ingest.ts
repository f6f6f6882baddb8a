/**
 * `pnpm ingest <files or folders>…` (compiled: scripts/dist/ingest.js): ingests wire stories through the running
 * gateway's `ingestArticles`, the path the API uses (parse, link, create on behalf of the token's subject). Folders
 * are searched for `*.txt`. One line per story (created / already present / updated / refused and why), a progress
 * bar on the terminal while folders are read, a summary; exits 1 when any story was refused.
 *
 * Options: --token T (or NEWSFED_TOKEN; default: a development token with every write scope, as `pnpm run token`
 * prints), --gateway URL (or GATEWAY_URL; default http://localhost:$GATEWAY_PORT/graphql), --batch N stories per
 * request (default 50, at most 100), --parallel N requests in flight (default 4, at most 16).
 */
import { parseArgs } from "node:util";
import { signDevelopmentToken } from "@newsfed/gateway";
import { DEFAULT_PARALLEL, describe, ingestFiles, progressBar, storyFiles, summarize } from "./ingest/client.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { token: { type: "string" }, gateway: { type: "string" }, batch: { type: "string" }, parallel: { type: "string" } },
});
const USAGE = "usage: pnpm ingest [--token T] [--gateway URL] [--batch N] [--parallel N] <files or folders>…";
if (!positionals.length) {
  console.error(USAGE);
  process.exit(2);
}
/** A whole number in [1, max] given for `option`, or its default when absent; exits with the usage otherwise. */
function count(option: string, given: string | undefined, fallback: number, max: number): number {
  if (given === undefined) return fallback;
  const value = Number(given);
  if (Number.isInteger(value) && value >= 1 && value <= max) return value;
  console.error(`--${option} takes a whole number from 1 to ${max} (got "${given}")\n${USAGE}`);
  process.exit(2);
}
const batchSize = count("batch", values.batch, 50, 100);
const concurrency = count("parallel", values.parallel, DEFAULT_PARALLEL, 16);
let found: ReturnType<typeof storyFiles>;
try {
  found = storyFiles(positionals);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const token =
  values.token ??
  process.env.NEWSFED_TOKEN ??
  (await signDevelopmentToken({ subject: "ingest-cli", expiresIn: "1h", secret: process.env.JWT_SECRET }));
const gatewayUrl = values.gateway ?? process.env.GATEWAY_URL ?? `http://localhost:${process.env.GATEWAY_PORT ?? 4000}/graphql`;
const showBar = found.folders && process.stderr.isTTY;
const run = await ingestFiles(found.files, {
  gatewayUrl,
  token,
  batchSize,
  concurrency,
  onOutcome(outcome, done, total) {
    if (showBar) process.stderr.write("\r\u001b[2K");
    console.log(describe(outcome));
    if (showBar) process.stderr.write(progressBar(done, total));
  },
});
if (showBar) process.stderr.write("\r\u001b[2K");
console.log(summarize(run));
process.exit(run.outcomes.some((outcome) => outcome.status === "REFUSED") ? 1 : 0);

import { randomBytes } from "node:crypto";
import { stableId } from "@newsfed/kit/ids";
import { type Answer, errorCodes, graphql } from "./client.js";
import { sleep } from "./stack.js";

// Creates in each subgraph, sent as a careful client sends them: every create with an idempotency key, retried with
// the same key and the same input until the API acknowledges it (a payload with an entity and no userErrors), so a
// write whose answer was lost is answered by the retry instead of being made twice. Afterwards every acknowledged
// write is looked up, and every entity the run made is listed to find duplicates (two entities for one key).

export const DOMAINS = ["officials", "policy", "articles"] as const;
export type Domain = (typeof DOMAINS)[number];

const ANNUAR = stableId("official", "annuar-musa");
const MY_DIGITAL = stableId("initiative", "my-mydigital");
/** Every name the scripts give starts so; the key follows, so a listing finds what each key made. */
export const NAME_PREFIX = "Fault run";

interface WriteSpec {
  field: string;
  /** The payload's entity field and the query that reads one by id. */
  entity: string;
  lookup: string;
  /** The root connection that lists them. */
  list: string;
  /** The entity's field holding the name the script gave it. */
  nameField: string;
  input(key: string, name: string): Record<string, unknown>;
}

/** One create per subgraph; policy and articles also reference other subgraphs' entities (checked through the gateway). */
export const WRITES: Record<Domain, WriteSpec> = {
  officials: {
    field: "createOrganization",
    entity: "organization",
    lookup: "organization",
    list: "organizations",
    nameField: "name",
    input: (key, name) => ({ name, kind: "OTHER", countryCode: "MY", idempotencyKey: key }),
  },
  policy: {
    field: "createPolicyInitiative",
    entity: "policyInitiative",
    lookup: "initiative",
    list: "initiatives",
    nameField: "name",
    input: (key, name) => ({ name, status: "PROPOSED", championIds: [ANNUAR], idempotencyKey: key }),
  },
  articles: {
    field: "createArticle",
    entity: "article",
    lookup: "article",
    list: "articles",
    nameField: "headline",
    input: (key, name) => ({
      headline: name,
      body: `${name}. A story written by the fault scripts to check that acknowledged writes survive crashes.`,
      publishedAt: "2021-11-19T08:00:00Z",
      source: { name: "Fault scripts" },
      officialIds: [ANNUAR],
      initiativeIds: [MY_DIGITAL],
      idempotencyKey: key,
    }),
  },
};

export type Outcome =
  | { kind: "acknowledged"; id: string }
  /** Worth another try: no answer, 5xx/429, GraphQL errors without the payload, or userErrors all UNAVAILABLE. */
  | { kind: "retry"; reason: string }
  /** The API refused the input for good (userErrors other than UNAVAILABLE, or a client error): a script bug. */
  | { kind: "rejected"; reason: string };

/** What a create's answer means to a careful client. */
export function judge(domain: Domain, answer: Answer): Outcome {
  const spec = WRITES[domain];
  const payload = answer.body?.data?.[spec.field] as
    { userErrors?: { code: string; message: string }[]; [entity: string]: unknown } | null | undefined;
  if (payload) {
    const userErrors = payload.userErrors ?? [];
    const entity = payload[spec.entity] as { id?: string } | null | undefined;
    if (userErrors.length === 0 && entity?.id) return { kind: "acknowledged", id: entity.id };
    if (userErrors.length > 0 && userErrors.every((e) => e.code === "UNAVAILABLE"))
      return { kind: "retry", reason: "userError UNAVAILABLE" };
    return { kind: "rejected", reason: `userErrors ${JSON.stringify(userErrors)}` };
  }
  const codes = errorCodes(answer);
  if (answer.status >= 400 && answer.status < 500 && answer.status !== 429) return { kind: "rejected", reason: codes.join(",") };
  return { kind: "retry", reason: codes.join(",") || "no payload" };
}

export interface Attempt {
  domain: Domain;
  key: string;
  at: number;
  ms: number;
  outcome: Outcome;
}

export interface WriteRecord {
  domain: Domain;
  key: string;
  name: string;
  /** The id the API acknowledged, if it did. */
  id?: string;
  ackAt?: number;
  attempts: number;
  /** Why the client stopped without an acknowledgement. */
  gaveUp?: string;
}

export class CarefulWriter {
  readonly records: WriteRecord[] = [];
  readonly attempts: Attempt[] = [];
  private sequence = 0;
  private readonly run = randomBytes(3).toString("hex");

  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly options: { giveUpMs?: number; timeoutMs?: number } = {},
  ) {}

  /** One create, retried with the same key and input until acknowledged, refused for good, or the give-up time passes. */
  async write(domain: Domain): Promise<WriteRecord> {
    const key = `fault-${this.run}-${domain}-${++this.sequence}`;
    const name = `${NAME_PREFIX} ${key}`;
    const spec = WRITES[domain];
    const record: WriteRecord = { domain, key, name, attempts: 0 };
    this.records.push(record);
    const mutation = `mutation Write($input: ${spec.field[0]!.toUpperCase()}${spec.field.slice(1)}Input!) {
      ${spec.field}(input: $input) { ${spec.entity} { id } userErrors { field code message } } }`;
    const variables = { input: spec.input(key, name) };
    const started = Date.now();
    let delay = 200;
    for (;;) {
      const answer = await graphql(this.url, mutation, variables, { token: this.token, timeoutMs: this.options.timeoutMs });
      const outcome = judge(domain, answer);
      record.attempts += 1;
      this.attempts.push({ domain, key, at: answer.at, ms: answer.ms, outcome });
      if (outcome.kind === "acknowledged") {
        record.id = outcome.id;
        record.ackAt = Date.now();
        return record;
      }
      if (outcome.kind === "rejected") {
        record.gaveUp = `rejected: ${outcome.reason}`;
        return record;
      }
      if (Date.now() - started > (this.options.giveUpMs ?? 300_000)) {
        record.gaveUp = `no acknowledgement after ${record.attempts} attempts (last: ${outcome.reason})`;
        return record;
      }
      await sleep(delay);
      delay = Math.min(2_000, delay * 1.5);
    }
  }
}

export interface Verification {
  acknowledged: number;
  /** Acknowledged writes whose entity cannot be read back (or reads back with another name). */
  lost: WriteRecord[];
  /** Keys with more than one entity. */
  duplicates: { key: string; ids: string[] }[];
  /** Keys the client gave up on whose entity exists anyway (a write that succeeded unacknowledged). */
  unacknowledgedButWritten: string[];
  gaveUp: WriteRecord[];
}

/** Looks up every acknowledged write by id (25 per request) and lists every entity the run made. */
export async function verify(url: string, records: readonly WriteRecord[]): Promise<Verification> {
  const acknowledged = records.filter((r) => r.id);
  const lost: WriteRecord[] = [];
  for (const domain of DOMAINS) {
    const spec = WRITES[domain];
    const mine = acknowledged.filter((r) => r.domain === domain);
    for (let i = 0; i < mine.length; i += 25) {
      const batch = mine.slice(i, i + 25);
      const query = `query Lookup(${batch.map((_, j) => `$id${j}: ID!`).join(", ")}) { ${batch
        .map((_, j) => `e${j}: ${spec.lookup}(id: $id${j}) { id ${spec.nameField} }`)
        .join(" ")} }`;
      const answer = await must(url, query, Object.fromEntries(batch.map((r, j) => [`id${j}`, r.id])));
      batch.forEach((record, j) => {
        const found = answer.data?.[`e${j}`] as Record<string, string> | null;
        if (!found || found[spec.nameField] !== record.name) lost.push(record);
      });
    }
  }
  // Every entity whose name the scripts gave, per key.
  const byKey = new Map<string, string[]>();
  for (const domain of DOMAINS) {
    const spec = WRITES[domain];
    let after: string | null = null;
    for (;;) {
      const answer = await must(
        url,
        `query List($after: String) { ${spec.list}(first: 100, after: $after) {
          pageInfo { hasNextPage endCursor } edges { node { id ${spec.nameField} } } } }`,
        { after },
      );
      const page = answer.data![spec.list] as {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: Record<string, string> }[];
      };
      for (const { node } of page.edges) {
        const name = node[spec.nameField]!;
        if (!name.startsWith(`${NAME_PREFIX} `)) continue;
        const key = name.slice(NAME_PREFIX.length + 1);
        byKey.set(key, [...(byKey.get(key) ?? []), node.id!]);
      }
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
  }
  const duplicates = [...byKey].filter(([, ids]) => ids.length > 1).map(([key, ids]) => ({ key, ids }));
  const gaveUp = records.filter((r) => !r.id);
  return {
    acknowledged: acknowledged.length,
    lost,
    duplicates,
    unacknowledgedButWritten: gaveUp.filter((r) => byKey.has(r.key)).map((r) => r.key),
    gaveUp,
  };
}

/** A read that must succeed (verification runs with every service up); retried a while, since one may be restarting. */
async function must(url: string, query: string, variables: Record<string, unknown>) {
  for (let attempt = 0; ; attempt++) {
    const answer = await graphql(url, query, variables, { timeoutMs: 60_000 });
    if (answer.status === 200 && !answer.body?.errors?.length && answer.body?.data) return answer.body;
    if (attempt >= 60) throw new Error(`verification read failed: ${JSON.stringify(answer).slice(0, 500)}`);
    await sleep(1_000);
  }
}

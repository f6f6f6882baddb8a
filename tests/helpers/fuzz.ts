import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import {
  buildSchema,
  getNamedType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from "graphql";
import { SEED } from "./seed-ids.js";

// A deterministic generator of hostile and malformed requests for the gateway, and a raw HTTP sender for them.
// Everything random comes from one seeded PRNG, so a failing case reproduces from its seed and index.

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Token = "anonymous" | "readOnly" | "editor";

export interface FuzzCase {
  name: string;
  method: string;
  /** Path and query string, sent verbatim (not re-encoded). */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  token?: Token;
  /** Strings the request carries that an honest answer may echo (e.g. in a validation message or a created entity). */
  echoes: string[];
  /** For schema cases: the root field, so acknowledged creates can be counted. */
  field?: string;
  /** For schema cases with one hostile leaf: its path (from the argument) and value, to check it was stored as sent. */
  leaf?: { path: string; value: string };
}

export interface FuzzAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** Sends a case over a fresh connection exactly as built (no client-side normalisation of path, headers or body). */
export function send(baseUrl: string, fuzz: FuzzCase, bearer: string | undefined): Promise<FuzzAnswer> {
  const url = new URL(baseUrl);
  const headers: Record<string, string> = { ...fuzz.headers };
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  if (fuzz.body !== undefined) headers["content-length"] = String(fuzz.body.length);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, method: fuzz.method, path: fuzz.path, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) => {
      // The server may refuse an oversized body by answering and closing before reading it all.
      if (error.code === "EPIPE" || error.code === "ECONNRESET") resolve({ status: 0, headers: {}, text: `(${error.code})` });
      else reject(error);
    });
    req.end(fuzz.body);
  });
}

/** What must never reach a client: stack frames, SQL, the database driver or ORM. */
export const LEAK =
  /at \w+ \(|at file:|\.ts:\d+|\.js:\d+|select |insert into|update \w+ set|delete from|syntax error at or near|pg_|drizzle|postgres|relation "|column "|violates|ECONNREFUSED|node_modules|Maximum call stack|RangeError|TypeError|ReferenceError|Cannot read propert|undefined is not/i;

/** The body with everything the request itself carried removed, so echoing the client's own text is not a leak. */
export function withoutEchoes(text: string, echoes: readonly string[]): string {
  let rest = text;
  const forms = new Set<string>();
  for (const echo of echoes) {
    if (echo.length < 3) continue;
    forms.add(echo);
    forms.add(JSON.stringify(echo).slice(1, -1));
    forms.add(JSON.stringify(echo.trim()).slice(1, -1));
  }
  // Longest first, so a form is not cut by a shorter one it contains.
  for (const form of [...forms].sort((a, b) => b.length - a.length)) if (form.length >= 3) rest = rest.split(form).join("");
  return rest;
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value), "utf8");
const JSON_HEADERS = { "content-type": "application/json" };
/** A JSON body written by hand (values JSON.stringify cannot produce, e.g. nested deeper than its stack). */
const raw = (name: string, text: string, token?: Token): FuzzCase => ({
  name,
  method: "POST",
  path: "/graphql",
  headers: { ...JSON_HEADERS },
  body: Buffer.from(text, "utf8"),
  token,
  echoes: [],
});
const post = (name: string, value: unknown, echoes: string[] = [], token?: Token): FuzzCase => ({
  name,
  method: "POST",
  path: "/graphql",
  headers: { ...JSON_HEADERS },
  body: json(value),
  token,
  echoes,
});

/** SQL, HTML, template, path and full-text-search metacharacters (none of them is itself a leak pattern). */
export const METACHARACTERS = [
  `' OR '1'='1`,
  `'; DROP TABLE officials; --`,
  `" OR ""="`,
  `1) OR (1=1`,
  `\\'; SELECT pg_sleep(10); --`,
  `$$; COPY x TO PROGRAM 'id'; $$`,
  `<script>alert(1)</script>`,
  `"><img src=x onerror=alert(1)>`,
  `{{7*7}}\${7*7}<%= 7*7 %>`,
  `../../../../etc/passwd`,
  `%_%\\%\\_`,
  `a & b | !c <-> d:* & (`,
  `-- /* */ ; \\ \` ~`,
  `' UNION SELECT id, name FROM officials.officials --`,
  `:tsquery ' & ''' | ''`,
  `\r\nX-Injected: 1`,
];

/** Unicode edge cases: lone surrogates, bidi overrides, zero width, astral plane, combining marks, BOM, noncharacters. */
export const UNICODE = [
  "\uD800",
  "\uDFFF",
  "a\uDC00b",
  "\uDBFF\uDFFF",
  "\u202Eevil\u202C",
  "\u200F\u0645\u0631\u062D\u0628\u0627",
  "zero\u200Bwidth\u200D\u2060",
  "\uFEFFbom",
  "😀🇲🇾👩‍👩‍👧",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  "e\u0301\u0301\u0301\u0301\u0301",
  "\uFFFE\uFFFF",
  "\u0085\u2028\u2029",
  "Z̸̢̛̤͔͂̔a̶͙͑l̷̞̈g̸̪̀o̵̧̓",
  "\u001B[31mred\u001B[0m",
  "Ｓｅｌｅｃｔ",
];

// ---------------------------------------------------------------------------------------------------------------
// The schema walk: every string argument leaf of every query and mutation field.

const SCHEMA_PATH = new URL("../../gateway/schema.graphql", import.meta.url);
let cachedSchema: GraphQLSchema | undefined;
export function publicSchema(): GraphQLSchema {
  cachedSchema ??= buildSchema(readFileSync(SCHEMA_PATH, "utf8"));
  return cachedSchema;
}

/** Entities the fuzzer may update (created before the run) keyed by the update mutation's entity. */
export type Fixtures = Record<"article" | "official" | "organization" | "event" | "initiative", string>;

/** A valid value for a leaf, by its name and type, so that the one hostile leaf is what the server judges. */
function validLeaf(name: string, type: GraphQLInputType, field: string, fixtures: Fixtures, unique: string): unknown {
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0]!.value;
  switch (named.name) {
    case "Int":
      return 5;
    case "Float":
      return 1.5;
    case "Boolean":
      return true;
    case "Date":
      return "2021-11-19";
    case "DateTime":
      return "2021-11-19T08:00:00Z";
  }
  if (/^countryCodes?$|^code$/.test(name)) return "MY";
  if (named.name === "ID") {
    if (/^official|^participant|^champion/.test(name)) return SEED.annuar;
    if (/^organization|^leadOrganization/.test(name)) return SEED.kkmm;
    if (/^initiative/.test(name)) return SEED.myDigital;
    if (/^event|^parent/.test(name)) return SEED.asiaVisit;
    if (name === "id") {
      const update = /^update(Article|Official|Organization|PolicyEvent|PolicyInitiative)$/.exec(field);
      if (update) {
        const kind = update[1]!.replace("PolicyEvent", "event").replace("PolicyInitiative", "initiative");
        return fixtures[(kind[0]!.toLowerCase() + kind.slice(1)) as keyof Fixtures];
      }
      if (field.startsWith("delete")) return "00000000-0000-4000-8000-00000000f022"; // never exists
      return (
        {
          article: SEED.article,
          official: SEED.annuar,
          organization: SEED.kkmm,
          event: SEED.asiaVisit,
          initiative: SEED.myDigital,
        } as Record<string, string>
      )[field];
    }
  }
  if (name === "slug") return field === "articleBySlug" ? "no-such-slug" : `fuzz-${unique}`;
  if (name === "url") return `https://example.com/fuzz/${unique}`;
  if (name === "idempotencyKey") return `fuzz-${unique}`;
  if (name === "after") return undefined;
  if (name === "body" || name === "text") return `Fuzz ${name} ${unique}. ${"Words of a story. ".repeat(10)}`;
  return `Fuzz ${name} ${unique}`;
}

/** A value of `type` with every required part valid and the leaf at `path` set to `payload`. */
function buildValue(
  name: string,
  type: GraphQLInputType,
  path: readonly string[],
  payload: string,
  field: string,
  fixtures: Fixtures,
  unique: string,
): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [buildValue(name, inner.ofType as GraphQLInputType, path, payload, field, fixtures, unique)];
  if (isInputObjectType(inner)) {
    const value: Record<string, unknown> = {};
    for (const child of Object.values(inner.getFields())) {
      const onPath = path[0] === child.name;
      if (!onPath && !isNonNullType(child.type)) continue;
      const built = buildValue(
        child.name,
        child.type,
        onPath ? path.slice(1) : [],
        onPath ? payload : "",
        field,
        fixtures,
        unique,
      );
      if (built !== undefined) value[child.name] = built;
    }
    return value;
  }
  if (path.length === 0 && payload !== "") return payload;
  return validLeaf(name, type, field, fixtures, unique);
}

/** Paths (from the argument) of every leaf a client types text into: String, ID and the text scalars Date/DateTime. */
function textLeaves(type: GraphQLInputType, seen = new Set<string>()): string[][] {
  const named = getNamedType(type);
  if (isScalarType(named)) return ["String", "ID", "Date", "DateTime"].includes(named.name) ? [[]] : [];
  if (!isInputObjectType(named) || seen.has(named.name)) return [];
  const leaves: string[][] = [];
  for (const child of Object.values(named.getFields()))
    for (const rest of textLeaves(child.type, new Set([...seen, named.name]))) leaves.push([child.name, ...rest]);
  return leaves;
}

/**
 * A cheap, broad selection: leaves, and through edges/node/userErrors, the per-input `results` of batch mutations and
 * single objects to a small depth.
 */
export function selectionOf(type: GraphQLObjectType, depth = 0): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (isObjectType(named) && depth < 3) {
      const list = isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
      if (list && depth === 0 && !["edges", "userErrors", "results"].includes(field.name)) continue;
      if (depth >= 1 && named.name.endsWith("Connection")) continue;
      parts.push(`${field.name} { ${selectionOf(named, depth + 1)} }`);
    }
  }
  return parts.length ? parts.join(" ") : "__typename";
}

function operationFor(kind: "query" | "mutation", field: GraphQLField<unknown, unknown>): (definitions: string) => string {
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(", ");
  const named = getNamedType(field.type);
  const selection = isObjectType(named) ? ` { ${selectionOf(named)} }` : "";
  return (definitions) => `${kind} Fuzz${definitions} { ${field.name}${args ? `(${args})` : ""}${selection} }`;
}

/** GraphQL literal syntax for a JSON value (strings with JSON escapes, which GraphQL reads the same way). */
function literal(value: unknown, type: GraphQLInputType): string {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (value === undefined || value === null) return "null";
  if (isListType(inner)) return `[${(value as unknown[]).map((v) => literal(v, inner.ofType as GraphQLInputType)).join(", ")}]`;
  if (isInputObjectType(inner)) {
    const fields = inner.getFields();
    return `{ ${Object.entries(value as Record<string, unknown>)
      .map(([key, v]) => `${key}: ${literal(v, fields[key]!.type)}`)
      .join(", ")} }`;
  }
  if (isEnumType(inner)) return String(value);
  return JSON.stringify(value);
}

/**
 * For every query and mutation field of the public schema and every text leaf of its arguments: one request with a
 * metacharacter payload in that leaf (everything else valid, sent as variables), payloads taken in turn; per field
 * one request with every text leaf hostile at once, written as literals in the document; mutations also anonymous
 * and with a token that has no write scope.
 */
export function schemaCases(fixtures: Fixtures, payloads: readonly string[]): FuzzCase[] {
  const schema = publicSchema();
  const cases: FuzzCase[] = [];
  let turn = 0;
  const roots: ["query" | "mutation", GraphQLObjectType][] = [
    ["query", schema.getQueryType()!],
    ["mutation", schema.getMutationType()!],
  ];
  for (const [kind, root] of roots) {
    for (const field of Object.values(root.getFields())) {
      const operation = operationFor(kind, field);
      const definitions = field.args.length
        ? `(${field.args.map((arg: GraphQLArgument) => `$${arg.name}: ${String(arg.type)}`).join(", ")})`
        : "";
      const variablesWith = (argName: string, path: readonly string[], payload: string, unique: string) =>
        Object.fromEntries(
          field.args
            .map((arg) => [
              arg.name,
              buildValue(
                arg.name,
                arg.type,
                arg.name === argName ? path : [],
                arg.name === argName ? payload : "",
                field.name,
                fixtures,
                unique,
              ),
            ])
            .filter(([, value]) => value !== undefined),
        );
      const token: Token | undefined = kind === "mutation" ? "editor" : undefined;
      for (const arg of field.args) {
        for (const path of textLeaves(arg.type)) {
          const payload = payloads[turn++ % payloads.length]!;
          const unique = `${field.name}-${[arg.name, ...path].join(".")}-${turn}`;
          cases.push({
            ...post(
              `schema ${field.name}(${[arg.name, ...path].join(".")}) = ${JSON.stringify(payload)}`,
              {
                query: operation(definitions),
                variables: variablesWith(arg.name, path, payload, unique),
              },
              [payload],
              token,
            ),
            field: field.name,
            leaf: { path: [arg.name, ...path].join("."), value: payload },
          });
        }
      }
      // Every text leaf hostile at once, as literals in the document.
      const payload = payloads[turn++ % payloads.length]!;
      const unique = `${field.name}-all-${turn}`;
      const literalArgs = field.args
        .map((arg) => {
          const value = buildAllText(arg.name, arg.type, payload, field.name, fixtures, unique);
          return value === undefined ? "" : `${arg.name}: ${literal(value, arg.type)}`;
        })
        .filter(Boolean)
        .join(", ");
      const named = getNamedType(field.type);
      const selection = isObjectType(named) ? ` { ${selectionOf(named)} }` : "";
      const document = `${kind} { ${field.name}${literalArgs ? `(${literalArgs})` : ""}${selection} }`;
      cases.push({
        ...post(`schema ${field.name}(all text literals) = ${JSON.stringify(payload)}`, { query: document }, [payload], token),
        field: field.name,
      });
      if (kind === "mutation") {
        const variables = variablesWith("", [], "", `${field.name}-auth-${turn}`);
        for (const who of ["anonymous", "readOnly"] as const)
          cases.push({
            ...post(`schema ${field.name} as ${who}`, { query: operation(definitions), variables }, [], who),
            field: field.name,
          });
      }
    }
  }
  return cases;
}

/** A value of `type` with every input field present and every text leaf set to `payload`. */
function buildAllText(
  name: string,
  type: GraphQLInputType,
  payload: string,
  field: string,
  fixtures: Fixtures,
  unique: string,
): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [buildAllText(name, inner.ofType as GraphQLInputType, payload, field, fixtures, unique)];
  if (isInputObjectType(inner))
    return Object.fromEntries(
      Object.values(inner.getFields()).map((child) => [
        child.name,
        buildAllText(child.name, child.type, payload, field, fixtures, unique),
      ]),
    );
  return textLeaves(inner).length ? payload : validLeaf(name, inner, field, fixtures, unique);
}

// ---------------------------------------------------------------------------------------------------------------
// The attacks of issue 8 and malformed HTTP.

function fragmentDoubling(n: number): string {
  const fragments = ["fragment F0 on PolicyEvent { id }"];
  for (let i = 1; i <= n; i++)
    fragments.push(`fragment F${i} on PolicyEvent { a: parent { ...F${i - 1} } b: parent { ...F${i - 1} } }`);
  return `{ event(id: "${SEED.asiaVisit}") { ...F${n} } }\n${fragments.reverse().join("\n")}`;
}
const aliasFlood = (n: number) =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: officials(first: 100) { totalCount }`).join(" ")} }`;
function nestedHops(hops: number): string {
  let inner = "id";
  for (let i = 0; i < hops; i++) inner = `positions { organization { officials(first: 100) { edges { node { ${inner} } } } } }`;
  return `{ official(id: "${SEED.annuar}") { ${inner} } }`;
}
const words = (random: () => number, n: number) =>
  Array.from({ length: n }, () => Math.floor(random() * 36 ** 4).toString(36)).join(" ");

export function attackCases(random: () => number): FuzzCase[] {
  const search = (text: string) => ({
    query: "query($s: String) { articles(filter: { search: $s }) { totalCount } }",
    variables: { s: text },
  });
  const createArticle = (input: Record<string, unknown>) => ({
    query:
      "mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id } userErrors { field code message } } }",
    variables: { input },
  });
  const article = (extra: Record<string, unknown>) => ({
    headline: "Fuzz",
    body: "Fuzz body",
    publishedAt: "2021-11-19T08:00:00Z",
    source: { name: "Fuzz" },
    idempotencyKey: `fuzz-attack-${Math.floor(random() * 1e9)}`,
    ...extra,
  });
  const deep = (n: number, open: string, close: string, inner: string) => open.repeat(n) + inner + close.repeat(n);
  const cases: FuzzCase[] = [
    post("fragment doubling F18", { query: fragmentDoubling(18) }),
    post("fragment doubling F20", { query: fragmentDoubling(20) }),
    post("fragment doubling F30", { query: fragmentDoubling(30) }),
    post("aliases 31", { query: aliasFlood(31) }),
    post("aliases 2,000", { query: aliasFlood(2_000) }),
    post("aliases 20,000 (889 KB)", { query: aliasFlood(20_000) }),
    post("12 nested hops", { query: nestedHops(12) }),
    post("deep selection 1,000", { query: deep(1_000, "{ a ", "}", "b ") }),
    post("deep list literal 5,000", { query: `{ articles(filter: { search: ${deep(5_000, "[", "]", "1")} }) { totalCount } }` }),
    raw(
      "deep JSON variables 100,000",
      `{"query":"query($f: ArticleFilterInput) { articles(filter: $f) { totalCount } }","variables":{"f":{"x":${deep(100_000, "[", "]", "1")}}}}`,
    ),
    raw(
      "deep JSON variable of a list 100,000",
      `{"query":"query($f: ArticleFilterInput) { articles(filter: $f) { totalCount } }","variables":{"f":{"search":${deep(100_000, "[", "]", '"a"')}}}}`,
    ),
    raw(
      "deep JSON unused variable 100,000",
      `{"query":"query($f: ArticleFilterInput) { articles(filter: $f) { totalCount } }","variables":{"f":{},"g":${deep(100_000, "[", "]", "1")}}}`,
    ),
    raw("deep JSON extensions 100,000", `{"query":"{ __typename }","extensions":${deep(100_000, '{"a":', "}", "1")}}`),
    raw("deep JSON operationName 100,000", `{"query":"{ __typename }","operationName":${deep(100_000, "[", "]", "1")}}`),
    post("search of 20,000 terms (189 KB)", search(words(random, 20_000))),
    post("search of 201 characters", search("a".repeat(201))),
    post("search of 21 words", search(words(random, 21))),
    post("search of 200 characters", search("ab ".repeat(66) + "ab")),
    post("search of tsquery operators", search("!(a <-> b) & c:* | 'd' -e \"f g\" OR OR OR")),
    post("search of 20 negations", search(Array.from({ length: 20 }, () => "-").join(" "))),
    post("headline of 900 KB", createArticle(article({ headline: "x".repeat(900_000) })), [], "editor"),
    post("body of 2 MB (over the body limit)", createArticle(article({ body: "x".repeat(2_000_000) })), [], "editor"),
    post("caption of 28,400 '(Photo:'", createArticle(article({ photo: { caption: "(Photo:".repeat(28_400) } })), [], "editor"),
    post("lead of 49,900 'Dr. '", createArticle(article({ body: "Dr. ".repeat(49_900) })), [], "editor"),
    post(
      "60,000 officialIds",
      createArticle(article({ officialIds: Array.from({ length: 60_000 }, (_, i) => String(i)) })),
      [],
      "editor",
    ),
    post(
      "20,000 real officialIds",
      createArticle(article({ officialIds: Array.from({ length: 20_000 }, () => SEED.annuar) })),
      [],
      "editor",
    ),
    post(
      "ingest of 28,400 '(Photo:'",
      {
        query: "mutation($t: String!) { ingestArticle(input: { text: $t }) { created userErrors { field code } } }",
        variables: { t: `Hanoi, November 19 (VNA) - ${"(Photo:".repeat(28_400)}` },
      },
      [],
      "editor",
    ),
    post(
      "ingest of 49,900 'Dr. '",
      {
        query: "mutation($t: String!) { ingestArticle(input: { text: $t }) { created userErrors { field code } } }",
        variables: { t: `Hanoi, November 19 (VNA) - ${"Dr. ".repeat(49_900)}` },
      },
      [],
      "editor",
    ),
    post("first: 60000", { query: "{ officials(first: 60000) { totalCount } }" }),
    post("first: -1", { query: "{ officials(first: -1) { totalCount } }" }),
    post("first: 2^31", { query: "{ officials(first: 2147483648) { totalCount } }" }),
    post("first: null variable", { query: "query($n: Int) { officials(first: $n) { totalCount } }", variables: { n: null } }),
    post("first: 1e308 variable", { query: "query($n: Int!) { officials(first: $n) { totalCount } }", variables: { n: 1e308 } }),
    post("tampered cursor", {
      query: `{ officials(after: "${Buffer.from("name\u0001'; x\u0001y").toString("base64")}") { totalCount } }`,
    }),
    post("cursor of 1 MB - 100", {
      query: "query($a: String) { officials(after: $a) { totalCount } }",
      variables: { a: "A".repeat(999_900) },
    }),
    post("cursor not base64", { query: `{ officials(after: "%%%%") { totalCount } }` }),
    post(
      "mutation spanning subgraphs",
      {
        query: `mutation { createOrganization(input: { name: "x", kind: MINISTRY }) { userErrors { code } } deleteArticle(id: "${SEED.article}") { userErrors { code } } }`,
      },
      [],
      "editor",
    ),
    post("50,000 unknown input fields", {
      query: "query($f: ArticleFilterInput) { articles(filter: $f) { totalCount } }",
      variables: { f: Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i])) },
    }),
    post("100,000 unused variables", {
      query: "{ __typename }",
      variables: Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`v${i}`, "x"])),
    }),
    post("a list of 100,000 country codes in a filter", {
      query: "query($c: String) { officials(filter: { countryCode: $c }) { totalCount } }",
      variables: { c: Array.from({ length: 100_000 }, () => "MY") },
    }),
    post("directives 51", { query: `{ ${Array.from({ length: 51 }, () => "__typename @include(if: true)").join(" ")} }` }),
    post("introspection, deep", {
      query: `{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } }`,
    }),
  ];
  // NUL in every form.
  const nulForms: [string, unknown][] = [
    ["raw in query", { query: '{ articles(filter: { search: "a\u0000b" }) { totalCount } }' }],
    ["raw outside a string", { query: "{ articles\u0000 { totalCount } }" }],
    ["\\u0000 literal", { query: '{ articles(filter: { search: "a\\u0000b" }) { totalCount } }' }],
    ["\\u{0} literal", { query: '{ articles(filter: { search: "a\\u{0}b" }) { totalCount } }' }],
    ["\\u{000000} literal", { query: '{ articles(filter: { search: "a\\u{000000}b" }) { totalCount } }' }],
    ["block string", { query: '{ articles(filter: { search: """a\u0000b""" }) { totalCount } }' }],
    ["variable value", search("a\u0000b")],
    ["variable key", { query: "{ __typename }", variables: { "a\u0000": 1 } }],
    ["operationName", { query: "query A { __typename }", operationName: "A\u0000" }],
    ["extensions", { query: "{ __typename }", extensions: { x: "\u0000" } }],
    [
      "nested in a list variable",
      {
        query: "mutation($input: CreateOfficialInput!) { createOfficial(input: $input) { userErrors { field } } }",
        variables: { input: { name: "x", otherNames: ["ok", "b\u0000"] } },
      },
    ],
  ];
  for (const [form, value] of nulForms)
    cases.push(post(`NUL ${form}`, value, [], form.includes("nested") ? "editor" : undefined));
  cases.push({
    ...post("NUL as overlong UTF-8 (C0 80)", {}),
    body: Buffer.concat([
      Buffer.from('{"query":"{ articles(filter: { search: \\"a'),
      Buffer.from([0xc0, 0x80]),
      Buffer.from('\\" }) { totalCount } }"}'),
    ]),
  });
  return cases;
}

export function malformedCases(random: () => number): FuzzCase[] {
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));
  const contentTypes = [
    "application/json",
    "application/json; charset=utf-8",
    "application/json; charset=utf-16",
    "application/jsonx",
    "application/graphql",
    "application/graphql-response+json",
    "text/plain",
    "text/html",
    "multipart/form-data; boundary=x",
    "application/x-www-form-urlencoded",
    "application/octet-stream",
    "",
    ";;;",
    'application/json; boundary="\u00e9"',
  ];
  const valid = JSON.stringify({ query: "{ officials(first: 1) { totalCount } }" });
  const cases: FuzzCase[] = [];
  // Random bytes under random content types.
  for (let i = 0; i < 30; i++) {
    const type = pick(contentTypes);
    cases.push({
      name: `random bytes #${i} as ${JSON.stringify(type)}`,
      method: "POST",
      path: "/graphql",
      headers: type ? { "content-type": type } : {},
      body: bytes(int(4096)),
      echoes: [],
    });
  }
  // Broken JSON: truncated, a byte flipped, a character inserted.
  const documents = [
    valid,
    JSON.stringify({ query: "query($s: String) { articles(filter: { search: $s }) { totalCount } }", variables: { s: "x" } }),
    JSON.stringify({ query: 'mutation { deleteOfficial(id: "x") { userErrors { code } } }' }),
  ];
  for (let i = 0; i < 30; i++) {
    const text = Buffer.from(pick(documents));
    let broken: Buffer;
    const how = i % 3;
    if (how === 0) broken = text.subarray(0, int(text.length));
    else if (how === 1) {
      broken = Buffer.from(text);
      broken[int(broken.length)] = int(256);
    } else {
      const at = int(text.length);
      broken = Buffer.concat([
        text.subarray(0, at),
        Buffer.from(pick(["{", "}", '"', "\\", ",", "[", ":", "\u2028", "\\u", "\\ud800"])),
        text.subarray(at),
      ]);
    }
    cases.push({
      name: `broken JSON #${i} (${["truncated", "byte flipped", "inserted"][how]})`,
      method: "POST",
      path: "/graphql",
      headers: { ...JSON_HEADERS },
      body: broken,
      echoes: [],
    });
  }
  // JSON of the wrong shape.
  const shapes: unknown[] = [
    null,
    0,
    "{ __typename }",
    [],
    {},
    { query: 5 },
    { query: null },
    { query: ["{ __typename }"] },
    { query: { kind: "Document" } },
    { query: "{ __typename }", variables: "x" },
    { query: "{ __typename }", variables: [1, 2] },
    { query: "{ __typename }", variables: 5 },
    { query: "{ __typename }", operationName: {} },
    { query: "{ __typename }", operationName: "Missing" },
    { query: "{ __typename }", extensions: "x" },
    { query: "{ __typename }", extensions: { persistedQuery: "x" } },
    { query: "{ __typename }", extensions: { persistedQuery: { version: 2, sha256Hash: "0" } } },
    { extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } },
    { extensions: { persistedQuery: { version: 1, sha256Hash: 5 } } },
    { query: "{ __typename }", extensions: { persistedQuery: { version: 1, sha256Hash: "x" } } },
    { query: "", variables: {} },
    { query: " " },
    { query: "#" },
    { query: "{" },
    { query: "}" },
    { query: "query" },
    { query: "{ __typename } { __typename }" },
    { query: "query A { __typename } query A { __typename }", operationName: "A" },
    { query: "subscription { __typename }" },
    { query: "fragment F on Query { ...F } { ...F }" },
    { query: "query($a: String, $a: Int) { __typename }" },
    { query: "{ __proto__ { x } }" },
    { query: "{ constructor }" },
    { query: "{ __typename }", variables: { __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } } },
  ];
  shapes.forEach((shape, i) => cases.push(post(`JSON shape #${i}: ${JSON.stringify(shape).slice(0, 80)}`, shape)));
  cases.push({
    ...post("duplicate keys", {}),
    body: Buffer.from('{"query":"{ __typename }","query":"{ officials { totalCount } }","__proto__":{"x":1}}'),
  });
  cases.push({ ...post("JSON with a BOM", {}), body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(valid)]) });
  cases.push({
    ...post("UTF-16 JSON", {}),
    body: Buffer.from(valid, "utf16le"),
    headers: { "content-type": "application/json; charset=utf-16" },
  });
  cases.push({
    ...post("lone surrogate bytes (ED A0 80)", {}),
    body: Buffer.concat([
      Buffer.from('{"query":"query($s: String) { articles(filter: { search: $s }) { totalCount } }","variables":{"s":"'),
      Buffer.from([0xed, 0xa0, 0x80, 0xff, 0xfe]),
      Buffer.from('"}}'),
    ]),
  });
  cases.push({ ...post("empty body", {}), body: Buffer.alloc(0) });
  // A valid request under every content type.
  for (const type of contentTypes)
    cases.push({
      name: `valid body as ${JSON.stringify(type)}`,
      method: "POST",
      path: "/graphql",
      headers: type ? { "content-type": type } : {},
      body: Buffer.from(valid),
      echoes: [],
    });
  cases.push({
    name: "valid query as application/graphql",
    method: "POST",
    path: "/graphql",
    headers: { "content-type": "application/graphql" },
    body: Buffer.from("{ __typename }"),
    echoes: [],
  });
  // Batches (batching is off).
  cases.push(post("batch of 2", [{ query: "{ __typename }" }, { query: "{ officials { totalCount } }" }]));
  cases.push(
    post(
      "batch of 1,000",
      Array.from({ length: 1_000 }, () => ({ query: "{ officials(first: 100) { totalCount } }" })),
    ),
  );
  cases.push(
    post(
      "batch of mutations",
      [{ query: 'mutation { createOrganization(input: { name: "x", kind: MINISTRY }) { userErrors { code } } }' }],
      [],
      "editor",
    ),
  );
  cases.push(post("nested batch", [[{ query: "{ __typename }" }]]));
  // Methods and paths.
  for (const method of ["PUT", "DELETE", "PATCH", "TRACE", "OPTIONS", "HEAD", "PROPFIND"])
    cases.push({
      name: `${method} /graphql`,
      method,
      path: "/graphql",
      headers: { ...JSON_HEADERS },
      body: method === "HEAD" ? undefined : Buffer.from(valid),
      echoes: [],
    });
  for (const path of [
    "/",
    "/graphql/",
    "/GRAPHQL",
    "//graphql",
    "/graphql/../graphql",
    "/%2e%2e/etc/passwd",
    "/health/../metrics",
    "/graphql;x",
    "/graphql%00",
    "/" + "a".repeat(8_000),
  ])
    cases.push({
      name: `POST ${path.slice(0, 40)}`,
      method: "POST",
      path,
      headers: { ...JSON_HEADERS },
      body: Buffer.from(valid),
      echoes: [],
    });
  // GET with odd query strings (with the preflight header, so they reach GraphQL, and without).
  const encoded = (s: string) => encodeURIComponent(s);
  const getQueries = [
    "",
    "?",
    "?query",
    "?query=",
    `?query=${encoded("{ __typename }")}`,
    `?query=${encoded("{ __typename }")}&query=${encoded("{ officials { totalCount } }")}`,
    `?query=${encoded("query($s: String) { articles(filter: { search: $s }) { totalCount } }")}&variables=notjson`,
    `?query=${encoded("query($s: String) { articles(filter: { search: $s }) { totalCount } }")}&variables=${encoded('{"s":"a\\u0000"}')}`,
    `?query=${encoded("{ __typename }")}&extensions=%7B`,
    `?query=${encoded("{ __typename }")}&operationName=%00`,
    "?query=%zz%",
    "?query=%ff%fe%ed%a0%80",
    "?query=%00",
    "?query=%7B%20articles%28filter%3A%7Bsearch%3A%22a%5Cu0000%22%7D%29%7BtotalCount%7D%7D",
    `?query=${encoded('mutation { createOrganization(input: { name: "x", kind: MINISTRY }) { userErrors { code } } }')}`,
    `?query=${encoded(aliasFlood(100))}`,
    `?query=${"a".repeat(6_000)}`,
    "?query[]=1&query[x]=2",
    "?__proto__[x]=1&query={__typename}",
    "?query=" + encoded("{ __typename }") + "&" + "x=1&".repeat(2_000),
    "?query=%E2%80%AE%E2%80%8B%F0%9F%98%80",
    "?" + "%".repeat(200),
    `?query=${encoded("{ __typename }")}&x=${encoded("<script>alert(document.cookie)</script>")}`,
  ];
  for (const [i, search] of getQueries.entries()) {
    cases.push({
      name: `GET #${i} preflighted ${search.slice(0, 60)}`,
      method: "GET",
      path: `/graphql${search}`,
      headers: { "apollo-require-preflight": "true" },
      echoes: [],
    });
    if (i % 3 === 0)
      cases.push({
        name: `GET #${i} simple ${search.slice(0, 60)}`,
        method: "GET",
        path: `/graphql${search}`,
        headers: {},
        echoes: [],
      });
    if (i % 4 === 0)
      cases.push({
        name: `GET #${i} as a browser ${search.slice(0, 60)}`,
        method: "GET",
        path: `/graphql${search}`,
        headers: { accept: "text/html" },
        echoes: [],
      });
  }
  // Odd headers.
  const headerCases: [string, Record<string, string>][] = [
    ["bearer garbage", { authorization: "Bearer ' OR 1=1 --" }],
    [
      "bearer alg none",
      {
        authorization: `Bearer ${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from('{"sub":"x","scope":"officials:write"}').toString("base64url")}.`,
      },
    ],
    ["basic auth", { authorization: "Basic YWRtaW46YWRtaW4=" }],
    ["bearer of 8 KB", { authorization: `Bearer ${"a".repeat(8_000)}` }],
    ["x-request-id hostile", { "x-request-id": "<script>alert(1)</script>" }],
    ["forwarded-for hostile", { "x-forwarded-for": "' OR 1=1, ::1, 999.999.999.999" }],
    ["content-encoding gzip (not gzip)", { "content-encoding": "gzip" }],
    ["transfer-encoding and length", { "transfer-encoding": "chunked" }],
    ["identity header forged", { "x-newsfed-identity": "e30.AAAA" }],
    ["origin hostile", { origin: "https://evil.example" }],
  ];
  for (const [name, headers] of headerCases)
    cases.push({
      name: `header ${name}`,
      method: "POST",
      path: "/graphql",
      headers: { ...JSON_HEADERS, ...headers },
      body: Buffer.from(valid),
      echoes: [],
    });
  return cases
    .filter((c) => !(c.headers["transfer-encoding"] && c.body)) // node:http cannot send both framings
    .concat([
      {
        name: "header transfer-encoding chunked",
        method: "POST",
        path: "/graphql",
        headers: { ...JSON_HEADERS },
        body: undefined,
        echoes: [],
      },
    ]);
}

export function unicodeCases(): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const [i, text] of UNICODE.entries()) {
    cases.push(
      post(
        `unicode #${i} in search (variable)`,
        {
          query:
            "query($s: String) { articles(filter: { search: $s }) { totalCount } officials(filter: { search: $s }) { totalCount } }",
          variables: { s: text },
        },
        [text],
      ),
    );
    cases.push(
      post(
        `unicode #${i} in a country code`,
        { query: "query($c: String!) { country(code: $c) { name } }", variables: { c: text } },
        [text],
      ),
    );
    cases.push(
      post(
        `unicode #${i} as a literal`,
        {
          query: `{ articleBySlug(slug: ${JSON.stringify(text)}) { id } initiatives(filter: { search: ${JSON.stringify(text)} }) { totalCount } }`,
        },
        [text],
      ),
    );
    cases.push(post(`unicode #${i} in an identifier`, { query: `{ ${text} }` }, [text]));
    cases.push(
      post(
        `unicode #${i} in a created name`,
        {
          query:
            "mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id name } userErrors { field code } } }",
          variables: { input: { name: `Fuzz ${text}`, kind: "MINISTRY", idempotencyKey: `fuzz-unicode-${i}` } },
        },
        [text],
        "editor",
      ),
    );
  }
  return cases;
}

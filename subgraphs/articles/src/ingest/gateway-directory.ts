import { mapConcurrently } from "@newsfed/kit/concurrency";
import type { UserError } from "@newsfed/kit/graphql";
import type { Identity } from "@newsfed/kit/identity";
import { askFederation, type FederationClient, FederationUnavailableError } from "@newsfed/kit/subgraph";
import type {
  Directory,
  EventQuery,
  KnownEvent,
  KnownInitiative,
  KnownOfficial,
  KnownOrganization,
  NameQuery,
  WriteAnswer,
} from "./directory.js";

/**
 * Fields per request: the gateway refuses operations with more than 30 aliases (and bounds depth and cost), so
 * batched lookups and creates go out in requests of at most this many aliased fields.
 */
export const ALIASES_PER_REQUEST = 25;
/** Names per lookup field (`filter.names` takes at most 100). */
const NAMES_PER_FIELD = 50;
/** Requests in flight at once for one batch. */
const CONCURRENCY = 4;
const PAGE = 100;
const WRITE_TIMEOUT_MS = 30_000;
/** Inputs per bulk create field (the owners take at most 100). */
const BULK_SIZE = 50;

interface Field {
  /** Root field and arguments, with `$v` standing for this field's variable. */
  call: (variable: string) => string;
  variableType: string;
  value: unknown;
  selection: string;
}

/**
 * The directory through the gateway's public API, acting for the caller (its identity signed for the gateway), so
 * the owners check the caller's scopes and record the caller as the author of what is created. Lookups by name
 * (`filter.names`) and by participant (`filter.participantIds`) go in aliased requests of at most 25 fields.
 */
export class GatewayDirectory implements Directory {
  constructor(
    private readonly federation: FederationClient,
    private readonly identity: Identity | null,
  ) {}

  async findByNames(names: NameQuery) {
    const fields: Field[] = [];
    const lists = [
      { root: "officials", names: names.officials, selection: OFFICIAL },
      { root: "organizations", names: names.organizations, selection: ORGANIZATION },
      { root: "initiatives", names: names.initiatives, selection: INITIATIVE },
    ] as const;
    const owner: string[] = [];
    for (const list of lists) {
      const distinct = [...new Set(list.names)];
      for (let i = 0; i < distinct.length; i += NAMES_PER_FIELD) {
        fields.push(connectionField(list.root, "names", "[String!]!", distinct.slice(i, i + NAMES_PER_FIELD), list.selection));
        owner.push(list.root);
      }
    }
    const answers = await this.readConnections(fields);
    const found = { officials: new Map<string, KnownOfficial>(), organizations: new Map(), initiatives: new Map() } as {
      officials: Map<string, KnownOfficial>;
      organizations: Map<string, KnownOrganization>;
      initiatives: Map<string, KnownInitiative>;
    };
    answers.forEach((nodes, index) => {
      for (const node of nodes) {
        if (owner[index] === "officials") found.officials.set(node.id, toOfficial(node));
        else if (owner[index] === "organizations") found.organizations.set(node.id, toOrganization(node));
        else found.initiatives.set(node.id, toInitiative(node));
      }
    });
    return {
      officials: [...found.officials.values()],
      organizations: [...found.organizations.values()],
      initiatives: [...found.initiatives.values()],
    };
  }

  async existingCountries(codes: string[]): Promise<Set<string>> {
    const distinct = [...new Set(codes)].filter((code) => /^[A-Z]{2}$/.test(code));
    const fields: Field[] = distinct.map((code) => ({
      call: (v) => `country(code: ${v})`,
      variableType: "String!",
      value: code,
      selection: "code",
    }));
    const data = await this.run(fields, false);
    return new Set(data.filter((value): value is { code: string } => value !== null).map((country) => country.code));
  }

  async findEvents(queries: EventQuery[]): Promise<KnownEvent[][]> {
    const fields = queries.map((query) =>
      connectionField(
        "events",
        "participantIds",
        "EventFilterInput!",
        { participantIds: query.participantIds, from: query.from, to: query.to },
        EVENT,
        true,
      ),
    );
    return (await this.readConnections(fields)).map((nodes) => nodes.map(toEvent));
  }

  createOrganizations(inputs: Record<string, unknown>[]) {
    return this.bulk("createOrganizations", "CreateOrganizationInput!", "organization", inputs);
  }

  createOfficials(inputs: Record<string, unknown>[]) {
    return this.bulk("createOfficials", "CreateOfficialInput!", "official", inputs);
  }

  createInitiatives(inputs: Record<string, unknown>[]) {
    return this.bulk("createPolicyInitiatives", "CreatePolicyInitiativeInput!", "policyInitiative", inputs);
  }

  createEvents(inputs: Record<string, unknown>[]) {
    return this.bulk("createPolicyEvents", "CreatePolicyEventInput!", "policyEvent", inputs);
  }

  async updateOfficials(updates: { id: string; input: Record<string, unknown> }[]) {
    const fields: Field[] = updates.map((update) => ({
      call: (v) => `updateOfficial(id: ${JSON.stringify(update.id)}, input: ${v})`,
      variableType: "UpdateOfficialInput!",
      value: update.input,
      selection: "official { id } userErrors { field message code }",
    }));
    return (await this.run(fields, true)).map((answer) => toAnswer(answer, "official"));
  }

  /**
   * Creates through an owner's bulk mutation (`createOfficials(inputs:)` …): up to BULK_SIZE inputs per field, their
   * references checked together and stored in one transaction by the owner; a few fields per request.
   */
  private async bulk(mutation: string, inputType: string, entity: string, inputs: Record<string, unknown>[]) {
    const fields: Field[] = [];
    for (let i = 0; i < inputs.length; i += BULK_SIZE) {
      fields.push({
        call: (v) => `${mutation}(inputs: ${v})`,
        variableType: `[${inputType}]!`,
        value: inputs.slice(i, i + BULK_SIZE),
        selection: `results { ${entity} { id } replayed userErrors { field message code } } userErrors { field message code }`,
      });
    }
    const answers = await this.run(fields, true);
    return answers.flatMap((answer, index): WriteAnswer[] => {
      const size = Math.min(BULK_SIZE, inputs.length - index * BULK_SIZE);
      if (!answer || answer.userErrors?.length) {
        return Array.from({ length: size }, () => ({
          id: null,
          userErrors: (answer?.userErrors ?? []) as UserError[],
          replayed: false,
        }));
      }
      return answer.results.map((result: any) => toAnswer(result, entity));
    });
  }

  /** Every node of every connection field, following `pageInfo` until each is read whole. */
  private async readConnections(fields: (Field & { paged?: boolean })[]): Promise<any[][]> {
    const nodes: any[][] = fields.map(() => []);
    let pending = fields.map((field, index) => ({ field, index, after: null as string | null }));
    while (pending.length) {
      const answers = await this.run(
        pending.map(({ field, after }) => ({
          ...field,
          call: (v: string) => field.call(v).replace("$AFTER", JSON.stringify(after)),
        })),
        false,
      );
      const next: typeof pending = [];
      answers.forEach((answer, position) => {
        const { index, field } = pending[position]!;
        nodes[index]!.push(...(answer?.edges ?? []).map((edge: { node: unknown }) => edge.node));
        if (answer?.pageInfo?.hasNextPage) next.push({ index, field, after: answer.pageInfo.endCursor });
      });
      pending = next;
    }
    return nodes;
  }

  /** Runs fields as aliased operations of at most ALIASES_PER_REQUEST fields, a few at a time; answers in field order. */
  private async run(fields: Field[], mutation: boolean): Promise<any[]> {
    const chunks: Field[][] = [];
    for (let i = 0; i < fields.length; i += ALIASES_PER_REQUEST) chunks.push(fields.slice(i, i + ALIASES_PER_REQUEST));
    const answers = await mapConcurrently(chunks, CONCURRENCY, (chunk) => this.ask(chunk, mutation));
    return answers.flat();
  }

  /**
   * One aliased operation of `chunk`. A read the gateway refuses as too costly (each name lookup is a page of 100
   * nodes with nested lists, and a batch of 100 stories needs several) is asked again in two halves: the gateway's
   * cost limit bounds each request, not the size of a batch. Writes are never split (their answers say what was made).
   */
  private async ask(chunk: Field[], mutation: boolean): Promise<any[]> {
    const declarations = chunk.map((field, i) => `$v${i}: ${field.variableType}`).join(", ");
    const selections = chunk.map((field, i) => `f${i}: ${field.call(`$v${i}`)} { ${field.selection} }`).join("\n");
    const operation = `${mutation ? "mutation IngestWrite" : "query IngestLookup"}(${declarations}) {\n${selections}\n}`;
    const variables = Object.fromEntries(chunk.map((field, i) => [`v${i}`, field.value]));
    try {
      const data = await askFederation(this.federation, operation, variables, {
        identity: this.identity,
        ...(mutation ? { timeoutMs: WRITE_TIMEOUT_MS } : {}),
      });
      return chunk.map((_, i): any => data[`f${i}`] ?? null);
    } catch (error) {
      const tooCostly = error instanceof FederationUnavailableError && error.codes.includes("OPERATION_TOO_COMPLEX");
      if (!tooCostly || mutation || chunk.length < 2) throw error;
      const half = Math.ceil(chunk.length / 2);
      return [...(await this.ask(chunk.slice(0, half), false)), ...(await this.ask(chunk.slice(half), false))];
    }
  }
}

/** A connection field with its filter given by one variable: `officials(first: 100, after: …, filter: { names: $v })`. */
function connectionField(
  root: string,
  filterField: string,
  variableType: string,
  value: unknown,
  selection: string,
  wholeFilter = false,
): Field {
  return {
    call: (v) => `${root}(first: ${PAGE}, after: $AFTER, filter: ${wholeFilter ? v : `{ ${filterField}: ${v} }`})`,
    variableType,
    value,
    selection: `pageInfo { hasNextPage endCursor } edges { node { ${selection} } }`,
  };
}

const OFFICIAL = "id name honorificPrefix otherNames country { code } positions { title organization { id } }";
const ORGANIZATION = "id name acronym country { code }";
const INITIATIVE = "id name acronym country { code }";
const EVENT = "id kind title startDate endDate participants { id } parent { id }";

const toOfficial = (node: any): KnownOfficial => ({
  id: node.id,
  name: node.name,
  honorificPrefix: node.honorificPrefix ?? null,
  otherNames: node.otherNames ?? [],
  countryCode: node.country?.code ?? null,
  positions: (node.positions ?? []).map((p: any) => ({ title: p.title, organizationId: p.organization?.id ?? null })),
});
const toOrganization = (node: any): KnownOrganization => ({
  id: node.id,
  name: node.name,
  acronym: node.acronym ?? null,
  countryCode: node.country?.code ?? null,
});
const toInitiative = (node: any): KnownInitiative => ({
  id: node.id,
  name: node.name,
  acronym: node.acronym ?? null,
  countryCode: node.country?.code ?? null,
});
const toEvent = (node: any): KnownEvent => ({
  id: node.id,
  kind: node.kind,
  title: node.title,
  startDate: node.startDate,
  endDate: node.endDate ?? null,
  participantIds: (node.participants ?? []).filter(Boolean).map((p: any) => p.id),
  parentId: node.parent?.id ?? null,
});
const toAnswer = (answer: any, entity: string): WriteAnswer => ({
  id: answer?.[entity]?.id ?? null,
  userErrors: (answer?.userErrors ?? []) as UserError[],
  replayed: answer?.replayed === true,
});

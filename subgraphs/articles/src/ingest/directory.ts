import type { UserError } from "@newsfed/kit/graphql";

/** An official as the ingestion sees one: every name form, the country, the posts (with their organizations). */
export interface KnownOfficial {
  id: string;
  name: string;
  honorificPrefix: string | null;
  otherNames: string[];
  countryCode: string | null;
  positions: { title: string; organizationId: string | null }[];
}

export interface KnownOrganization {
  id: string;
  name: string;
  acronym: string | null;
  countryCode: string | null;
}

export interface KnownInitiative {
  id: string;
  name: string;
  acronym: string | null;
  countryCode: string | null;
}

export interface KnownEvent {
  id: string;
  kind: string;
  title: string;
  startDate: string;
  endDate: string | null;
  participantIds: string[];
  parentId: string | null;
}

/** What an owner answered to a create: the new entity's id, or why it refused. */
export interface WriteAnswer {
  id: string | null;
  userErrors: UserError[];
  /** The create repeated an earlier one with the same idempotency key (a concurrent ingestion made the entity). */
  replayed: boolean;
}

export interface NameQuery {
  officials: string[];
  organizations: string[];
  initiatives: string[];
}

export interface EventQuery {
  participantIds: string[];
  from: string;
  to: string;
}

/**
 * Where the ingestion finds and creates the entities other subgraphs own. Lookups are by name key (exact, without
 * case, accents or punctuation), so their cost follows the story, not the catalogue. Implemented over the gateway
 * (acting for the caller) and, for the seed at first start, over the curated seed data.
 */
export interface Directory {
  findByNames(names: NameQuery): Promise<{
    officials: KnownOfficial[];
    organizations: KnownOrganization[];
    initiatives: KnownInitiative[];
  }>;
  /** Which of these ISO codes are countries the officials subgraph knows. */
  existingCountries(codes: string[]): Promise<Set<string>>;
  /** Per query, the events in which one of the officials took part, in the date range. */
  findEvents(queries: EventQuery[]): Promise<KnownEvent[][]>;
  createOrganizations(inputs: Record<string, unknown>[]): Promise<WriteAnswer[]>;
  createOfficials(inputs: Record<string, unknown>[]): Promise<WriteAnswer[]>;
  createInitiatives(inputs: Record<string, unknown>[]): Promise<WriteAnswer[]>;
  createEvents(inputs: Record<string, unknown>[]): Promise<WriteAnswer[]>;
  updateOfficials(updates: { id: string; input: Record<string, unknown> }[]): Promise<WriteAnswer[]>;
}

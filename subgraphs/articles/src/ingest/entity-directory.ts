import { askFederation, type FederationClient } from "@newsfed/kit/subgraph";
import type { MentionSpec } from "../wire/find-mentions.js";

/** Known entities as the ingestion sees them: every surface form to look for, and the organizations by acronym. */
export interface EntityDirectory {
  specs: MentionSpec[];
  organizationsByAcronym: Map<string, { id: string; name: string }>;
}

const PAGE = 100;
/** Bounds one ingestion's directory reads (pages per list); a larger catalogue needs the search-based linker. */
const MAX_PAGES = 20;

const DIRECTORY_QUERY = /* GraphQL */ `
  query IngestionDirectory(
    $first: Int!
    $officials: String
    $countries: String
    $initiatives: String
    $organizations: String
    $withOfficials: Boolean!
    $withCountries: Boolean!
    $withInitiatives: Boolean!
    $withOrganizations: Boolean!
  ) {
    officials(first: $first, after: $officials) @include(if: $withOfficials) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          displayName
          otherNames
        }
      }
    }
    countries(first: $first, after: $countries) @include(if: $withCountries) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          code
          name
        }
      }
    }
    initiatives(first: $first, after: $initiatives) @include(if: $withInitiatives) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          acronym
        }
      }
    }
    organizations(first: $first, after: $organizations) @include(if: $withOrganizations) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          acronym
        }
      }
    }
  }
`;

/** Country abbreviations that stand for the country in running news text. */
const COUNTRY_ABBREVIATIONS: Record<string, string[]> = {
  US: ["US", "U.S."],
  GB: ["UK", "U.K."],
  AE: ["UAE"],
};

type Lists = "officials" | "countries" | "initiatives" | "organizations";
const LISTS: Lists[] = ["officials", "countries", "initiatives", "organizations"];

/**
 * Reads the officials, countries, initiatives and organizations other subgraphs own, through the gateway (one request
 * per page, all four lists side by side), and turns them into the name forms an article may use.
 */
export async function loadEntityDirectory(federation: FederationClient): Promise<EntityDirectory> {
  const nodes: Record<Lists, any[]> = { officials: [], countries: [], initiatives: [], organizations: [] };
  const cursors: Partial<Record<Lists, string | null>> = {};
  const open = new Set<Lists>(LISTS);
  for (let page = 0; page < MAX_PAGES && open.size > 0; page++) {
    const data = await askFederation(federation, DIRECTORY_QUERY, {
      first: PAGE,
      ...cursors,
      withOfficials: open.has("officials"),
      withCountries: open.has("countries"),
      withInitiatives: open.has("initiatives"),
      withOrganizations: open.has("organizations"),
    });
    for (const list of [...open]) {
      const connection = data[list];
      nodes[list].push(...connection.edges.map((edge: { node: unknown }) => edge.node));
      if (connection.pageInfo.hasNextPage) cursors[list] = connection.pageInfo.endCursor;
      else open.delete(list);
    }
  }

  const specs: MentionSpec[] = [];
  const add = (text: string | null | undefined, kind: string, refId: string, confidence: number) => {
    if (text && text.trim().length >= 2) specs.push({ text: text.trim(), kind, refId, confidence });
  };
  for (const official of nodes.officials) {
    add(official.displayName, "OFFICIAL", official.id, 1);
    add(official.name, "OFFICIAL", official.id, 1);
    for (const other of official.otherNames) add(other, "OFFICIAL", official.id, 0.9);
  }
  for (const country of nodes.countries) {
    add(country.name, "COUNTRY", country.code, 1);
    // Bare ISO codes are ordinary words too ("IT", "AI", "PM"); only the abbreviations news really uses count.
    for (const abbreviation of COUNTRY_ABBREVIATIONS[country.code] ?? []) add(abbreviation, "COUNTRY", country.code, 0.8);
  }
  for (const initiative of nodes.initiatives) {
    add(initiative.name, "INITIATIVE", initiative.id, 1);
    add(initiative.acronym, "INITIATIVE", initiative.id, 1);
  }
  const organizationsByAcronym = new Map<string, { id: string; name: string }>();
  for (const organization of nodes.organizations) {
    add(organization.name, "ORGANIZATION", organization.id, 1);
    add(organization.acronym, "ORGANIZATION", organization.id, 0.9);
    if (organization.acronym) organizationsByAcronym.set(organization.acronym, organization);
  }
  return { specs: dropAmbiguous(specs), organizationsByAcronym };
}

/** A surface form two entities share (e.g. one acronym for two bodies) links to neither: better no link than a wrong one. */
function dropAmbiguous(specs: MentionSpec[]): MentionSpec[] {
  const owners = new Map<string, Set<string>>();
  for (const spec of specs) owners.set(spec.text, (owners.get(spec.text) ?? new Set()).add(`${spec.kind}:${spec.refId}`));
  const seen = new Set<string>();
  return specs.filter((spec) => {
    const key = `${spec.text}|${spec.kind}|${spec.refId}`;
    if (owners.get(spec.text)!.size > 1 || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

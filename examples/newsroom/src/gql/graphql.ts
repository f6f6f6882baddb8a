/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What kind of policy event this is. */
export type EventKind =
  /** A public announcement of a policy or decision. */
  | 'ANNOUNCEMENT'
  /** The launch of an initiative, programme or service. */
  | 'LAUNCH'
  /** A meeting or talks between officials. */
  | 'MEETING'
  /** The signing of an agreement, memorandum or treaty. */
  | 'SIGNING'
  /** A trip; its meetings are its children. */
  | 'VISIT';

/** Where a policy initiative stands. */
export type InitiativeStatus =
  /** Under way. */
  | 'ACTIVE'
  /** Adopted and announced, not yet under way. */
  | 'ANNOUNCED'
  /** Finished. */
  | 'COMPLETED'
  /** Proposed or under discussion, not yet adopted. */
  | 'PROPOSED'
  /** Halted or put on hold. */
  | 'SUSPENDED';

/** How binding an outcome is. An agreement 'to enhance cooperation' is AGREED_IN_PRINCIPLE, not SIGNED. */
export type OutcomeStatus =
  /** Agreed in principle, e.g. to enhance cooperation; nothing signed. */
  | 'AGREED_IN_PRINCIPLE'
  /** Matters the parties agreed to follow up on. */
  | 'FOLLOW_UP'
  /** Put into effect. */
  | 'IMPLEMENTED'
  /** A signed agreement, memorandum or treaty. */
  | 'SIGNED';

/** A policy area that articles, initiatives, events and outcomes are about. */
export type PolicyTheme =
  /** Artificial intelligence (AI). */
  | 'ARTIFICIAL_INTELLIGENCE'
  /** Cloud computing services and infrastructure. */
  | 'CLOUD_COMPUTING'
  /** Cybersecurity and the protection of networks and data. */
  | 'CYBERSECURITY'
  /** Data centres and their siting. */
  | 'DATA_CENTRES'
  /** The digital economy: e-commerce, digital services, digital transformation. */
  | 'DIGITAL_ECONOMY'
  /** The Internet of Things (IoT). */
  | 'INTERNET_OF_THINGS'
  /** Foreign and domestic investment, investment promotion. */
  | 'INVESTMENT'
  /** Any other policy area. */
  | 'OTHER'
  /** Semiconductors and chip manufacturing. */
  | 'SEMICONDUCTORS'
  /** Submarine communications cables and landing stations. */
  | 'SUBMARINE_CABLES'
  /** Supply chains and their resilience. */
  | 'SUPPLY_CHAIN'
  /** Transfer of technology and know-how between countries or companies. */
  | 'TECHNOLOGY_TRANSFER'
  /** Telecommunications networks, in particular 5G roll-out. */
  | 'TELECOMMUNICATIONS_5G'
  /** Trade agreements and trade relations. */
  | 'TRADE';

export type ArticleDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type ArticleDetailQuery = { article: { id: string, headline: string, body: string, publishedAt: string, source: { name: string }, dateline: { place: string, agency: string | null } | null, photo: { caption: string, credit: string | null } | null, officials: Array<{ id: string, displayName: string, country: { code: string, name: string } | null, latestPosition: { title: string, isCurrent: boolean, organization: { name: string } | null } | null, initiatives: { totalCount: number, edges: Array<{ node: { id: string, name: string, acronym: string | null, status: InitiativeStatus } }> } | null }> | null, events: Array<{ id: string, kind: EventKind, title: string, startDate: string, location: { name: string } | null, outcomes: Array<{ id: string, statement: string, status: OutcomeStatus }> }> | null } | null };

export type SearchArticlesQueryVariables = Exact<{
  search?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchArticlesQuery = { articles: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, headline: string, publishedAt: string, themes: Array<PolicyTheme>, source: { code: string | null } } }> } };


export const ArticleDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ArticleDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"article"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dateline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"place"}},{"kind":"Field","name":{"kind":"Name","value":"agency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"photo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caption"}},{"kind":"Field","name":{"kind":"Name","value":"credit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"officials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"country"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"latestPosition"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"isCurrent"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"initiatives"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"acronym"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"statement"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ArticleDetailQuery, ArticleDetailQueryVariables>;
export const SearchArticlesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchArticles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"articles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"themes"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SearchArticlesQuery, SearchArticlesQueryVariables>;
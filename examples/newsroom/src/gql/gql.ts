/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ArticleDetail($id: ID!) {\n    article(id: $id) {\n      id\n      headline\n      body\n      publishedAt\n      source {\n        name\n      }\n      dateline {\n        place\n        agency\n      }\n      photo {\n        caption\n        credit\n      }\n      officials {\n        id\n        displayName\n        country {\n          code\n          name\n        }\n        latestPosition {\n          title\n          isCurrent\n          organization {\n            name\n          }\n        }\n        initiatives(first: 5) {\n          totalCount\n          edges {\n            node {\n              id\n              name\n              acronym\n              status\n            }\n          }\n        }\n      }\n      events {\n        id\n        kind\n        title\n        startDate\n        location {\n          name\n        }\n        outcomes {\n          id\n          statement\n          status\n        }\n      }\n    }\n  }\n": typeof types.ArticleDetailDocument,
    "\n  query SearchArticles($search: String, $after: String) {\n    articles(first: 3, after: $after, filter: { search: $search }) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          headline\n          publishedAt\n          source {\n            code\n          }\n          themes\n        }\n      }\n    }\n  }\n": typeof types.SearchArticlesDocument,
};
const documents: Documents = {
    "\n  query ArticleDetail($id: ID!) {\n    article(id: $id) {\n      id\n      headline\n      body\n      publishedAt\n      source {\n        name\n      }\n      dateline {\n        place\n        agency\n      }\n      photo {\n        caption\n        credit\n      }\n      officials {\n        id\n        displayName\n        country {\n          code\n          name\n        }\n        latestPosition {\n          title\n          isCurrent\n          organization {\n            name\n          }\n        }\n        initiatives(first: 5) {\n          totalCount\n          edges {\n            node {\n              id\n              name\n              acronym\n              status\n            }\n          }\n        }\n      }\n      events {\n        id\n        kind\n        title\n        startDate\n        location {\n          name\n        }\n        outcomes {\n          id\n          statement\n          status\n        }\n      }\n    }\n  }\n": types.ArticleDetailDocument,
    "\n  query SearchArticles($search: String, $after: String) {\n    articles(first: 3, after: $after, filter: { search: $search }) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          headline\n          publishedAt\n          source {\n            code\n          }\n          themes\n        }\n      }\n    }\n  }\n": types.SearchArticlesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArticleDetail($id: ID!) {\n    article(id: $id) {\n      id\n      headline\n      body\n      publishedAt\n      source {\n        name\n      }\n      dateline {\n        place\n        agency\n      }\n      photo {\n        caption\n        credit\n      }\n      officials {\n        id\n        displayName\n        country {\n          code\n          name\n        }\n        latestPosition {\n          title\n          isCurrent\n          organization {\n            name\n          }\n        }\n        initiatives(first: 5) {\n          totalCount\n          edges {\n            node {\n              id\n              name\n              acronym\n              status\n            }\n          }\n        }\n      }\n      events {\n        id\n        kind\n        title\n        startDate\n        location {\n          name\n        }\n        outcomes {\n          id\n          statement\n          status\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ArticleDetail($id: ID!) {\n    article(id: $id) {\n      id\n      headline\n      body\n      publishedAt\n      source {\n        name\n      }\n      dateline {\n        place\n        agency\n      }\n      photo {\n        caption\n        credit\n      }\n      officials {\n        id\n        displayName\n        country {\n          code\n          name\n        }\n        latestPosition {\n          title\n          isCurrent\n          organization {\n            name\n          }\n        }\n        initiatives(first: 5) {\n          totalCount\n          edges {\n            node {\n              id\n              name\n              acronym\n              status\n            }\n          }\n        }\n      }\n      events {\n        id\n        kind\n        title\n        startDate\n        location {\n          name\n        }\n        outcomes {\n          id\n          statement\n          status\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchArticles($search: String, $after: String) {\n    articles(first: 3, after: $after, filter: { search: $search }) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          headline\n          publishedAt\n          source {\n            code\n          }\n          themes\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SearchArticles($search: String, $after: String) {\n    articles(first: 3, after: $after, filter: { search: $search }) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          headline\n          publishedAt\n          source {\n            code\n          }\n          themes\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
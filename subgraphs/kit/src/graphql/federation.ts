import "reflect-metadata";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { type GraphQLSchema, parse } from "graphql";
import { type BuildSchemaOptions, buildSchema, createResolversMap } from "type-graphql";

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", ' +
  'import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])';

const ROOT_DESCRIPTIONS: Record<string, string> = {
  Query: "The entry points for reading.",
  Mutation:
    "The entry points for changing data; each needs a bearer token with the write scope of the subgraph that owns the data.",
};

/** type-graphql cannot describe root types; every subgraph adds the same words so composition keeps them. */
const describeRootTypes = (sdl: string) =>
  sdl.replace(/^type (Query|Mutation) \{/gm, (line, name: string) => `"""${ROOT_DESCRIPTIONS[name]}"""\n${line}`);

/** `__resolveReference` functions per entity type; they receive the request context as their second argument. */
export type ReferenceResolvers<TContext> = Record<
  string,
  { __resolveReference: (reference: Record<string, unknown>, context: TContext) => unknown }
>;

export interface FederatedSchemaOptions<TContext> {
  resolvers: BuildSchemaOptions["resolvers"];
  orphanedTypes?: BuildSchemaOptions["orphanedTypes"];
  referenceResolvers: ReferenceResolvers<TContext>;
}

/**
 * type-graphql classes → a Federation 2 subgraph schema. type-graphql builds the schema, its SDL (with the
 * directives the classes declare) gets the federation @link, and @apollo/subgraph adds `_service` and
 * `_entities` around the same resolvers.
 */
export async function buildFederatedSchema<TContext>(options: FederatedSchemaOptions<TContext>): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes ?? [],
    skipCheck: true,
    validate: false,
  });
  const typeDefs = parse(`${FEDERATION_LINK}\n\n${describeRootTypes(printSchemaWithDirectives(schema))}`);
  const resolvers: Record<string, object> = createResolversMap(schema);
  for (const [typeName, reference] of Object.entries(options.referenceResolvers)) {
    resolvers[typeName] = { ...resolvers[typeName], ...reference };
  }
  // @apollo/subgraph does not export its resolver-map type; the shape is the one createResolversMap returns.
  return buildSubgraphSchema([{ typeDefs, resolvers: resolvers as never }]);
}

// Fields that need another subgraph are nullable, so that subgraph being down costs only these fields (with an
// error naming their path), never the whole response. Their descriptions say so in the same words everywhere.
export const UNAVAILABLE = " Null only when the subgraph that owns these entities is unavailable; `errors` then says so.";
export const CONTRIBUTED =
  " Contributed by another subgraph: null only when that subgraph is unavailable; `errors` then says so.";

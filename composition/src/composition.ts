import { readFileSync } from "node:fs";
import { composeServices } from "@apollo/composition";
import { execute, type GraphQLSchema, lexicographicSortSchema, parse, printSchema } from "graphql";
import { composedUrl, SUBGRAPHS } from "@newsfed/kit/services";
import { SUBGRAPH_DEFINITIONS } from "./subgraphs.js";

// The composed artifacts are committed next to the gateway that serves them.
export const SUPERGRAPH_FILE = new URL("../../gateway/supergraph.graphql", import.meta.url);
export const API_SCHEMA_FILE = new URL("../../gateway/schema.graphql", import.meta.url);

/** A subgraph's SDL exactly as it serves it from `_service { sdl }` (what the gateway would introspect). */
export async function subgraphSdl(schema: GraphQLSchema): Promise<string> {
  const result = await execute({ schema, document: parse("{ _service { sdl } }") });
  if (result.errors?.length) throw new Error(result.errors.map((error) => error.message).join("\n"));
  return (result.data as { _service: { sdl: string } })._service.sdl;
}

export interface Composition {
  supergraphSdl: string;
  /** The public API schema partners build against: no join__/link__ federation internals, sorted for stable diffs. */
  apiSchemaSdl: string;
  hints: string[];
}

/** Builds every subgraph schema in-process (no database needed) and composes them with @apollo/composition. */
export async function composeSupergraph(): Promise<Composition> {
  const services = [];
  for (const subgraph of SUBGRAPHS) {
    const schema = await SUBGRAPH_DEFINITIONS[subgraph.name].buildSchema();
    services.push({ name: subgraph.name, url: composedUrl(subgraph), typeDefs: parse(await subgraphSdl(schema)) });
  }
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((error) => `- ${error.message}`).join("\n")}`);
  }
  const apiSchema = result.schema.toAPISchema().toGraphQLJSSchema();
  return {
    supergraphSdl: result.supergraphSdl,
    apiSchemaSdl: `${printSchema(lexicographicSortSchema(apiSchema))}\n`,
    hints: result.hints.map((hint) => hint.toString()),
  };
}

export const readCommitted = (file: URL): string => readFileSync(file, "utf8");

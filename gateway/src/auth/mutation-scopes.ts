import { Kind, parse } from "graphql";

/**
 * Which subgraph resolves each root mutation field, read from the supergraph's `@join__field(graph: …)` on Mutation
 * fields, so a new mutation is covered without a list to maintain.
 */
export function mutationOwners(supergraphSdl: string): Map<string, string> {
  const owners = new Map<string, string>();
  const graphNames = new Map<string, string>();
  const document = parse(supergraphSdl);
  for (const definition of document.definitions) {
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === "join__Graph") {
      for (const value of definition.values ?? []) {
        const graph = value.directives?.find((d) => d.name.value === "join__graph");
        const name = graph?.arguments?.find((a) => a.name.value === "name");
        if (name?.value.kind === Kind.STRING) graphNames.set(value.name.value, name.value.value);
      }
    }
  }
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION || definition.name.value !== "Mutation") continue;
    for (const field of definition.fields ?? []) {
      const join = field.directives?.find((d) => d.name.value === "join__field");
      const graph = join?.arguments?.find((a) => a.name.value === "graph");
      const subgraph = graph?.value.kind === Kind.ENUM ? graphNames.get(graph.value.value) : undefined;
      if (subgraph) owners.set(field.name.value, subgraph);
    }
  }
  return owners;
}

/** Which write scope each mutation needs: `<subgraph>:write` of the subgraph that resolves it. */
export function mutationScopes(supergraphSdl: string): Map<string, string> {
  return new Map([...mutationOwners(supergraphSdl)].map(([field, subgraph]) => [field, `${subgraph}:write`]));
}

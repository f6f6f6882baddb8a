import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { ApolloServer, BaseContext } from "@apollo/server";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import type { Identity } from "@newsfed/kit/identity";
import type { Logger } from "@newsfed/kit/observability";
import { Kind, parse } from "graphql";

export interface WarmupOperation {
  query: string;
  variables?: Record<string, unknown>;
}

/**
 * The context of a warm-up run: it never reaches a subgraph, and records whether the gateway planned it (in an object
 * of its own: Apollo Server runs an operation with a shallow copy of the context it is given).
 */
interface WarmupContext {
  identity: Identity;
  warmup: { planned: boolean };
}

export const isWarmup = (context: unknown): context is WarmupContext =>
  typeof (context as Partial<WarmupContext> | undefined)?.warmup === "object";

/** For ApolloGateway's `experimental_didResolveQueryPlan`: notes that a warm-up operation got its plan. */
export function notePlanned(context: unknown): void {
  if (isWarmup(context)) context.warmup.planned = true;
}

/** Answers warm-up fetches locally (the plan is cached before any fetch starts); every other fetch goes through. */
export class NoFetchDuringWarmup implements GraphQLDataSource {
  constructor(private readonly inner: GraphQLDataSource) {}

  process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    return isWarmup(options.context) ? Promise.resolve({ data: null }) : this.inner.process(options);
  }
}

/**
 * Runs each operation once through Apollo Server and the gateway before the first client does, so its parsed and
 * validated document and its query plan are already cached (planning the contract example costs milliseconds).
 * Named operations are warmed with and without `operationName`, which is part of the plan cache key when sent. The
 * identity holds every write scope so that example mutations pass authorization and get planned; nothing is fetched.
 * Resolves with the operations that could not be planned (logged).
 */
export async function warmQueryPlans<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  operations: readonly WarmupOperation[],
  identity: Identity,
  logger: Logger,
): Promise<string[]> {
  const unplanned: string[] = [];
  for (const { query, variables } of operations) {
    const operation = parse(query).definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    const name = operation?.kind === Kind.OPERATION_DEFINITION ? operation.name?.value : undefined;
    for (const operationName of name ? [undefined, name] : [undefined]) {
      const contextValue: WarmupContext = { identity, warmup: { planned: false } };
      await apollo.executeOperation({ query, variables, operationName }, { contextValue: contextValue as never });
      if (!contextValue.warmup.planned) unplanned.push(name ?? query.slice(0, 60));
    }
  }
  if (unplanned.length) logger.warn({ unplanned }, "some operations could not be planned at start");
  return unplanned;
}

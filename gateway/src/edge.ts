import type { ApolloServerOptions, ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";
import { promoteEdgeCodes } from "./limits/error-codes.js";
import { nullVariablesPlugin } from "./limits/null-variables.js";
import { variableValuesPlugin } from "./limits/variable-values.js";
import { operationResolutionPlugin } from "./limits/operation-resolution.js";
import { DEFAULT_LIMITS, operationLimitsPlugin, parseLimits, type OperationLimits } from "./limits/operation-limits.js";
import { rateLimitPlugin } from "./rate-limit/rate-limit-plugin.js";
import { memoryRateLimiter, type RateLimiter } from "./rate-limit/rate-limiter.js";

/** What the gateway does at its edge before any planning or fetch: operation limits and rate limiting. */
export interface EdgeOptions {
  /** Operation limits (docs/PARTNERS.md#limits); each defaults to DEFAULT_LIMITS. */
  limits?: Partial<OperationLimits>;
  /**
   * Requests per client (token subject, else address) per minute; 0 or absent = off. `limiter` replaces the
   * in-memory counter (e.g. a shared store for several replicas); `exempt` lists addresses never counted;
   * `trustedProxies` is how many reverse proxies in front append to X-Forwarded-For.
   */
  rateLimit?: { perMinute: number; limiter?: RateLimiter; exempt?: readonly string[]; trustedProxies?: number };
  /** The IDE's pre-filled development token (only with the development secret; config: loopback development only). */
  ideDevelopmentToken?: boolean;
}

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** ApolloServer options of the edge: the parser's token limit, and error codes restored before the masker runs. */
export function edgeServerOptions(
  options: EdgeOptions,
  masker: FormatError,
): Pick<ApolloServerOptions<BaseContext>, "parseOptions" | "formatError"> {
  return {
    parseOptions: parseLimits({ ...DEFAULT_LIMITS, ...options.limits }),
    formatError: (formatted, error) => masker(promoteEdgeCodes(formatted, error), error),
  };
}

/**
 * The edge's plugins, in the order their refusals win: rate limit, then an operation that cannot be resolved, then
 * operation limits, then too many variable values, then null variables.
 */
export function edgePlugins<TContext extends BaseContext>(options: EdgeOptions): ApolloServerPlugin<TContext>[] {
  const plugins: ApolloServerPlugin<TContext>[] = [];
  const rate = options.rateLimit;
  if (rate && rate.perMinute > 0)
    plugins.push(rateLimitPlugin(rate.limiter ?? memoryRateLimiter(rate.perMinute), { exempt: rate.exempt }) as never);
  plugins.push(
    operationResolutionPlugin(),
    operationLimitsPlugin({ ...DEFAULT_LIMITS, ...options.limits }),
    variableValuesPlugin(),
    nullVariablesPlugin(),
  );
  return plugins;
}

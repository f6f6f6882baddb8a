import { GraphQLError, GraphQLScalarType, Kind, print, type GraphQLScalarTypeConfig, type ValueNode } from "graphql";
import { GraphQLDateTime, GraphQLLocalDate } from "graphql-scalars";

type Config<TInternal, TExternal> = GraphQLScalarTypeConfig<TInternal, TExternal>;

interface Definition<TExternal> {
  name: string;
  description: string;
  /** Says what a valid value looks like; prefixed to the library's reason when input is refused. */
  expected: string;
  serialize: (value: unknown) => TExternal;
}

/**
 * A graphql-scalars scalar under our schema name and description. Its parsing rules are kept; its errors (which carry
 * no code) become BAD_USER_INPUT, since only the client's input can fail them.
 */
function scalarFrom<TInternal, TExternal>(base: GraphQLScalarType, definition: Definition<TExternal>) {
  const config = base.toConfig() as Config<TInternal, unknown>;
  // The refused value is quoted in the message: a gateway finds the argument it came from by that string.
  const userInput = (value: unknown, parse: () => TInternal): TInternal => {
    try {
      return parse();
    } catch (error) {
      throw new GraphQLError(`${definition.expected}, got ${JSON.stringify(value)} (${(error as Error).message})`, {
        extensions: { code: "BAD_USER_INPUT" },
      });
    }
  };
  return new GraphQLScalarType<TInternal, TExternal>({
    ...(config as Config<TInternal, TExternal>),
    name: definition.name,
    description: definition.description,
    serialize: definition.serialize,
    parseValue: (value) => userInput(value, () => config.parseValue!(value)),
    parseLiteral: (ast: ValueNode, variables) =>
      userInput(ast.kind === Kind.STRING ? ast.value : print(ast), () => config.parseLiteral!(ast, variables)),
  });
}

/**
 * Calendar dates travel as "YYYY-MM-DD" strings end to end (graphql-scalars' LocalDate: a real calendar day, no time,
 * no zone), so no time zone can shift them a day. A JavaScript Date from a driver is written as its UTC day.
 */
export const DateScalar = scalarFrom<string, string>(GraphQLLocalDate, {
  name: "Date",
  description: "A calendar date without time zone, formatted YYYY-MM-DD (ISO 8601), e.g. 2021-11-18.",
  expected: "Date must be a calendar date as YYYY-MM-DD",
  serialize: (value) =>
    value instanceof Date ? value.toISOString().slice(0, 10) : (GraphQLLocalDate.serialize(value) as string),
});

/** Instants are read by graphql-scalars' RFC 3339 DateTime (an offset or Z is required) and always written in UTC. */
export const DateTimeScalar = scalarFrom<Date, string>(GraphQLDateTime, {
  name: "DateTime",
  description: "An instant in time as an ISO 8601 string in UTC, e.g. 2021-11-19T00:00:00.000Z.",
  expected: "DateTime must be an ISO 8601 date-time with an offset, e.g. 2021-11-19T08:00:00+08:00 or 2021-11-19T00:00:00Z",
  serialize: (value) => (GraphQLDateTime.serialize(value) as Date).toISOString(),
});

import { z } from "zod";
import { type UserError, UserErrorCode } from "../graphql/user-errors.js";

// The rules a mutation input is checked with, as zod schemas. Every rule accepts `undefined` and `null` (an absent or
// cleared value) and says itself whether that is allowed, so one shape serves create and partial update alike.
// Messages leave out the field: `parseInput` prefixes each with the path of the value that broke the rule.

/** Where a rule records what it refuses: a `superRefine`'s context, or the one a `Rule` passes its check. */
type Ctx = Pick<z.RefinementCtx, "addIssue">;

/** Records a user error on the value being parsed; `code` travels in the issue's params. */
export const refuse = (ctx: Ctx, code: UserErrorCode, message: string, path: (string | number)[] = []): typeof z.NEVER => {
  ctx.addIssue({ code: z.ZodIssueCode.custom, message, path, params: { code } });
  return z.NEVER;
};

/**
 * A rule for one value as a zod type of its own, checked by a plain function. `z.unknown().transform(check)` did the
 * same through an effect (a context with bound functions, the inner type's parse, a result per layer), which cost
 * more than the checks themselves in bulk creates of thousands of fields. Composes inside `z.object`/`z.array` as
 * any zod type; `andThen` chains a further check that runs only when this one passed (as `.transform` did).
 */
export class Rule<T> extends z.ZodType<T, z.ZodTypeDef, unknown> {
  constructor(private readonly check: (value: unknown, ctx: Ctx) => T) {
    super({} as z.ZodTypeDef);
  }

  override _parse(input: z.ParseInput): z.ParseReturnType<T> {
    let issues: z.IssueData[] | undefined;
    const value = this.check(input.data, { addIssue: (issue) => void (issues ??= []).push(issue) });
    if (!issues) return z.OK(value);
    const ctx = this._getOrReturnCtx(input);
    for (const issue of issues) z.addIssueToContext(ctx, issue);
    return z.INVALID;
  }

  andThen<U>(next: (value: T, ctx: Ctx) => U): Rule<U> {
    return new Rule<U>((value, ctx) => {
      let refused = false;
      const first = this.check(value, {
        addIssue: (issue) => {
          refused = true;
          ctx.addIssue(issue);
        },
      });
      return refused ? (z.NEVER as U) : next(first, ctx);
    });
  }
}

const absent = (value: unknown): value is null | undefined => value === null || value === undefined;

/** A trimmed text within `max` characters. Blank counts as absent: null, or REQUIRED when `required`. */
export const text = (rules: { max: number; required?: boolean }) =>
  new Rule((value, ctx): string | null => {
    if (!absent(value) && typeof value !== "string") return refuse(ctx, UserErrorCode.INVALID_FORMAT, "must be a text.");
    const trimmed = value?.trim() ?? "";
    if (!trimmed) return rules.required ? refuse(ctx, UserErrorCode.REQUIRED, "must not be empty.") : null;
    if (trimmed.length > rules.max) {
      return refuse(ctx, UserErrorCode.TOO_LONG, `must be at most ${rules.max} characters (got ${trimmed.length}).`);
    }
    return trimmed;
  });

/** A required text (never null once parsed). */
export const requiredText = (max: number) => text({ max, required: true }) as unknown as Rule<string>;

/** A list refused beyond `maxItems`; null or absent is the empty list (lists replace what was stored). */
export const list = <T extends z.ZodTypeAny>(item: T, maxItems: number) =>
  new Rule((value, ctx): z.output<T>[] => {
    if (absent(value)) return [];
    if (!Array.isArray(value)) return refuse(ctx, UserErrorCode.INVALID_FORMAT, "must be a list.");
    if (value.length > maxItems) return refuse(ctx, UserErrorCode.TOO_MANY, `takes at most ${maxItems} items.`);
    const parsed: z.output<T>[] = [];
    value.forEach((element, index) => {
      const result = item.safeParse(element);
      if (result.success) parsed.push(result.data);
      else for (const issue of result.error.issues) ctx.addIssue({ ...issue, path: [index, ...issue.path] } as z.IssueData);
    });
    return parsed;
  });

/** Distinct non-blank texts, each within `max` characters, at most `maxItems` of them. */
export const texts = (rules: { maxItems: number; max: number }) =>
  list(requiredText(rules.max), rules.maxItems).andThen((values) => [...new Set(values)]);

/** An ISO 3166-1 alpha-2 code, upper-cased; null when absent. */
export const countryCode = () =>
  text({ max: 8 }).andThen((value, ctx): string | null => {
    if (value === null) return null;
    const code = value.toUpperCase();
    if (/^[A-Z]{2}$/.test(code)) return code;
    return refuse(ctx, UserErrorCode.INVALID_FORMAT, `must be an ISO 3166-1 alpha-2 code such as MY, got "${value}".`);
  });

/** An http(s) URL, normalized; null when absent. */
export const httpUrl = () =>
  text({ max: 2000 }).andThen((value, ctx): string | null => {
    if (value === null) return null;
    try {
      const url = new URL(value);
      if (url.protocol === "http:" || url.protocol === "https:") return url.toString();
    } catch {
      // refused below
    }
    return refuse(ctx, UserErrorCode.INVALID_FORMAT, "must be an http(s) URL.");
  });

/** A calendar day as YYYY-MM-DD (2023-02-31 is refused, not rolled over); null when absent, unless `required`. */
export const calendarDate = (rules: { required?: boolean } = {}) =>
  new Rule((value, ctx): string | null => {
    if (absent(value)) return rules.required ? refuse(ctx, UserErrorCode.REQUIRED, "is required.") : null;
    if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      const day = new Date(`${value}T00:00:00Z`);
      if (!Number.isNaN(day.getTime()) && day.toISOString().startsWith(value)) return value;
    }
    return refuse(ctx, UserErrorCode.INVALID_FORMAT, "must be a calendar date as YYYY-MM-DD.");
  });

/** One value of a closed set, or null. GraphQL enforces its enums already; this guards callers that are not GraphQL. */
export const oneOf = <T extends string>(values: readonly T[], rules: { required?: boolean } = {}) =>
  new Rule((value, ctx): T | null => {
    if (absent(value)) return rules.required ? refuse(ctx, UserErrorCode.REQUIRED, "is required.") : null;
    if (typeof value === "string" && (values as readonly string[]).includes(value)) return value as T;
    return refuse(ctx, UserErrorCode.INVALID_FORMAT, `must be one of ${values.join(", ")}.`);
  });

/** One value of a closed set, required (never null once parsed). */
export const requiredOneOf = <T extends string>(values: readonly T[]) => oneOf(values, { required: true }) as unknown as Rule<T>;

/** Distinct values of a closed set (e.g. themes), in first-seen order. */
export const setOf = <T extends string>(values: readonly T[], maxItems = 50) =>
  list(requiredOneOf(values), maxItems).andThen((items) => [...new Set(items)]);

/** A key in a list of references, with its position as the caller sent it (so an error names that item). */
export interface KeyAt {
  key: string;
  index: number;
}

/**
 * A list of keys of other entities: at most `maxItems`, each checked by `item` (by default a non-blank text),
 * duplicates dropped (the first kept, with its index). Existence is checked later, against the owner.
 */
export const keys = (rules: { maxItems: number; item?: z.ZodType<string | null, z.ZodTypeDef, unknown> }) =>
  list(rules.item ?? requiredText(200), rules.maxItems).andThen((values) => {
    const seen = new Map<string, number>();
    values.forEach((key, index) => {
      if (key !== null && !seen.has(key)) seen.set(key, index);
    });
    return [...seen].map(([key, index]): KeyAt => ({ key, index }));
  });

/** Required ISO 3166-1 alpha-2 codes, upper-cased, as keys. */
export const countryCodes = (maxItems: number) =>
  keys({
    maxItems,
    item: countryCode().andThen((code, ctx) => code ?? refuse(ctx, UserErrorCode.REQUIRED, "must not be empty.")),
  });

export type InputShape = Record<string, z.ZodTypeAny>;
/** What a shape parses to: each field that was given (or is required), with its checked value. */
export type Checked<TShape extends InputShape> = { [K in keyof TShape]?: z.output<TShape[K]> };

export interface ParsedInput<TShape extends InputShape> {
  values: Checked<TShape>;
  /** The declared fields the caller set (absent ones are not changes): what the audit trail records. */
  given: string[];
  errors: UserError[];
}

/**
 * Checks an input field by field against its shape, so every problem is reported at once, each naming its field
 * (`input.positions.0.endDate`). On update only the given fields are checked; on create an absent field is checked
 * too, so a required one is reported. Keys the shape does not declare are ignored.
 */
export function parseInput<TShape extends InputShape>(
  shape: TShape,
  input: object,
  mode: "create" | "update",
  prefix = "input",
): ParsedInput<TShape> {
  const values: Record<string, unknown> = {};
  const given: string[] = [];
  const errors: UserError[] = [];
  for (const [field, rule] of Object.entries(shape)) {
    const raw = (input as Record<string, unknown>)[field];
    if (raw === undefined && mode === "update") continue;
    const result = rule.safeParse(raw);
    if (result.success) {
      if (raw !== undefined) {
        values[field] = result.data;
        given.push(field);
      }
      continue;
    }
    for (const issue of result.error.issues) errors.push(userErrorOf(issue, [prefix, field]));
  }
  return { values: values as Checked<TShape>, given: given.sort(), errors };
}

function userErrorOf(issue: z.ZodIssue, base: string[]): UserError {
  const field = [...base, ...issue.path].join(".");
  const code =
    issue.code === z.ZodIssueCode.custom
      ? ((issue.params?.code as UserErrorCode | undefined) ?? UserErrorCode.INVALID_FORMAT)
      : issue.code === z.ZodIssueCode.invalid_type && (issue.received === "undefined" || issue.received === "null")
        ? UserErrorCode.REQUIRED
        : UserErrorCode.INVALID_FORMAT;
  const message = issue.code === z.ZodIssueCode.custom ? issue.message : issue.message.toLowerCase();
  return { field, code, message: `\`${field}\` ${message}` };
}

/** The rule of `idempotencyKey`, the field every create input has (see CreateInput). */
export const idempotencyKey = () => text({ max: 200 });

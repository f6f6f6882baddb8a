import { type UserError, UserErrorCode } from "../graphql/user-errors.js";

/** Collects user errors while a service checks an input; the write happens only when none were found. */
export class Validation {
  readonly errors: UserError[] = [];

  get ok(): boolean {
    return this.errors.length === 0;
  }

  add(field: string | null, code: UserErrorCode, message: string): void {
    this.errors.push({ field, code, message });
  }

  /** A trimmed text within limits; returns it, or null (and records why) when absent or invalid. */
  text(field: string, value: string | null | undefined, rules: { required?: boolean; max: number }): string | null {
    const trimmed = value?.trim() ?? "";
    if (!trimmed) {
      if (rules.required) this.add(field, UserErrorCode.REQUIRED, `\`${field}\` must not be empty.`);
      return null;
    }
    if (trimmed.length > rules.max) {
      this.add(field, UserErrorCode.TOO_LONG, `\`${field}\` must be at most ${rules.max} characters (got ${trimmed.length}).`);
      return null;
    }
    return trimmed;
  }

  /** A list of texts: at most `maxItems`, each within `max` characters, blanks refused, duplicates dropped. */
  texts(field: string, values: readonly string[] | null | undefined, rules: { maxItems: number; max: number }): string[] {
    const list = values ?? [];
    if (list.length > rules.maxItems)
      this.add(field, UserErrorCode.TOO_MANY, `\`${field}\` takes at most ${rules.maxItems} items.`);
    const kept = list.map((value, index) => this.text(`${field}.${index}`, value, { required: true, max: rules.max }));
    return [...new Set(kept.filter((value): value is string => value !== null))];
  }

  /** An ISO 3166-1 alpha-2 code in upper case (existence is checked against the officials subgraph). */
  countryCode(field: string, value: string | null | undefined): string | null {
    if (value === null || value === undefined) return null;
    const code = value.trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(code)) {
      this.add(
        field,
        UserErrorCode.INVALID_FORMAT,
        `\`${field}\` must be an ISO 3166-1 alpha-2 code such as MY, got "${value}".`,
      );
      return null;
    }
    return code;
  }

  /** End on or after start, when both are known. Dates are YYYY-MM-DD strings, so text order is date order. */
  dateRange(startField: string, start: string | null | undefined, endField: string, end: string | null | undefined): void {
    if (start && end && end < start) {
      this.add(endField, UserErrorCode.INVALID_DATE_RANGE, `\`${endField}\` (${end}) is before \`${startField}\` (${start}).`);
    }
  }

  url(field: string, value: string | null | undefined): string | null {
    const text = this.text(field, value, { max: 2000 });
    if (text === null) return null;
    try {
      const url = new URL(text);
      if (url.protocol === "http:" || url.protocol === "https:") return url.toString();
    } catch {
      // reported below
    }
    this.add(field, UserErrorCode.INVALID_FORMAT, `\`${field}\` must be an http(s) URL.`);
    return null;
  }
}

/** The user error of an update or delete whose target does not exist. */
export const notFound = (id: string): UserError => ({
  field: "id",
  code: UserErrorCode.NOT_FOUND,
  message: `Nothing with id "${id}" exists.`,
});

/** For trusted loaders (the seed): a user error there is a bug in committed data, so fail loudly. */
export async function expectWritten<T extends { userErrors: UserError[] }>(result: Promise<T>): Promise<T> {
  const written = await result;
  if (written.userErrors.length) {
    throw new Error(`refused: ${written.userErrors.map((e) => `${e.field ?? "-"}: ${e.message}`).join("; ")}`);
  }
  return written;
}

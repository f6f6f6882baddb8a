import { type UserError, UserErrorCode } from "../graphql/user-errors.js";

/** Collects the user errors of one write; the write happens only when none were found. */
export class UserErrorList {
  readonly errors: UserError[] = [];

  get ok(): boolean {
    return this.errors.length === 0;
  }

  add(field: string | null, code: UserErrorCode, message: string): void {
    this.errors.push({ field, code, message });
  }

  addAll(errors: readonly UserError[]): void {
    this.errors.push(...errors);
  }

  /** End on or after start, when both are known. Dates are YYYY-MM-DD strings, so text order is date order. */
  dateRange(startField: string, start: string | null | undefined, endField: string, end: string | null | undefined): void {
    if (start && end && end < start) {
      this.add(endField, UserErrorCode.INVALID_DATE_RANGE, `\`${endField}\` (${end}) is before \`${startField}\` (${start}).`);
    }
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

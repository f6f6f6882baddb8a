import { type ClassType, Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";

export enum UserErrorCode {
  REQUIRED = "REQUIRED",
  TOO_LONG = "TOO_LONG",
  TOO_MANY = "TOO_MANY",
  INVALID_FORMAT = "INVALID_FORMAT",
  UNKNOWN_REFERENCE = "UNKNOWN_REFERENCE",
  INVALID_DATE_RANGE = "INVALID_DATE_RANGE",
  IN_FUTURE = "IN_FUTURE",
  CYCLE = "CYCLE",
  NOT_FOUND = "NOT_FOUND",
  REFERENCED = "REFERENCED",
  DUPLICATE = "DUPLICATE",
  UNAVAILABLE = "UNAVAILABLE",
}

registerEnumType(UserErrorCode, {
  name: "UserErrorCode",
  description: "Why a mutation refused its input. Nothing was written when any user error is returned.",
  valuesConfig: {
    REQUIRED: { description: "A required value is missing or blank." },
    TOO_LONG: { description: "A text is longer than allowed (the message gives the limit)." },
    TOO_MANY: { description: "A list has more items than allowed." },
    INVALID_FORMAT: { description: "A value is not in the expected format (e.g. a country code, a URL)." },
    UNKNOWN_REFERENCE: { description: "An id or code refers to nothing that exists." },
    INVALID_DATE_RANGE: { description: "An end date is before its start date." },
    IN_FUTURE: { description: "A date lies in the future where that is not possible (e.g. publication)." },
    CYCLE: { description: "The change would make an event its own ancestor." },
    NOT_FOUND: { description: "The entity to change or delete does not exist." },
    REFERENCED: { description: "The entity is still referenced elsewhere; remove those references first." },
    DUPLICATE: { description: "Another entity already has this unique value (e.g. an article slug)." },
    UNAVAILABLE: { description: "A service needed to check the input is unavailable; retry later." },
  },
});

@ObjectType({ description: "A problem with a mutation's input. When a payload has any, nothing was written." })
@Directive("@shareable")
export class UserError {
  @Field(() => String, {
    nullable: true,
    description:
      "Path of the offending argument, dot-separated, e.g. `input.positions.0.endDate`; null when no single field is at fault.",
  })
  field!: string | null;

  @Field(() => String, { description: "What is wrong, for people." })
  message!: string;

  @Field(() => UserErrorCode, { description: "What is wrong, for programs." })
  code!: UserErrorCode;
}

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

/** The payload of a create or update: the entity when it was written, and the reasons when it was not. */
export function payloadType<TEntity extends object>(name: string, field: string, entity: ClassType<TEntity>, verb: string) {
  @ObjectType(name, { description: `The result of ${verb}: the ${field} as stored, or the user errors that stopped it.` })
  class Payload {
    @Field(() => [UserError], { description: "Why the input was refused; empty on success." })
    userErrors!: UserError[];
  }
  Field(() => entity, { nullable: true, description: `The ${field} as stored; null when userErrors is not empty.` })(
    Payload.prototype,
    field,
  );
  return Payload;
}

/** The payload of a delete. */
export function deletePayloadType(name: string, what: string) {
  @ObjectType(name, { description: `The result of deleting a ${what}.` })
  class DeletePayload {
    @Field(() => ID, { nullable: true, description: `Id of the deleted ${what}; null when userErrors is not empty.` })
    deletedId!: string | null;

    @Field(() => [UserError], { description: "Why the delete was refused; empty on success." })
    userErrors!: UserError[];
  }
  return DeletePayload;
}

/** For trusted loaders (the seed): a user error there is a bug in committed data, so fail loudly. */
export async function expectWritten<T extends { userErrors: UserError[] }>(result: Promise<T>): Promise<T> {
  const written = await result;
  if (written.userErrors.length) {
    throw new Error(`refused: ${written.userErrors.map((e) => `${e.field ?? "-"}: ${e.message}`).join("; ")}`);
  }
  return written;
}

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
  IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED",
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
    CYCLE: { description: "The change would make a record its own ancestor (a parent that is also its descendant)." },
    NOT_FOUND: { description: "The entity to change or delete does not exist." },
    REFERENCED: { description: "The entity is still referenced elsewhere; remove those references first." },
    DUPLICATE: { description: "Another entity already has this unique value (e.g. an article slug)." },
    UNAVAILABLE: { description: "A service needed to check the input is unavailable; retry later." },
    IDEMPOTENCY_KEY_REUSED: {
      description: "The idempotency key was already used by this caller for a different input; a new create needs a new key.",
    },
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

/**
 * The payload of a create or update: the entity when it was written, and the reasons when it was not; a create's also
 * says whether it was a replay. The write path answers `{ entity, userErrors, replayed }`; the schema names the entity field after its type (`official`). `deprecatedNames`
 * keeps older names of that field readable while clients move.
 */
export function payloadType<TEntity extends object>(
  name: string,
  field: string,
  entity: ClassType<TEntity>,
  verb: string,
  deprecatedNames: readonly string[] = [],
) {
  @ObjectType(name, { description: `The result of ${verb}: the ${field} as stored, or the user errors that stopped it.` })
  class Payload {
    @Field(() => [UserError], { description: "Why the input was refused; empty on success." })
    userErrors!: UserError[];
  }
  Field(() => entity, {
    name: field,
    nullable: true,
    description: `The ${field} as stored; null when userErrors is not empty.`,
  })(Payload.prototype, "entity");
  // A create can be answered from an earlier one with the same idempotency key (a retry, or a concurrent twin).
  if (verb.startsWith("create")) {
    Field(() => Boolean, {
      description:
        "True when this answer repeats an earlier create with the same `idempotencyKey` (by this caller, with this input): the entity is the one that create made, and nothing new was stored.",
    })(Payload.prototype, "replayed");
  }
  // The older name reads the same `entity` property: a second schema field on the same class property.
  for (const old of deprecatedNames) {
    Field(() => entity, {
      name: old,
      nullable: true,
      description: `The ${field} as stored (the same as \`${field}\`).`,
      deprecationReason: `Use \`${field}\`, named after the type like every other payload.`,
    })(Payload.prototype, "entity");
  }
  return Payload;
}

/** "an article", "an official", "a policy event": the indefinite article a noun takes (by its first letter). */
export const withArticle = (noun: string): string => `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;

/** The payload of a delete. */
export function deletePayloadType(name: string, what: string) {
  @ObjectType(name, { description: `The result of deleting ${withArticle(what)}.` })
  class DeletePayload {
    @Field(() => ID, { nullable: true, description: `Id of the deleted ${what}; null when userErrors is not empty.` })
    deletedId!: string | null;

    @Field(() => [UserError], { description: "Why the delete was refused; empty on success." })
    userErrors!: UserError[];
  }
  return DeletePayload;
}

/** The payload of a bulk create (`createOfficials(inputs:)`): one create payload per input, in input order. */
export function bulkPayloadType<TPayload extends object>(name: string, item: ClassType<TPayload>, what: string) {
  @ObjectType(name, { description: `The results of creating several ${what} in one request.` })
  class BulkPayload {
    @Field(() => [item], { description: "One result per input, in input order, each as the single create answers it." })
    results!: unknown[];

    @Field(() => [UserError], {
      description: "Problems with the request as a whole (e.g. too many inputs); then nothing was created.",
    })
    userErrors!: UserError[];
  }
  return BulkPayload;
}

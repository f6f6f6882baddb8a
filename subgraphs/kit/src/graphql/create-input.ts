import { Field, InputType } from "type-graphql";

/** What every create input shares: a key that makes the create safe to retry. Create input types extend it. */
@InputType({ description: "The fields every create input shares." })
export abstract class CreateInput {
  @Field(() => String, {
    nullable: true,
    description:
      "A key you choose (at most 200 characters, e.g. a UUID) that makes this create safe to retry: a retry with the same key and input answers with the entity the first attempt created instead of creating another. Keys are per token subject and type.",
  })
  idempotencyKey?: string | null;
}

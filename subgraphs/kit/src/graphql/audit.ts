import { Field, type MiddlewareFn, UseMiddleware } from "type-graphql";
import type { Identity } from "../identity.js";

/** The scope that reads who wrote what (`updatedBy`, `history { actor }`): token subjects can be e-mail addresses. */
export const AUDIT_READ_SCOPE = "audit:read";
/** What an audit actor reads as for everyone else. */
export const REDACTED_ACTOR = "redacted";

/** Shows an audit actor to callers with `audit:read`, and to the actor itself; anyone else reads `redacted`. */
export const auditActor: MiddlewareFn<{ identity?: Identity | null }> = async ({ context }, next) => {
  const actor: unknown = await next();
  const identity = context.identity;
  if (identity && (identity.scopes.includes(AUDIT_READ_SCOPE) || actor === identity.subject)) return actor;
  return REDACTED_ACTOR;
};

const VISIBILITY =
  "Reads `redacted` unless the caller's token has the `audit:read` scope or is that editor (token subjects can be e-mail addresses).";

/** The `updatedBy` field every writable entity has: the last editor, shown only to audit readers and the editor. */
export function UpdatedByField(): PropertyDecorator {
  const field = Field(() => String, {
    description: `Who last changed this record: the token subject of the editor, or \`seed\`. ${VISIBILITY}`,
  });
  const middleware = UseMiddleware(auditActor);
  return (target, key) => {
    field(target, key);
    middleware(target, key);
  };
}

/** The description of `Change.actor`. */
export const ACTOR_DESCRIPTION = `Who made it: the subject of the bearer token, or \`seed\` for the committed seed. ${VISIBILITY}`;

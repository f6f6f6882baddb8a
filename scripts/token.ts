/**
 * `pnpm --silent run token`: prints a development bearer token with every write scope and `audit:read`, signed with the development
 * secret the zero-config gateway accepts. Options: --subject NAME, --scopes "a:write b:write", --expires 30d.
 * (`run` is needed: pnpm 12 reserves the bare `pnpm token` for a built-in command.)
 */
import { parseArgs } from "node:util";
import { DEVELOPMENT_SCOPES, signDevelopmentToken } from "../gateway/src/auth/tokens.js";

const { values } = parseArgs({
  options: { subject: { type: "string" }, scopes: { type: "string" }, expires: { type: "string" } },
});
const token = await signDevelopmentToken({
  subject: values.subject ?? "developer",
  scopes: values.scopes?.split(/[\s,]+/).filter(Boolean) ?? DEVELOPMENT_SCOPES,
  expiresIn: values.expires ?? "30d",
  secret: process.env.JWT_SECRET,
});
console.log(token);

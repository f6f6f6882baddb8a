import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";

export interface Credentials {
  /** The embedded server's superuser (`postgres`), fixed when its cluster was created. */
  superuser: string;
  /** Per service, its role's password. */
  roles: Record<string, string>;
}

const newPassword = () => randomBytes(24).toString("base64url");

/** The embedded server's passwords: generated once, kept in `file` (mode 0600), completed when services are added. */
export function loadCredentials(file: string, services: readonly string[]): Credentials {
  const stored: Partial<Credentials> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  const credentials: Credentials = {
    superuser: stored.superuser ?? newPassword(),
    roles: Object.fromEntries(services.map((service) => [service, stored.roles?.[service] ?? newPassword()])),
  };
  const text = `${JSON.stringify({ ...stored, ...credentials, roles: { ...stored.roles, ...credentials.roles } }, null, 2)}\n`;
  if (!existsSync(file) || readFileSync(file, "utf8") !== text) writeFileSync(file, text, { mode: 0o600 });
  chmodSync(file, 0o600);
  return credentials;
}

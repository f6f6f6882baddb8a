import type { Identity } from "@newsfed/kit/identity";

/**
 * A signed identity is valid for five minutes, so signing one per subgraph fetch is repeated work: the token for a
 * caller (subject and scopes) is reused for a minute, leaving it at least four minutes of validity when it arrives.
 */
export class SignedIdentityCache {
  private readonly entries = new Map<string, { token: Promise<string>; until: number }>();

  constructor(
    private readonly sign: (identity: Identity) => Promise<string>,
    private readonly reuseMs = 60_000,
    private readonly maxEntries = 10_000,
  ) {}

  get(identity: Identity, now = Date.now()): Promise<string> {
    const key = JSON.stringify([identity.subject, identity.scopes]);
    const cached = this.entries.get(key);
    if (cached && cached.until > now) return cached.token;
    // Bounded: many distinct callers within a minute just start the cache over.
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const token = this.sign(identity);
    this.entries.set(key, { token, until: now + this.reuseMs });
    token.catch(() => this.entries.delete(key));
    return token;
  }
}

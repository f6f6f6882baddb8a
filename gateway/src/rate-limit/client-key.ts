import { isIP } from "node:net";

/** What identifies a caller for rate limiting: the verified token subject, else the client's address. */
export function clientKeyOf(caller: { identity?: { subject: string } | null; clientAddress?: string | undefined }): string {
  if (caller.identity) return `subject:${caller.identity.subject}`;
  return `address:${caller.clientAddress ?? "unknown"}`;
}

/**
 * The client's address: the socket's peer, or, behind `trustedProxies` reverse proxies that each append to
 * `X-Forwarded-For`, the address the outermost trusted proxy saw. Entries a client wrote itself sit further left and
 * are never used, so a forged header cannot pick another client's budget.
 */
export function clientAddressOf(
  req: { headers: Record<string, string | string[] | undefined>; socket?: { remoteAddress?: string | undefined } } | undefined,
  trustedProxies = 0,
): string | undefined {
  const peer = normalize(req?.socket?.remoteAddress);
  if (!req || trustedProxies <= 0) return peer;
  const header = req.headers["x-forwarded-for"];
  const forwarded = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // [client-written…, seen by proxy 1, …, seen by proxy n] + the peer (the last proxy itself).
  const chain = [...forwarded, peer];
  const candidate = chain[chain.length - 1 - trustedProxies];
  const address = normalize(candidate);
  return address && isIP(address) ? address : peer;
}

/** `::ffff:10.0.0.1` (an IPv4 client on a dual-stack socket) is 10.0.0.1. */
const normalize = (address: string | undefined) => address?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");

/** The `clientAddress` of a request's context (none for in-process calls without a socket). */
export function clientAddress(
  req: Parameters<typeof clientAddressOf>[0],
  options: { rateLimit?: { trustedProxies?: number } },
): { clientAddress?: string } {
  const address = clientAddressOf(req, options.rateLimit?.trustedProxies ?? 0);
  return address ? { clientAddress: address } : {};
}

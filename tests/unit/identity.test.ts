import { DEVELOPMENT_GATEWAY_SECRET as SECRET, signIdentity, verifyIdentity } from "@newsfed/kit/identity";
import { decodeJwt, decodeProtectedHeader, SignJWT, UnsecuredJWT } from "jose";
import { describe, expect, it } from "vitest";

const editor = { subject: "editor-1", scopes: ["officials:write", "policy:write"] };

describe("the identity the gateway signs for a subgraph", () => {
  it("is a compact HS256 JWT for that subgraph, valid five minutes, that the subgraph reads back", async () => {
    const token = await signIdentity(editor, SECRET, "officials");
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: "HS256" });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ sub: "editor-1", aud: "officials", scope: "officials:write policy:write" });
    expect(claims.exp! - claims.iat!).toBe(300);
    expect(await verifyIdentity(token, SECRET, "officials")).toEqual(editor);
  });

  it("is refused for another subgraph, expired, issued in the future, forged, or malformed", async () => {
    const hourAgo = Date.now() - 3_600_000;
    const inAnHour = Date.now() + 3_600_000;
    const good = await signIdentity(editor, SECRET, "officials");
    const [header, payload] = good.split(".");
    const escalated = `${header}.${Buffer.from(JSON.stringify({ ...decodeJwt(good), scope: "articles:write" })).toString("base64url")}.${good.split(".")[2]}`;
    const refused = [
      await signIdentity(editor, SECRET, "policy"),
      await signIdentity(editor, SECRET, "officials", hourAgo),
      await signIdentity(editor, SECRET, "officials", inAnHour),
      await signIdentity(editor, "another-secret-of-enough-length", "officials"),
      escalated,
      `${header}.${payload}.`,
      `${header}.${payload}`,
      new UnsecuredJWT({ scope: "officials:write" })
        .setSubject("x")
        .setAudience("officials")
        .setIssuedAt()
        .setExpirationTime("5m")
        .encode(),
      // A token the gateway never issues: no issuer, no expiry.
      await new SignJWT({ scope: "officials:write" })
        .setProtectedHeader({ alg: "HS256" })
        .setSubject("x")
        .setAudience("officials")
        .sign(new TextEncoder().encode(SECRET)),
      "garbage",
      "",
      undefined,
    ];
    for (const token of refused) expect(await verifyIdentity(token, SECRET, "officials")).toBeNull();
  });

  it("stops taking a header it verified before once the header's validity is over", async () => {
    const token = await signIdentity(editor, SECRET, "officials");
    expect(await verifyIdentity(token, SECRET, "officials")).toEqual(editor);
    expect(await verifyIdentity(token, SECRET, "officials")).toEqual(editor);
    expect(await verifyIdentity(token, SECRET, "officials", Date.now() + 6 * 60_000)).toBeNull();
    expect(await verifyIdentity(token, SECRET, "officials", Date.now() - 10 * 60_000)).toBeNull();
    expect(await verifyIdentity(token, SECRET, "policy")).toBeNull();
    expect(await verifyIdentity(token, "another-secret-of-enough-length", "officials")).toBeNull();
  });
});

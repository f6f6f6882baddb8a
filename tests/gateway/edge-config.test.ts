import { ConfigError, parseConfig } from "@newsfed/kit/config";
import { closeServer, listen } from "@newsfed/kit/http";
import { composedUrl, SUBGRAPHS } from "@newsfed/kit/services";
import { subgraphConfigSchema } from "@newsfed/kit/subgraph";
import { createGatewayServer, DEVELOPMENT_JWT_SECRET, loadGatewayConfig } from "@newsfed/gateway";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { createTokenVerifier } from "../../gateway/src/auth/tokens.js";
import { createMetricsServer } from "../../gateway/src/observability/metrics-server.js";

// "Production means strict": anything but NODE_ENV development/test (or unset) gets production rules and defaults.

const SECRET_32 = "0123456789abcdef0123456789abcdef";
const STRICT = { JWT_SECRET: SECRET_32, GATEWAY_SHARED_SECRET: `${SECRET_32}-shared` };
// A subgraph needs a database URL (`pnpm start` sets it); these tests are about the other settings.
const subgraphConfig = (env: NodeJS.ProcessEnv) =>
  parseConfig("officials", subgraphConfigSchema("officials"), { DATABASE_URL: "postgres://localhost/newsfed", ...env });

describe("gateway configuration", () => {
  it("holds every NODE_ENV but development and test to production rules", () => {
    for (const NODE_ENV of ["production", "prod", "Production", "staging", "Development"]) {
      expect(() => loadGatewayConfig({ NODE_ENV }), NODE_ENV).toThrow(/JWT_SECRET/);
      expect(() => subgraphConfig({ NODE_ENV }), NODE_ENV).toThrow(/GATEWAY_SHARED_SECRET/);
      expect(loadGatewayConfig({ NODE_ENV, ...STRICT }).development).toBe(false);
    }
    for (const NODE_ENV of [undefined, "development", "test"]) {
      const config = loadGatewayConfig(NODE_ENV ? { NODE_ENV } : {});
      expect(config.development).toBe(true);
      expect(subgraphConfig(NODE_ENV ? { NODE_ENV } : {}).metrics).toBe(true);
    }
  });

  it("refuses secrets shorter than 32 bytes and JWKS without issuer and audience", () => {
    expect(() => loadGatewayConfig({ NODE_ENV: "production", ...STRICT, JWT_SECRET: "a" })).toThrow(
      /JWT_SECRET of at least 32 bytes/,
    );
    expect(() => loadGatewayConfig({ NODE_ENV: "production", ...STRICT, GATEWAY_SHARED_SECRET: "sixteen-byte-sec" })).toThrow(
      /GATEWAY_SHARED_SECRET of at least 32 bytes/,
    );
    expect(() => subgraphConfig({ NODE_ENV: "production", GATEWAY_SHARED_SECRET: "sixteen-byte-sec" })).toThrow(/32 bytes/);
    expect(subgraphConfig({ NODE_ENV: "production", GATEWAY_SHARED_SECRET: STRICT.GATEWAY_SHARED_SECRET }).metrics).toBe(false);
    const jwks = {
      NODE_ENV: "production",
      GATEWAY_SHARED_SECRET: STRICT.GATEWAY_SHARED_SECRET,
      JWT_JWKS_URL: "https://idp.example/jwks",
    };
    expect(() => loadGatewayConfig(jwks)).toThrow(/JWT_ISSUER and JWT_AUDIENCE/);
    expect(() => loadGatewayConfig({ ...jwks, JWT_ISSUER: "https://idp.example" })).toThrow(/JWT_AUDIENCE/);
    const ok = loadGatewayConfig({ ...jwks, JWT_ISSUER: "https://idp.example", JWT_AUDIENCE: "newsfed" });
    expect(ok.auth).toMatchObject({ issuer: "https://idp.example", audience: "newsfed" });
  });

  it("turns the IDE, introspection, /metrics and the IDE's token off in production, on in development", () => {
    const production = loadGatewayConfig({ NODE_ENV: "production", ...STRICT });
    expect(production).toMatchObject({ ide: false, introspection: false, metrics: false, ideDevelopmentToken: false });
    expect(production.rateLimit.perMinute).toBe(600);
    expect(production.auth.maxAgeSeconds).toBe(24 * 3600);
    const development = loadGatewayConfig({});
    expect(development).toMatchObject({ ide: true, introspection: true, metrics: true, ideDevelopmentToken: true });
    expect(development.rateLimit.perMinute).toBe(0);
    // Each is a setting.
    const chosen = loadGatewayConfig({
      NODE_ENV: "production",
      ...STRICT,
      IDE_ENABLED: "true",
      INTROSPECTION: "true",
      METRICS_PORT: "9464",
      RATE_LIMIT_PER_MINUTE: "0",
      JWT_MAX_AGE: "1h",
      OPERATION_MAX_DEPTH: "20",
    });
    expect(chosen).toMatchObject({
      ide: true,
      introspection: true,
      metrics: false,
      metricsPort: 9464,
      ideDevelopmentToken: false,
    });
    expect(chosen.rateLimit.perMinute).toBe(0);
    expect(chosen.auth.maxAgeSeconds).toBe(3600);
    expect(chosen.limits.maxDepth).toBe(20);
    expect(loadGatewayConfig({ HOST: "127.0.0.1", METRICS_ENABLED: "false" }).metrics).toBe(false);
    expect(() => loadGatewayConfig({ IDE_ENABLED: "maybe" })).toThrow(ConfigError);
    // A developer exposing the gateway on a network does not hand out the pre-filled token.
    expect(loadGatewayConfig({ HOST: "0.0.0.0", ...STRICT }).ideDevelopmentToken).toBe(false);
  });
});

describe("token lifetime", () => {
  const secret = new TextEncoder().encode(DEVELOPMENT_JWT_SECRET);
  const now = Math.floor(Date.now() / 1000);
  const token = (claims: { iat?: number; exp: number }) => {
    const jwt = new SignJWT({ scope: "officials:write" }).setProtectedHeader({ alg: "HS256" }).setSubject("someone");
    if (claims.iat !== undefined) jwt.setIssuedAt(claims.iat);
    return jwt.setExpirationTime(claims.exp).sign(secret);
  };

  it("refuses a token living longer than JWT_MAX_AGE, one without iat, and one issued in the future", async () => {
    const verify = createTokenVerifier({ maxAgeSeconds: 24 * 3600 });
    await expect(verify(await token({ iat: now, exp: now + 3600 }))).resolves.toMatchObject({ subject: "someone" });
    await expect(verify(await token({ iat: now, exp: now + 100 * 365 * 86_400 }))).rejects.toThrow(/at most 86400 s/);
    await expect(verify(await token({ exp: now + 3600 }))).rejects.toThrow(/iat/);
    await expect(verify(await token({ iat: now + 86_400 * 365, exp: now + 86_400 * 365 + 60 }))).rejects.toThrow(/future/);
  });
});

describe("gateway surface settings", () => {
  const urls = () => Object.fromEntries(SUBGRAPHS.map((s) => [s.name, composedUrl(s)])) as never;

  it("serves no IDE, no /metrics and no pre-filled token when told so; metrics on a port of their own", async () => {
    const off = await createGatewayServer({ subgraphUrls: urls(), ide: false, metrics: false });
    const noToken = await createGatewayServer({ subgraphUrls: urls(), ideDevelopmentToken: false });
    const offUrl = await listen(off.http, 0);
    const noTokenUrl = await listen(noToken.http, 0);
    const metricsHttp = createMetricsServer(off.metrics);
    const metricsUrl = await listen(metricsHttp, 0);
    try {
      const page = await fetch(`${offUrl}/graphql`, { headers: { accept: "text/html" } });
      expect(await page.text()).not.toContain("GraphQL IDE");
      expect((await fetch(`${offUrl}/metrics`)).status).toBe(404);
      const ide = await (await fetch(`${noTokenUrl}/graphql`, { headers: { accept: "text/html" } })).text();
      expect(ide).toContain("newsfed · GraphQL IDE");
      expect(ide).toContain("Bearer <token with officials:write>");
      expect(ide).not.toMatch(/Bearer eyJ/);
      const metrics = await fetch(`${metricsUrl}/metrics`);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toContain("graphql_requests_total");
      expect((await fetch(`${metricsUrl}/graphql`)).status).toBe(404);
    } finally {
      await closeServer(metricsHttp);
      for (const server of [off, noToken]) {
        await closeServer(server.http);
        await server.apollo.stop();
      }
    }
  });
});

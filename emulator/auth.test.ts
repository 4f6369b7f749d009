import { generateKeyPairSync, sign } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEmulator, type TestEmulator } from "./test-support.ts";

const JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });

function jwt(claims: Record<string, unknown>, key = privateKey): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const unsigned = `${part({ alg: "RS256", typ: "JWT" })}.${part(claims)}`;
  return `${unsigned}.${sign("RSA-SHA256", Buffer.from(unsigned), key).toString("base64url")}`;
}

function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: "scorer@demo.iam.gserviceaccount.com",
    scope: "https://www.googleapis.com/auth/spreadsheets",
    aud: "https://oauth2.googleapis.com/token",
    iat: now,
    exp: now + 3600,
    ...overrides,
  };
}

function tokenRequest(t: TestEmulator, assertion: string, grantType = JWT_BEARER) {
  const body = new URLSearchParams({ grant_type: grantType, assertion }).toString();
  return t.call("POST", "/token", body, { "content-type": "application/x-www-form-urlencoded" });
}

describe("token endpoint", () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await testEmulator({ publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString() });
  });
  afterAll(() => t.close());

  it("exchanges a signed service-account JWT for an access token and counts it", async () => {
    const reply = await tokenRequest(t, jwt(claims()));
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      access_token: expect.stringMatching(/^ya29\./),
      expires_in: 3600,
      token_type: "Bearer",
    });
    const stats = (await t.call("GET", "/_emulator/stats")).json;
    expect(stats.byKind.token).toBe(1);
    expect(stats.tokensIssued).toBe(1);
  });

  it("refuses a JWT signed by another key", async () => {
    const other = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
    const reply = await tokenRequest(t, jwt(claims(), other));
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({ error: "invalid_grant", error_description: "Invalid JWT Signature." });
  });

  it("refuses a token lifetime over an hour, as Google does", async () => {
    const now = Math.floor(Date.now() / 1000);
    const reply = await tokenRequest(t, jwt(claims({ iat: now, exp: now + 7200 })));
    expect(reply.json.error).toBe("invalid_grant");
    expect(reply.json.error_description).toContain("short-lived token");
  });

  it("refuses another grant type", async () => {
    const reply = await tokenRequest(t, jwt(claims()), "client_credentials");
    expect(reply.json.error).toBe("unsupported_grant_type");
  });
});

describe("bearer token checking", () => {
  it("accepts any token, or none, by default", async () => {
    const t = await testEmulator();
    try {
      const id = await t.create();
      expect(
        (await t.call("GET", `/v4/spreadsheets/${id}`, undefined, { authorization: "Bearer whatever" })).status,
      ).toBe(200);
      expect((await t.call("GET", `/v4/spreadsheets/${id}`, undefined, { authorization: "" })).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it("requires the configured token or one it issued when checking is on", async () => {
    const t = await testEmulator({ checkToken: "dev-token" });
    try {
      const missing = await t.call("POST", "/v4/spreadsheets", {}, { authorization: "" });
      expect(missing.status).toBe(401);
      expect(missing.json.error).toMatchObject({ code: 401, status: "UNAUTHENTICATED" });
      expect(missing.json.error.message).toContain("missing required authentication credential");
      expect((await t.call("POST", "/v4/spreadsheets", {}, { authorization: "Bearer wrong" })).status).toBe(401);
      expect((await t.call("POST", "/v4/spreadsheets", {}, { authorization: "Bearer dev-token" })).status).toBe(200);
      const issued = (await tokenRequest(t, jwt(claims()))).json.access_token as string;
      expect((await t.call("POST", "/v4/spreadsheets", {}, { authorization: `Bearer ${issued}` })).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});

import { env, runInDurableObject, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ErrorBody } from "../src/api/schemas.ts";
import { parseStrict } from "./support/strict-schema.ts";
import { asPerson, TOKEN } from "./support/api.ts";

// The hardening described in SECURITY.md, checked through the Worker's real entry point.
const BASE = "https://dvk.test";
const VIETNAMESE_TOO_LARGE = /quá lớn/;

function post(path: string, body: BodyInit, headers: Record<string, string> = {}): Promise<Response> {
  return SELF.fetch(`${BASE}${path}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json", ...headers },
    body,
  });
}

/** A JSON body of about `bytes` bytes that is otherwise a valid score request. */
function bigBody(bytes: number): string {
  return JSON.stringify({ year: 2024, spreadsheetId: "x", caller: "a".repeat(bytes) });
}

/** The same bytes as a stream without a length, as a chunked upload sends them. */
function streamed(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 8192) controller.enqueue(bytes.slice(i, i + 8192));
      controller.close();
    },
  });
}

describe("request size", () => {
  it("refuses a POST /api/score body over 64 KB with 413 and a Vietnamese message", async () => {
    const res = await post("/api/score", bigBody(100_000));
    expect(res.status).toBe(413);
    const body = parseStrict(ErrorBody, await res.json());
    expect(body.error.code).toBe("payload_too_large");
    expect(body.error.message).toMatch(VIETNAMESE_TOO_LARGE);
  });

  it("refuses an over-large body sent without a length (chunked) too", async () => {
    const res = await post("/api/score", streamed(bigBody(200_000)));
    expect(res.status).toBe(413);
  });

  it("refuses an over-large POST /api/setup body", async () => {
    expect((await post("/api/setup", JSON.stringify({ spreadsheetId: "x".repeat(100_000) }))).status).toBe(413);
  });

  it("refuses it before asking for the token, so nothing large is ever parsed", async () => {
    expect((await post("/api/score", bigBody(100_000), { Authorization: "" })).status).toBe(413);
  });

  it("lets a body under the limit reach the route, which judges it on its merits", async () => {
    const res = await post("/api/score", bigBody(60_000));
    expect(res.status).toBe(400); // caller is longer than 100 characters
    expect(parseStrict(ErrorBody, await res.json()).error.field).toBe("caller");
  });
});

describe("tokens", () => {
  it("refuses a prefix of the token and accepts the scheme in any case", async () => {
    const prefix = await post("/api/score", JSON.stringify({ year: 2024 }), {
      Authorization: `Bearer ${TOKEN.slice(0, -1)}`,
    });
    expect(prefix.status).toBe(401);
    const lower = await post("/api/score", JSON.stringify({ year: 2024 }), { Authorization: `bearer ${TOKEN}` });
    expect(lower.status).toBe(400); // past the token: no spreadsheet named
  });

  it("does not accept the token in the query string", async () => {
    const res = await SELF.fetch(`${BASE}/api/score?token=${TOKEN}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ year: 2024, spreadsheetId: "x" }),
    });
    expect(res.status).toBe(401);
  });
});

describe("browsers on other sites", () => {
  it("get no CORS permission: the preflight of a cross-site POST /api/score is not granted", async () => {
    const res = await SELF.fetch(`${BASE}/api/score`, {
      method: "OPTIONS",
      headers: {
        Origin: "https://attacker.example",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type",
      },
    });
    expect(res.headers.get("Access-Control-Allow-Origin")).toBeNull();
    expect(res.headers.get("Access-Control-Allow-Headers")).toBeNull();
  });

  it("cannot read GET /api/results from their scripts", async () => {
    const res = await SELF.fetch(`${BASE}/api/results?year=2024&spreadsheetId=x`, {
      headers: { Origin: "https://attacker.example", ...(await asPerson()) },
    });
    expect(res.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });

  it.each(["/", "/docs", "/api/results?year=2024&spreadsheetId=x", "/khong-co"])(
    "cannot frame %s, nor receive its address as a referrer",
    async (path) => {
      const res = await SELF.fetch(`${BASE}${path}`, { headers: await asPerson() });
      expect(res.headers.get("X-Frame-Options")).toBe("DENY");
      expect(res.headers.get("Content-Security-Policy")).toBe("frame-ancestors 'none'");
      expect(res.headers.get("Referrer-Policy")).toBe("same-origin");
      expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    },
  );

  it.each(["/api/results?year=2024&spreadsheetId=x", `/api/runs/${"0".repeat(64)}`, "/openapi.json", "/khong-co"])(
    "is told no cache may keep %s (answers behind an identity that is not in Authorization)",
    async (path) => {
      const res = await SELF.fetch(`${BASE}${path}`, { headers: await asPerson() });
      expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    },
  );

  it("gets the same headers on a refused request", async () => {
    const res = await post("/api/score", JSON.stringify({ year: 2024 }), { Authorization: "Bearer sai" });
    expect(res.status).toBe(401);
    expect(res.headers.get("X-Frame-Options")).toBe("DENY");
  });
});

describe("reads by a reader", () => {
  it("leave nothing stored for a spreadsheet id nobody scored", async () => {
    const id = `made-up-${Date.now()}`;
    const reader = { headers: await asPerson() };
    expect((await SELF.fetch(`${BASE}/api/results?year=2024&spreadsheetId=${id}`, reader)).status).toBe(404);
    await SELF.fetch(`${BASE}/?spreadsheetId=${id}`, reader);
    const stub = env.SCORER.get(env.SCORER.idFromName(id));
    const tables = await runInDurableObject(stub, (_, state) =>
      state.storage.sql
        .exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '_cf_%'")
        .toArray(),
    );
    expect(tables).toEqual([]);
  });
});

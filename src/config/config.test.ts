import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { app } from "../app.ts";
import { ConfigError, configOf, parseConfig } from "./config.ts";

const GOOGLE = { SHEETS_API_ROOT: "https://sheets.googleapis.com/" };

function configError(vars: Record<string, unknown>): ConfigError {
  try {
    parseConfig(vars);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("parseConfig", () => {
  it("gives the defaults for every setting left empty, and nothing configured", () => {
    expect(parseConfig({ ...GOOGLE, SHEETS_MAX_ATTEMPTS: "", SPREADSHEET_ID: " " })).toEqual({
      spreadsheetId: null,
      sheets: { apiRoot: "https://sheets.googleapis.com/", tokenUrl: null, serviceAccount: null },
      retry: { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 16_000, runDeadlineMs: 90_000 },
      sources: { concurrency: 4, readsPerMinute: 60, perStep: 50 },
      runsQueueLimit: 2,
      access: { access: null, scorerEmails: new Set(), scoringToken: null, readToken: null, devSignIn: false },
    });
  });

  it("reads numbers as numbers, and the Sheets root with its trailing slash", () => {
    const config = parseConfig({
      SHEETS_API_ROOT: "http://127.0.0.1:8790",
      GOOGLE_TOKEN_URL: "http://127.0.0.1:8790/token",
      SHEETS_MAX_ATTEMPTS: "3",
      SHEETS_RETRY_BASE_MS: " 0 ",
      RUN_DEADLINE_SECONDS: "30",
      SHEETS_READS_PER_MINUTE: "0",
      SHEETS_SOURCE_CONCURRENCY: "2",
    });
    expect(config.sheets).toMatchObject({ apiRoot: "http://127.0.0.1:8790/", tokenUrl: "http://127.0.0.1:8790/token" });
    expect(config.retry).toMatchObject({ maxAttempts: 3, baseDelayMs: 0, runDeadlineMs: 30_000 });
    expect(config.sources).toMatchObject({ concurrency: 2, readsPerMinute: 0 });
  });

  it("takes SPREADSHEET_ID as an id or as the spreadsheet's Google Sheets address", () => {
    const address = "https://docs.google.com/spreadsheets/d/1AbC-x_9/edit#gid=0";
    expect(parseConfig({ ...GOOGLE, SPREADSHEET_ID: address }).spreadsheetId).toBe("1AbC-x_9");
    expect(parseConfig({ ...GOOGLE, SPREADSHEET_ID: "1AbC-x_9" }).spreadsheetId).toBe("1AbC-x_9");
  });

  it("reads the service-account key, turning escaped newlines of the private key back into newlines", () => {
    const json = JSON.stringify({ client_email: "a@b.iam.gserviceaccount.com", private_key: "-----BEGIN\\nKEY" });
    expect(parseConfig({ ...GOOGLE, GOOGLE_SERVICE_ACCOUNT_JSON: json }).sheets.serviceAccount).toEqual({
      client_email: "a@b.iam.gserviceaccount.com",
      private_key: "-----BEGIN\nKEY",
    });
  });

  it("refuses a number that is not a whole number in range, naming the variable, its value and what it must be", () => {
    for (const [name, value] of [
      ["SHEETS_MAX_ATTEMPTS", "abc"],
      ["SHEETS_MAX_ATTEMPTS", "0"],
      ["SHEETS_RETRY_BASE_MS", "-5"],
      ["RUN_DEADLINE_SECONDS", "1.5"],
      ["SHEETS_SOURCE_CONCURRENCY", "0"],
      ["SHEETS_READS_PER_MINUTE", "sixty"],
    ]) {
      const error = configError({ ...GOOGLE, [name!]: value });
      expect(error.problems).toEqual([
        { variable: name, value, expected: expect.stringContaining("cần một số nguyên từ") },
      ]);
      expect(error.message).toContain(`${name} = "${value}"`);
    }
  });

  it("refuses a Sheets root that is not an http(s) address, or missing", () => {
    for (const root of ["sheets.googleapis.com", "ftp://example.com/", ""]) {
      const error = configError({ SHEETS_API_ROOT: root });
      expect(error.problems.map((p) => p.variable)).toEqual(["SHEETS_API_ROOT"]);
      expect(error.message).toContain("cần một địa chỉ http(s)");
    }
    expect(configError({ ...GOOGLE, GOOGLE_TOKEN_URL: "localhost:8790/token" }).problems[0]?.variable).toBe(
      "GOOGLE_TOKEN_URL",
    );
  });

  it("refuses a retry ceiling below the first backoff", () => {
    const error = configError({ ...GOOGLE, SHEETS_RETRY_BASE_MS: "500", SHEETS_RETRY_MAX_MS: "100" });
    expect(error.problems[0]).toMatchObject({
      variable: "SHEETS_RETRY_MAX_MS",
      expected: expect.stringContaining("SHEETS_RETRY_BASE_MS"),
    });
  });

  it("refuses a SPREADSHEET_ID that is neither an id nor an address", () => {
    expect(configError({ ...GOOGLE, SPREADSHEET_ID: "Huyện Lục Nam" }).problems[0]).toMatchObject({
      variable: "SPREADSHEET_ID",
      expected: expect.stringContaining("Không đọc được mã bảng tính"),
    });
  });

  it("names a bad secret without ever showing its value", () => {
    const error = configError({ ...GOOGLE, GOOGLE_SERVICE_ACCOUNT_JSON: "{ not json, private_key: SECRET" });
    expect(error.problems).toEqual([
      { variable: "GOOGLE_SERVICE_ACCOUNT_JSON", value: null, expected: expect.stringContaining("client_email") },
    ]);
    expect(error.message).not.toContain("SECRET");
    expect(error.publicMessage).not.toContain("SECRET");
  });

  it("lists every bad variable at once, so one deploy fixes them all", () => {
    const error = configError({ SHEETS_API_ROOT: "x", SHEETS_MAX_ATTEMPTS: "abc", SHEETS_SOURCES_PER_STEP: "0" });
    expect(error.problems.map((p) => p.variable)).toEqual([
      "SHEETS_API_ROOT",
      "SHEETS_MAX_ATTEMPTS",
      "SHEETS_SOURCES_PER_STEP",
    ]);
  });
});

describe("configOf", () => {
  it("parses an env once and hands back the same settings after", () => {
    const own = { ...env };
    expect(configOf(own)).toBe(configOf(own));
    expect(configOf(own).sources.readsPerMinute).toBe(6000); // vitest.config.ts sets it
  });
});

describe("a request to a Worker whose settings are wrong", () => {
  const badEnv = { ...env, SHEETS_MAX_ATTEMPTS: "abc" };

  it("answers 500 in Vietnamese naming the variable and what it must be, without its value", async () => {
    for (const path of ["/healthz", "/api/results?year=2024&spreadsheetId=x", "/"]) {
      const res = await app.request(path, {}, badEnv);
      expect(res.status, path).toBe(500);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("config");
      expect(body.error.message).toMatch(/^Cấu hình máy chủ sai: SHEETS_MAX_ATTEMPTS: cần một số nguyên từ 1 trở lên/);
      expect(body.error.message).not.toContain("abc");
    }
  });

  it("is refused before the token is even checked, so the person calling learns why nothing can work", async () => {
    const res = await app.request(
      "/api/score",
      { method: "POST", body: "{}", headers: { "Content-Type": "application/json" } },
      badEnv,
    );
    expect(res.status).toBe(500);
  });

  it("works again with the same Worker once the variable is right", async () => {
    expect((await app.request("/healthz", {}, { ...env })).status).toBe(200);
  });
});

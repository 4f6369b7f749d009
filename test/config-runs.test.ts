/** Wrong or missing settings stop the Cron Trigger and the runs loudly, naming the variable. */
import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../src/config/config.ts";
import { runNightly } from "../src/jobs/nightly.ts";
import { scorerFor } from "../src/scorer/scorer-for.ts";
import type { SpreadsheetScorer } from "../src/scorer/spreadsheet-scorer.ts";

describe("settings the runs cannot use", () => {
  it("make the Cron Trigger fail with a ConfigError naming the variable, rather than score with a default", async () => {
    const error = await runNightly(
      { ...env, SPREADSHEET_ID: "cron-x", SHEETS_SOURCE_CONCURRENCY: "bốn" },
      Date.UTC(2024, 5, 1),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain('SHEETS_SOURCE_CONCURRENCY = "bốn"');
  });

  it("answer a run without GOOGLE_SERVICE_ACCOUNT_JSON with 500 code config, saying how to set it", async () => {
    const id = `no-key-${Date.now()}`;
    const reply = await runInDurableObject(scorerFor(env, id), async (scorer: SpreadsheetScorer) => {
      const self = scorer as unknown as { env: Env };
      const configured = self.env;
      self.env = { ...configured, GOOGLE_SERVICE_ACCOUNT_JSON: "" };
      try {
        return await scorer.score({ spreadsheetId: id, year: 2024, dryRun: true, caller: "test" });
      } finally {
        self.env = configured;
      }
    });
    expect(reply).toMatchObject({ ok: false, failure: { status: 500, code: "config" } });
    if (reply.ok === false) expect(reply.failure.message).toContain("GOOGLE_SERVICE_ACCOUNT_JSON: chưa được cấu hình");
  });
});

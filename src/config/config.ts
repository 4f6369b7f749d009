/**
 * The Worker's settings, read once from `Env` (SPEC: parse at the edge). Every part of src/ takes its settings from
 * `configOf(env)`; a variable that is set but wrong is a ConfigError naming it, at the first request that needs it,
 * never a silent default.
 */
import type { AccessSettings } from "../auth/access-settings.ts";
import type { SourcesPolicy } from "../jobs/score-spreadsheet.ts";
import type { ServiceAccountKey } from "../sheets/client.ts";
import type { RetryPolicy } from "../sheets/retry.ts";
import { SECRET_VARS, VARS, type VarName } from "./vars.ts";

/** The settings as the code uses them: numbers as numbers, addresses checked, "not configured" as null. */
export interface Config {
  /** SPREADSHEET_ID: scored by the Cron Trigger, and the default of the API and the dashboard. */
  spreadsheetId: string | null;
  sheets: {
    /** SHEETS_API_ROOT, ending in `/`. */
    apiRoot: string;
    /** GOOGLE_TOKEN_URL: local development only; null: Google's own token endpoint. */
    tokenUrl: string | null;
    /** GOOGLE_SERVICE_ACCOUNT_JSON; null: not configured, so a run fails saying so. */
    serviceAccount: ServiceAccountKey | null;
  };
  /** Retries of Sheets calls (SHEETS_MAX_ATTEMPTS, SHEETS_RETRY_BASE_MS, SHEETS_RETRY_MAX_MS) and the run's deadline. */
  retry: { maxAttempts: number; baseDelayMs: number; maxDelayMs: number; runDeadlineMs: number };
  /** SHEETS_SOURCE_CONCURRENCY, SHEETS_READS_PER_MINUTE, SHEETS_SOURCES_PER_STEP. */
  sources: Required<SourcesPolicy>;
  /**
   * RUNS_QUEUE_LIMIT: runs that may wait for a spreadsheet besides the one under way; beyond it POST /api/score
   * answers 429 with Retry-After instead of keeping its caller waiting for minutes.
   */
  runsQueueLimit: number;
  /** Who may do what: ACCESS_TEAM_DOMAIN, ACCESS_AUD, SCORER_EMAILS, SCORING_TOKEN, READ_TOKEN, ACCESS_DEV_SIGN_IN. */
  access: AccessSettings;
}

/** One variable that cannot be used: its name, its value (null for a secret) and what it must be. */
export interface ConfigProblem {
  variable: string;
  value: string | null;
  expected: string;
}

/**
 * The Worker's settings are wrong. `message` (for the logs) quotes the values; `publicMessage` (for an HTTP answer)
 * names the variables and what they must be, without their values.
 */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  readonly publicMessage: string;
  constructor(readonly problems: readonly ConfigProblem[]) {
    const shown = (p: ConfigProblem) => (p.value === null ? p.variable : `${p.variable} = ${JSON.stringify(p.value)}`);
    super(`Cấu hình máy chủ sai: ${problems.map((p) => `${shown(p)}: ${p.expected}`).join("; ")}.`);
    this.publicMessage = `Cấu hình máy chủ sai: ${problems.map((p) => `${p.variable}: ${p.expected}`).join("; ")}. Hãy báo người quản trị sửa biến này trong wrangler.toml hoặc secret của Worker.`;
  }
}

/**
 * Reads the settings; throws ConfigError listing every variable that is set but wrong.
 *
 * @example parseConfig({ SHEETS_API_ROOT: "https://sheets.googleapis.com" }).sheets.apiRoot // → "https://sheets.googleapis.com/"
 * @example parseConfig({ SHEETS_API_ROOT: "x", SHEETS_MAX_ATTEMPTS: "abc" }) // throws ConfigError naming both
 */
export function parseConfig(env: Partial<Record<VarName, unknown>>): Config {
  const parsed = VARS.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const variable = String(issue.path[0] ?? "?");
        const raw = (env as Record<string, unknown>)[variable];
        const value = SECRET_VARS.has(variable) ? null : typeof raw === "string" ? raw : String(raw);
        const expected = issue.code === "invalid_type" ? "phải là chuỗi văn bản" : issue.message;
        return { variable, value, expected };
      }),
    );
  }
  const v = parsed.data;
  if (v.SHEETS_RETRY_MAX_MS < v.SHEETS_RETRY_BASE_MS) {
    throw new ConfigError([
      {
        variable: "SHEETS_RETRY_MAX_MS",
        value: String(v.SHEETS_RETRY_MAX_MS),
        expected: `không được nhỏ hơn SHEETS_RETRY_BASE_MS (${v.SHEETS_RETRY_BASE_MS})`,
      },
    ]);
  }
  return {
    spreadsheetId: v.SPREADSHEET_ID,
    sheets: { apiRoot: v.SHEETS_API_ROOT, tokenUrl: v.GOOGLE_TOKEN_URL, serviceAccount: v.GOOGLE_SERVICE_ACCOUNT_JSON },
    retry: {
      maxAttempts: v.SHEETS_MAX_ATTEMPTS,
      baseDelayMs: v.SHEETS_RETRY_BASE_MS,
      maxDelayMs: v.SHEETS_RETRY_MAX_MS,
      runDeadlineMs: v.RUN_DEADLINE_SECONDS * 1000,
    },
    sources: {
      concurrency: v.SHEETS_SOURCE_CONCURRENCY,
      readsPerMinute: v.SHEETS_READS_PER_MINUTE,
      perStep: v.SHEETS_SOURCES_PER_STEP,
    },
    runsQueueLimit: v.RUNS_QUEUE_LIMIT,
    access: {
      access:
        v.ACCESS_TEAM_DOMAIN !== null && v.ACCESS_AUD !== null
          ? {
              issuer: v.ACCESS_TEAM_DOMAIN,
              jwksUrl: `${v.ACCESS_TEAM_DOMAIN}/cdn-cgi/access/certs`,
              audience: v.ACCESS_AUD,
            }
          : null,
      scorerEmails: v.SCORER_EMAILS,
      scoringToken: v.SCORING_TOKEN,
      readToken: v.READ_TOKEN,
      devSignIn: v.ACCESS_DEV_SIGN_IN,
    },
  };
}

// Keyed by the env object: parsed once per isolate, and a test that hands in another env gets its own settings.
const parsedConfigs = new WeakMap<object, Config>();

/** The settings of this env, parsed at the first call (see parseConfig). */
export function configOf(env: Env): Config {
  let config = parsedConfigs.get(env);
  if (config === undefined) {
    config = parseConfig(env);
    parsedConfigs.set(env, config);
  }
  return config;
}

/** The retry policy of a run starting at `now`: its deadline is RUN_DEADLINE_SECONDS later. */
export function runRetryPolicy(config: Config, now: number): RetryPolicy {
  const { maxAttempts, baseDelayMs, maxDelayMs, runDeadlineMs } = config.retry;
  return { maxAttempts, baseDelayMs, maxDelayMs, deadline: now + runDeadlineMs };
}

/**
 * The Worker's settings (wrangler.toml `[vars]` and the secrets), one entry per variable: how its text is read,
 * what it must be, and its default. Every variable is a string in `Env`; nothing else in src/ reads `env.X` for
 * a setting. To add one: declare it in wrangler.toml (and run `npm run types`), add it here, and give it a place in
 * `Config` (config.ts).
 *
 * Empty is a value of its own for each variable: a default (the numbers), "not configured" (SPREADSHEET_ID, the
 * secrets, GOOGLE_TOKEN_URL: empty in tests and production), or an error (SHEETS_API_ROOT, which has no sensible
 * guess). A text that is there but wrong is always an error: never a silent fallback.
 */
import { z } from "zod";
import { describeSpreadsheetRefProblem, parseSpreadsheetRef } from "../../sheets-schema/spreadsheet-id.ts";
import { teamOrigin } from "../auth/team-origin.ts";
import { parseServiceAccount } from "../sheets/client.ts";
import { DEFAULT_SOURCE_CONCURRENCY } from "../sheets/source-reader.ts";

/** The text of a variable, spaces around it dropped; absent and empty are the same. */
const text = z
  .string()
  .optional()
  .transform((v) => v?.trim() ?? "");

/**
 * A whole number ≥ `min`; empty: `fallback`.
 *
 * @example wholeNumber(1, 6).parse("") // → 6
 * @example wholeNumber(1, 6).parse("abc") // → issue "cần một số nguyên từ 1 trở lên"
 */
function wholeNumber(min: number, fallback: number) {
  return text.transform((v, ctx) => {
    if (v === "") return fallback;
    const n = /^\d+$/.test(v) ? Number(v) : NaN;
    if (Number.isSafeInteger(n) && n >= min) return n;
    ctx.addIssue({ code: "custom", message: `cần một số nguyên từ ${min} trở lên (để trống: ${fallback})` });
    return z.NEVER;
  });
}

/** Whether a text is an http(s) address. */
function isHttpUrl(v: string): boolean {
  try {
    const { protocol } = new URL(v);
    return protocol === "https:" || protocol === "http:";
  } catch {
    return false;
  }
}

const NOT_HTTP_URL = "cần một địa chỉ http(s), ví dụ https://sheets.googleapis.com/";

/** The root of an API: an http(s) address, required, ending in `/` (the client's base URL). */
const apiRoot = text.transform((v, ctx) => {
  if (isHttpUrl(v)) return v.endsWith("/") ? v : `${v}/`;
  ctx.addIssue({ code: "custom", message: NOT_HTTP_URL });
  return z.NEVER;
});

/** An http(s) address; empty: null. */
const optionalUrl = text.transform((v, ctx) => {
  if (v === "") return null;
  if (isHttpUrl(v)) return v;
  ctx.addIssue({ code: "custom", message: `${NOT_HTTP_URL}, hoặc để trống` });
  return z.NEVER;
});

/** A secret: empty means not configured (null). */
const secret = text.transform((v) => (v === "" ? null : v));

/** The spreadsheet id, or its Google Sheets address as in `Nguồn dữ liệu`; empty: not configured. */
const spreadsheetRef = text.transform((v, ctx) => {
  if (v === "") return null;
  const ref = parseSpreadsheetRef(v);
  if (ref.ok) return ref.id;
  ctx.addIssue({ code: "custom", message: describeSpreadsheetRefProblem(ref.problem, "giá trị này") });
  return z.NEVER;
});

/** The service-account key file; empty: not configured (runs then fail saying so). */
const serviceAccount = text.transform((v, ctx) => {
  if (v === "") return null;
  try {
    return parseServiceAccount(v);
  } catch {
    ctx.addIssue({
      code: "custom",
      message: "cần nội dung tệp khóa JSON của tài khoản dịch vụ Google (có client_email và private_key)",
    });
    return z.NEVER;
  }
});

/** The Cloudflare Access team: `<team>`, `<team>.cloudflareaccess.com`, or (local stack only) `http://127.0.0.1:<port>`. */
const accessTeam = text.transform((v, ctx) => {
  if (v === "") return null;
  const origin = teamOrigin(v);
  if (origin !== null) return origin;
  ctx.addIssue({
    code: "custom",
    message: "cần tên nhóm Cloudflare Access, ví dụ dvk.cloudflareaccess.com (http chỉ cho 127.0.0.1), hoặc để trống",
  });
  return z.NEVER;
});

/** Comma-separated e-mails, compared without case. */
const emails = text.transform(
  (v) =>
    new Set(
      v
        .split(",")
        .map((e) => e.trim().toLowerCase())
        .filter((e) => e !== ""),
    ),
);

/** `true`, `false` or empty (false). */
const flag = text.transform((v, ctx) => {
  if (v === "" || v === "false") return false;
  if (v === "true") return true;
  ctx.addIssue({ code: "custom", message: 'cần "true", "false" hoặc để trống' });
  return z.NEVER;
});

/** Every variable the Worker reads, by its name in wrangler.toml. */
export const VARS = z.object({
  SPREADSHEET_ID: spreadsheetRef,
  SHEETS_API_ROOT: apiRoot,
  GOOGLE_TOKEN_URL: optionalUrl,
  GOOGLE_SERVICE_ACCOUNT_JSON: serviceAccount,
  SCORING_TOKEN: secret,
  SHEETS_MAX_ATTEMPTS: wholeNumber(1, 6),
  SHEETS_RETRY_BASE_MS: wholeNumber(0, 500),
  SHEETS_RETRY_MAX_MS: wholeNumber(0, 16_000),
  RUN_DEADLINE_SECONDS: wholeNumber(1, 90),
  SHEETS_SOURCE_CONCURRENCY: wholeNumber(1, DEFAULT_SOURCE_CONCURRENCY),
  SHEETS_READS_PER_MINUTE: wholeNumber(0, 60),
  SHEETS_SOURCES_PER_STEP: wholeNumber(1, 50),
  RUNS_QUEUE_LIMIT: wholeNumber(0, 2),
  READ_TOKEN: secret,
  ACCESS_TEAM_DOMAIN: accessTeam,
  ACCESS_AUD: secret,
  SCORER_EMAILS: emails,
  ACCESS_DEV_SIGN_IN: flag,
});

export type VarName = keyof typeof VARS.shape;
export type Vars = z.output<typeof VARS>;

/** Variables whose value never appears in a message. */
export const SECRET_VARS: ReadonlySet<string> = new Set<VarName>([
  "GOOGLE_SERVICE_ACCOUNT_JSON",
  "SCORING_TOKEN",
  "READ_TOKEN",
]);

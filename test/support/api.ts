import { SELF } from "cloudflare:test";
import { signDevAccessJwt, type DevAccessClaims } from "../../tools/dev-access/sign.ts";
import { ACCESS_TEAM } from "./outbound.ts";

export const TOKEN = "test-token";

/** Calls POST /api/score as the Ban Chỉ đạo would. */
export function postScore(body: unknown, token: string | null = TOKEN): Promise<Response> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  return SELF.fetch("https://dvk.test/api/score", {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** A run's JSON as the API returns it (only what the tests look at is typed). */
export interface RunJson {
  runId: string;
  year: number;
  tabsWritten: string[];
  sheetsRequests: number;
  units: {
    unit: { code: string; name: string };
    group: string;
    rank: number;
    score: number;
    parts: { quota: number; recognitionRate: number; vote: number; fields: number };
    quotaMet: boolean;
    title: string;
  }[];
  registrations: unknown[];
  dataErrors: { tab: string; cell: string; value: string; message: string }[];
  targets: { id: string; met: boolean }[];
}

/** The read-only token of the tests (READ_TOKEN in vitest.config.ts). */
export const READ_TOKEN = "test-read-token";
/** An e-mail in SCORER_EMAILS, and one that is not (a reader). */
export const SCORER_EMAIL = "scorer@dvk.test";
export const READER_EMAIL = "reader@dvk.test";
export const ACCESS_ISSUER = `https://${ACCESS_TEAM}`;

/** A Cloudflare Access JWT for `email`, signed by the development key whose JWKS the tests' Access team serves. */
export function accessJwt(
  email: string = READER_EMAIL,
  claims: Omit<DevAccessClaims, "issuer" | "email"> = {},
): Promise<string> {
  return signDevAccessJwt({ issuer: ACCESS_ISSUER, email, ...claims });
}

/** Headers of a request Cloudflare Access let through for `email`. */
export async function asPerson(email: string = READER_EMAIL): Promise<Record<string, string>> {
  return { "Cf-Access-Jwt-Assertion": await accessJwt(email) };
}

/** GET a page or the API as a person signed in through Access (a reader unless told otherwise). */
export async function getAs(path: string, email: string = READER_EMAIL): Promise<Response> {
  return SELF.fetch(`https://dvk.test${path}`, { headers: await asPerson(email) });
}

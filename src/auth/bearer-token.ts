/**
 * Which role a bearer token gives: SCORING_TOKEN a scorer, READ_TOKEN a reader. Both sides are hashed before a
 * constant-time comparison, so neither the token's content nor its length leaks through timing.
 */
import type { Role } from "./identity.ts";

export async function tokenRole(
  given: string,
  tokens: { scoringToken: string | null; readToken: string | null },
): Promise<Role | null> {
  // Both comparisons always run: which token matched must not show in the time taken either.
  const [scorer, reader] = await Promise.all([
    sameSecret(given, tokens.scoringToken),
    sameSecret(given, tokens.readToken),
  ]);
  return scorer ? "scorer" : reader ? "reader" : null;
}

export async function sameSecret(given: string, expected: string | null): Promise<boolean> {
  const enc = new TextEncoder();
  const [a, b] = await Promise.all([
    crypto.subtle.digest("SHA-256", enc.encode(given)),
    crypto.subtle.digest("SHA-256", enc.encode(expected ?? "")),
  ]);
  return expected !== null && crypto.subtle.timingSafeEqual(a, b);
}

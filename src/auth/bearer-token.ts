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
  const givenHash = await sha256(given);
  const [scorer, reader] = await Promise.all([
    sameSecret(givenHash, tokens.scoringToken),
    sameSecret(givenHash, tokens.readToken),
  ]);
  return scorer ? "scorer" : reader ? "reader" : null;
}

/** Whether the hash of a given token is the hash of the expected one (never, when none is configured). */
async function sameSecret(givenHash: ArrayBuffer, expected: string | null): Promise<boolean> {
  const expectedHash = await configuredHash(expected ?? "");
  return expected !== null && crypto.subtle.timingSafeEqual(givenHash, expectedHash);
}

function sha256(text: string): Promise<ArrayBuffer> {
  return crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
}

/**
 * The hashes of the configured tokens, made once per isolate rather than on every request (the given token is hashed
 * every time). Keyed by the token itself, so a test or a deployment with other tokens gets its own; a handful at most.
 * The hashes are kept, not their promises: a promise made in one request is not to be awaited by another.
 */
const configuredHashes = new Map<string, ArrayBuffer>();

async function configuredHash(token: string): Promise<ArrayBuffer> {
  let hash = configuredHashes.get(token);
  if (hash === undefined) {
    hash = await sha256(token);
    if (configuredHashes.size >= 16) configuredHashes.clear();
    configuredHashes.set(token, hash);
  }
  return hash;
}

/**
 * Verifies the JWT Cloudflare Access puts in front of every request it lets through (`Cf-Access-Jwt-Assertion`,
 * and the `CF_Authorization` cookie of a browser): RS256 only, signed by a key of the team's JWKS, issued by the
 * team, for this application's audience, within its validity. The crypto is jose's, not ours.
 */
import { createRemoteJWKSet, errors, jwtVerify } from "jose";
import type { AccessSettings } from "./access-settings.ts";

export type AccessVerdict = { ok: true; email: string | null; name: string } | { ok: false; expired: boolean };

// One key set per JWKS address and isolate: jose caches the keys (10 minutes) and refetches on an unknown `kid`.
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

function keySet(url: string): ReturnType<typeof createRemoteJWKSet> {
  let set = keySets.get(url);
  if (set === undefined) {
    set = createRemoteJWKSet(new URL(url), { timeoutDuration: 5000 });
    keySets.set(url, set);
  }
  return set;
}

/** The identity in an Access JWT, or why it is refused (only "expired" is worth telling the person). */
export async function verifyAccessJwt(
  token: string,
  access: NonNullable<AccessSettings["access"]>,
): Promise<AccessVerdict> {
  try {
    const { payload } = await jwtVerify(token, keySet(access.jwksUrl), {
      algorithms: ["RS256"],
      issuer: access.issuer,
      audience: access.audience,
      requiredClaims: ["exp", "iat"],
    });
    const email = typeof payload.email === "string" && payload.email !== "" ? payload.email.toLowerCase() : null;
    // An Access service token carries no e-mail, only the client id of the token as `common_name`.
    const serviceToken = typeof payload.common_name === "string" ? payload.common_name : null;
    if (email === null && serviceToken === null) return { ok: false, expired: false };
    return { ok: true, email, name: email ?? `Cloudflare Access: ${serviceToken}` };
  } catch (error) {
    return { ok: false, expired: error instanceof errors.JWTExpired };
  }
}

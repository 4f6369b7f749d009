/**
 * Signs a Cloudflare Access JWT with the development key, shaped as Access shapes its own (RS256, `kid`, `aud` as a
 * list, `iss` the team's origin, `email`, an hour of validity). `npm start` uses it for the signed-in link, the tests
 * for every identity they need. Runs in Node and in workerd (jose on Web Crypto).
 */
import { importJWK, SignJWT, type JWTPayload } from "jose";
import { DEV_ACCESS_AUD, DEV_ACCESS_KID, DEV_ACCESS_PRIVATE_JWK } from "./key.ts";

export interface DevAccessClaims {
  /** The team's origin, e.g. `https://dvk-test.cloudflareaccess.com` or the local stack's `http://127.0.0.1:8790`. */
  issuer: string;
  email?: string;
  audience?: string;
  /** Seconds since the epoch; default now. */
  issuedAt?: number;
  /** Seconds of validity from issuedAt (negative: already expired). Default one hour. */
  validFor?: number;
  /** Extra claims (a service token's `common_name`, …). */
  extra?: JWTPayload;
}

/** A compact JWS of the development identity. */
export async function signDevAccessJwt(claims: DevAccessClaims): Promise<string> {
  const key = await importJWK({ ...DEV_ACCESS_PRIVATE_JWK }, "RS256");
  const iat = claims.issuedAt ?? Math.floor(Date.now() / 1000);
  return new SignJWT({ ...(claims.email === undefined ? {} : { email: claims.email }), type: "app", ...claims.extra })
    .setProtectedHeader({ alg: "RS256", kid: DEV_ACCESS_KID })
    .setIssuer(claims.issuer)
    .setAudience([claims.audience ?? DEV_ACCESS_AUD])
    .setSubject(claims.email ?? "")
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(iat + (claims.validFor ?? 3600))
    .sign(key);
}

import { randomBytes, verify } from "node:crypto";

/**
 * A stand-in for Google's OAuth 2.0 token endpoint (`POST https://oauth2.googleapis.com/token`) for service
 * accounts: it takes the signed JWT assertion (grant_type urn:ietf:params:oauth:grant-type:jwt-bearer), checks its
 * claims as Google does (issuer, scope, at most one hour between iat and exp, not expired), checks the RS256
 * signature when a public key is configured, and answers `{ access_token, expires_in, token_type }`.
 * Errors use OAuth's shape: `{ "error": "invalid_grant", "error_description": "…" }`.
 */
export interface TokenReply {
  status: number;
  body: Record<string, unknown>;
}

const JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
const LIFETIME_SECONDS = 3600;
const SKEW_SECONDS = 300;

export class TokenIssuer {
  private readonly publicKeyPem: string | undefined;
  private readonly issued = new Map<string, number>();

  constructor(publicKeyPem?: string) {
    this.publicKeyPem = publicKeyPem;
  }

  /** Answers one token request, given its form fields. */
  exchange(form: URLSearchParams, nowMs = Date.now()): TokenReply {
    const grantType = form.get("grant_type");
    if (grantType !== JWT_BEARER) {
      return oauthError("unsupported_grant_type", `Invalid grant_type: ${grantType ?? ""}`);
    }
    const assertion = form.get("assertion") ?? "";
    const parts = assertion.split(".");
    const header = decodeJson(parts[0]);
    const payload = decodeJson(parts[1]);
    if (parts.length !== 3 || !header || !payload || !parts[2]) {
      return oauthError("invalid_grant", "Invalid JWT: Not a valid JSON Web Token.");
    }
    if (header.alg !== "RS256") return oauthError("invalid_grant", "Invalid JWT Signature.");
    if (this.publicKeyPem && !this.signatureValid(parts)) return oauthError("invalid_grant", "Invalid JWT Signature.");
    if (typeof payload.iss !== "string" || payload.iss === "") {
      return oauthError("invalid_request", "Invalid JWT: the iss (issuer) claim is missing.");
    }
    if (typeof payload.scope !== "string" && typeof payload.target_audience !== "string") {
      return oauthError("invalid_scope", "Invalid OAuth scope or ID token audience provided.");
    }
    const now = nowMs / 1000;
    const iat = Number(payload.iat);
    const exp = Number(payload.exp);
    if (
      !Number.isFinite(iat) ||
      !Number.isFinite(exp) ||
      exp - iat > LIFETIME_SECONDS ||
      exp <= now ||
      iat > now + SKEW_SECONDS
    ) {
      return oauthError(
        "invalid_grant",
        "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.",
      );
    }
    const token = `ya29.emulator-${randomBytes(24).toString("base64url")}`;
    this.issued.set(token, nowMs + LIFETIME_SECONDS * 1000);
    return { status: 200, body: { access_token: token, expires_in: LIFETIME_SECONDS, token_type: "Bearer" } };
  }

  /** True for a token this endpoint issued and that has not expired. */
  isValid(token: string, nowMs = Date.now()): boolean {
    const expires = this.issued.get(token);
    return expires !== undefined && expires > nowMs;
  }

  private signatureValid(parts: string[]): boolean {
    try {
      const data = Buffer.from(`${parts[0]}.${parts[1]}`);
      return verify("RSA-SHA256", data, this.publicKeyPem as string, Buffer.from(parts[2] ?? "", "base64url"));
    } catch {
      return false;
    }
  }
}

function decodeJson(part: string | undefined): Record<string, unknown> | undefined {
  if (part === undefined) return undefined;
  try {
    const text = Buffer.from(part, "base64url").toString("utf8");
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function oauthError(error: string, description: string): TokenReply {
  return { status: 400, body: { error, error_description: description } };
}

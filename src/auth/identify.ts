/**
 * Finds who is calling. A bearer token, when given, decides alone (a wrong one is refused even if an Access JWT
 * also came: the script meant the token); else the Access JWT of the `Cf-Access-Jwt-Assertion` header, else of the
 * `CF_Authorization` cookie. With neither Access nor a token configured, nobody is let in.
 */
import { getCookie } from "hono/cookie";
import type { Context } from "hono";
import type { Denial } from "./access-denied.ts";
import { verifyAccessJwt } from "./access-jwt.ts";
import type { AccessSettings } from "./access-settings.ts";
import { tokenRole } from "./bearer-token.ts";
import type { Identity } from "./identity.ts";

export const ACCESS_HEADER = "Cf-Access-Jwt-Assertion";
export const ACCESS_COOKIE = "CF_Authorization";

export async function identify(
  c: Context,
  settings: AccessSettings,
): Promise<{ ok: true; identity: Identity } | { ok: false; denial: Denial }> {
  if (settings.access === null && settings.scoringToken === null && settings.readToken === null) {
    return { ok: false, denial: { kind: "not_configured" } };
  }
  const authorization = c.req.header("Authorization")?.trim() ?? "";
  if (authorization !== "") {
    const token = /^Bearer\s+(.+)$/i.exec(authorization)?.[1];
    const role = token === undefined ? null : await tokenRole(token, settings);
    return role === null
      ? { ok: false, denial: { kind: "bad_token" } }
      : { ok: true, identity: { kind: "token", role } };
  }
  const jwt = c.req.header(ACCESS_HEADER)?.trim() || getCookie(c, ACCESS_COOKIE) || "";
  if (jwt === "") return { ok: false, denial: { kind: "missing" } };
  if (settings.access === null) return { ok: false, denial: { kind: "access_not_configured" } };
  const verdict = await verifyAccessJwt(jwt, settings.access);
  if (!verdict.ok) return { ok: false, denial: { kind: "bad_access", expired: verdict.expired } };
  const role = verdict.email !== null && settings.scorerEmails.has(verdict.email) ? "scorer" : "reader";
  return { ok: true, identity: { kind: "access", email: verdict.email, name: verdict.name, role } };
}

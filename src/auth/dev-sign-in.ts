/**
 * `GET /dev/sign-in?token=<Access JWT>`: local development only (ACCESS_DEV_SIGN_IN = "true", set by
 * `.dev.vars.example`, never in wrangler.toml). It stands in for Cloudflare Access's own login: it checks the JWT
 * exactly as every request is checked, keeps it in the `CF_Authorization` cookie as Access would, and opens the
 * dashboard. It can grant nothing a caller does not already hold (the JWT must be valid by itself); when disabled
 * the request goes on to the access check like any other.
 */
import type { MiddlewareHandler } from "hono";
import { setCookie } from "hono/cookie";
import { accessDenied } from "./access-denied.ts";
import { verifyAccessJwt } from "./access-jwt.ts";
import { accessSettingsFromEnv } from "./access-settings.ts";
import { ACCESS_COOKIE } from "./identify.ts";

export function devSignIn(): MiddlewareHandler<{ Bindings: Env }> {
  return async (c, next) => {
    const settings = accessSettingsFromEnv(c.env);
    if (!settings.devSignIn || c.req.method !== "GET") return next();
    if (settings.access === null) return accessDenied({ kind: "access_not_configured" });
    const token = c.req.query("token") ?? "";
    const verdict = await verifyAccessJwt(token, settings.access);
    if (!verdict.ok) return accessDenied({ kind: "bad_access", expired: verdict.expired });
    setCookie(c, ACCESS_COOKIE, token, {
      path: "/",
      httpOnly: true,
      sameSite: "Lax",
      secure: new URL(c.req.url).protocol === "https:",
    });
    c.header("Cache-Control", "no-store");
    return c.redirect("/", 303);
  };
}

/**
 * The access middleware (SPEC §6, fail closed): `requireIdentity()` lets a request through only with an identity,
 * which routes then read with `c.get("identity")`; `requireScorer()` further lets only a scorer score or set up.
 */
import type { MiddlewareHandler } from "hono";
import { accessDenied } from "./access-denied.ts";
import { accessSettingsFromEnv } from "./access-settings.ts";
import { identify } from "./identify.ts";

export function requireIdentity(): MiddlewareHandler<{ Bindings: Env }> {
  return async (c, next) => {
    const found = await identify(c, accessSettingsFromEnv(c.env));
    if (!found.ok) return accessDenied(found.denial);
    c.set("identity", found.identity);
    await next();
  };
}

/**
 * Only a scorer passes. A person's Access identity travels in a cookie a browser sends by itself, so a change asked
 * by a page of another site (a form or a script there, aimed at this origin) is refused: its `Origin` or
 * `Sec-Fetch-Site` says where it came from. Scripts holding a token are not concerned (a browser never adds it).
 */
export function requireScorer(): MiddlewareHandler<{ Bindings: Env }> {
  return async (c, next) => {
    const identity = c.get("identity");
    if (identity.role !== "scorer") {
      return accessDenied({ kind: "not_scorer", who: identity.kind === "access" ? identity.name : "Mã READ_TOKEN" });
    }
    if (identity.kind === "access" && !sameOrigin(c.req.raw)) return accessDenied({ kind: "cross_site" });
    await next();
  };
}

function sameOrigin(request: Request): boolean {
  const site = request.headers.get("Sec-Fetch-Site");
  if (site !== null && site !== "same-origin" && site !== "none") return false;
  const origin = request.headers.get("Origin");
  return origin === null || origin === new URL(request.url).origin;
}

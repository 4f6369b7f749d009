import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";

/**
 * Browser hardening on every answer (Hono's secureHeaders defaults: nosniff, HSTS, same-origin resource and opener
 * policies…), with two choices of ours:
 * - no page may frame ours (`frame-ancestors 'none'`, `X-Frame-Options: DENY`): the dashboard has a form where the
 *   access token is typed, which must not be overlaid by another site (clickjacking);
 * - `Referrer-Policy: same-origin`: a dashboard address carries the spreadsheet id, which is as good as a password
 *   to `GET /api/results`; it must not travel to other sites in the Referer header.
 * No script policy: the dashboard's one inline script is a constant, and nothing user-written reaches a script.
 */
export function securityHeaders(): MiddlewareHandler<{ Bindings: Env }> {
  return secureHeaders({
    xFrameOptions: "DENY",
    referrerPolicy: "same-origin",
    contentSecurityPolicy: { frameAncestors: ["'none'"] },
  });
}

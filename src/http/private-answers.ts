import type { MiddlewareHandler } from "hono";

/**
 * `Cache-Control: private, no-store` on every answer whose route did not choose its own. Results, run progress and
 * pages carry names of people and their votes (personal data, SECURITY.md), and the identity that unlocked them
 * travels in a cookie or an Access header, not `Authorization`, so a shared cache would be free to keep them
 * (RFC 9111 §3.5), and a browser on an office's shared computer would keep them on disk.
 */
export function privateAnswers(): MiddlewareHandler<{ Bindings: Env }> {
  return async (c, next) => {
    await next();
    if (c.res.headers.has("Cache-Control")) return;
    try {
      c.res.headers.set("Cache-Control", "private, no-store");
    } catch {
      // The headers of a Response passed through from elsewhere are immutable: copy it with its body untouched.
      c.res = new Response(c.res.body, c.res);
      c.res.headers.set("Cache-Control", "private, no-store");
    }
  };
}

import type { MiddlewareHandler } from "hono";
import { ApiError } from "./api-error.ts";

/**
 * Requires `Authorization: Bearer <SCORING_TOKEN>`. Both sides are hashed before a constant-time comparison, so
 * neither the token's content nor its length leaks through timing.
 */
export function bearerAuth(getToken: (env: Env) => string | null | undefined): MiddlewareHandler<{ Bindings: Env }> {
  return async (c, next) => {
    const expected = getToken(c.env);
    const header = c.req.header("Authorization") ?? "";
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (!expected || !match?.[1] || !(await sameSecret(match[1], expected))) {
      throw new ApiError(401, "unauthorized", "Thiếu hoặc sai mã truy cập (Authorization: Bearer …).", {
        headers: { "WWW-Authenticate": 'Bearer realm="dvk-score"' },
      });
    }
    await next();
  };
}

export async function sameSecret(given: string, expected: string): Promise<boolean> {
  const enc = new TextEncoder();
  const [a, b] = await Promise.all([
    crypto.subtle.digest("SHA-256", enc.encode(given)),
    crypto.subtle.digest("SHA-256", enc.encode(expected)),
  ]);
  return crypto.subtle.timingSafeEqual(a, b);
}

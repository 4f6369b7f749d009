import type { MiddlewareHandler } from "hono";
import { ApiError } from "./api-error.ts";

/** A route the API documents: its method and its OpenAPI path (`/api/runs/{runId}`). */
export interface KnownRoute {
  method: string;
  path: string;
}

/**
 * Answers 405 with an `Allow` header when a known path is asked with a method it does not take (`GET /api/score`),
 * before any token is asked for: the caller's mistake is the method, not the token. Unknown paths pass on (404).
 * `routes` is read per request, so it can list routes registered after this middleware.
 */
export function methodNotAllowed(routes: () => readonly KnownRoute[]): MiddlewareHandler<{ Bindings: Env }> {
  return async (c, next) => {
    const allowed = allowedMethods(routes(), c.req.path);
    if (allowed.length > 0 && !allowed.includes(c.req.method.toUpperCase())) {
      throw new ApiError(
        405,
        "method_not_allowed",
        `Địa chỉ ${c.req.path} không nhận phương thức ${c.req.method}; hãy dùng ${allowed.join(" hoặc ")}.`,
        {
          headers: { Allow: allowed.join(", ") },
        },
      );
    }
    await next();
  };
}

/**
 * The methods a path takes, in upper case; a GET route answers HEAD too (Hono runs it without the body).
 * Empty when no route has that path.
 *
 * @example allowedMethods([{ method: "post", path: "/api/score" }], "/api/score") // → ["POST"]
 * @example allowedMethods([{ method: "get", path: "/api/runs/{runId}" }], "/api/runs/abc") // → ["GET", "HEAD"]
 */
export function allowedMethods(routes: readonly KnownRoute[], path: string): string[] {
  const methods = routes.filter((r) => pathPattern(r.path).test(path)).map((r) => r.method.toUpperCase());
  if (methods.includes("GET")) methods.push("HEAD");
  return [...new Set(methods)];
}

/** Patterns of the paths seen, compiled once per isolate rather than for every route on every request. */
const patterns = new Map<string, RegExp>();

function pathPattern(openApiPath: string): RegExp {
  let pattern = patterns.get(openApiPath);
  if (pattern === undefined) {
    const escaped = openApiPath.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    pattern = new RegExp(`^${escaped.join("[^/]+")}/?$`);
    patterns.set(openApiPath, pattern);
  }
  return pattern;
}

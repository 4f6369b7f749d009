import type { MiddlewareHandler } from "hono";
import { ApiError } from "../http/api-error.ts";
import { ConfigError, configOf } from "./config.ts";

/**
 * Reads the settings before any route (they are parsed once, so this costs nothing after the first request). Wrong
 * settings answer every request with 500 naming the variable, in Vietnamese, rather than a page or a run that
 * quietly uses something else.
 *
 * @example SHEETS_MAX_ATTEMPTS = "abc" → 500 { error: { code: "config", message: "Cấu hình máy chủ sai: SHEETS_MAX_ATTEMPTS: cần một số nguyên từ 1 trở lên …" } }
 */
export function requireConfig(): MiddlewareHandler<{ Bindings: Env }> {
  return async (c, next) => {
    try {
      configOf(c.env);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      console.error(error.message);
      throw new ApiError(500, "config", error.publicMessage);
    }
    await next();
  };
}

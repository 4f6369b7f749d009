import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { RunFailure } from "../jobs/run-failure.ts";

/** Details an error answer may carry beside its code and message. */
export interface ApiErrorDetails {
  /** The request field that is wrong (400). */
  field?: string;
  /** The cell, column or tab of the spreadsheet the problem is in. */
  where?: string;
  /** Headers the answer needs: `Retry-After`, `WWW-Authenticate`, `Allow`. */
  headers?: Record<string, string>;
}

/**
 * Every error the API answers with: thrown by routes and middleware, rendered once by `app.onError` as
 * `{ error: { code, message, field?, where? } }` (the `Error` schema of the API reference). `message` is Vietnamese,
 * for the person who will act on it.
 *
 * @example throw new ApiError(404, "not_found", "Không có trang này.")
 */
export class ApiError extends HTTPException {
  readonly code: string;
  readonly details: ApiErrorDetails;

  constructor(status: ContentfulStatusCode, code: string, message: string, details: ApiErrorDetails = {}) {
    super(status, { message });
    this.code = code;
    this.details = details;
  }
}

/** The failure of a run (scoring or setup) as the error the API answers with, `Retry-After` when Google asked to wait. */
export function runFailureError(f: RunFailure): ApiError {
  return new ApiError(f.status, f.code, f.message, {
    ...(f.where ? { where: f.where } : {}),
    ...(f.retryAfterSeconds !== undefined ? { headers: { "Retry-After": String(f.retryAfterSeconds) } } : {}),
  });
}

/** The one place an error body is built. */
export function errorResponse(c: Context, error: ApiError): Response {
  const { field, where, headers } = error.details;
  const body = {
    error: {
      code: error.code,
      message: error.message,
      ...(field !== undefined ? { field } : {}),
      ...(where ? { where } : {}),
    },
  };
  return c.json(body, error.status, headers);
}

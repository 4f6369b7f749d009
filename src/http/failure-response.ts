import type { RunFailure } from "../jobs/run-failure.ts";

/** The HTTP answer to a failed run, with Retry-After when Google asked us to wait. */
export function failureResponse(f: RunFailure): Response {
  const headers: Record<string, string> = {};
  if (f.retryAfterSeconds !== undefined) headers["Retry-After"] = String(f.retryAfterSeconds);
  const error = { code: f.code, message: f.message, ...(f.where ? { where: f.where } : {}) };
  return Response.json({ error }, { status: f.status, headers });
}

import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { ApiError, errorResponse, runFailureError } from "./api-error.ts";

/** An app that throws `error` and renders it as src/app.ts does. */
function answerOf(error: ApiError): Promise<Response> {
  const app = new Hono();
  app.get("/", () => {
    throw error;
  });
  app.onError((err, c) => (err instanceof ApiError ? errorResponse(c, err) : c.text("?", 500)));
  return Promise.resolve(app.request("/"));
}

describe("ApiError", () => {
  it("renders as { error: { code, message } } with its status", async () => {
    const res = await answerOf(new ApiError(404, "not_found", "Không có trang này."));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: "Không có trang này." } });
  });

  it("carries the field and the headers it was given", async () => {
    const res = await answerOf(
      new ApiError(401, "unauthorized", "Thiếu mã.", { field: "token", headers: { "WWW-Authenticate": "Bearer" } }),
    );
    expect(res.headers.get("WWW-Authenticate")).toBe("Bearer");
    expect(await res.json()).toEqual({ error: { code: "unauthorized", message: "Thiếu mã.", field: "token" } });
  });

  it("answers a failed run with its status, where, and Retry-After when Google asked to wait", async () => {
    const res = await answerOf(
      runFailureError({ status: 503, code: "sheets_quota", message: "Chờ.", where: "'Đăng ký'", retryAfterSeconds: 7 }),
    );
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBe("7");
    expect(await res.json()).toEqual({ error: { code: "sheets_quota", message: "Chờ.", where: "'Đăng ký'" } });
  });

  it("sends no Retry-After when there is nothing to wait for", async () => {
    const res = await answerOf(runFailureError({ status: 422, code: "contract", message: "Thiếu cột." }));
    expect(res.headers.get("Retry-After")).toBeNull();
  });
});

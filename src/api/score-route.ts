import { SIGNED_IN } from "../auth/openapi-security.ts";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { configOf } from "../config/config.ts";
import { ApiError, runFailureError } from "../http/api-error.ts";
import type { ReviewRun } from "../jobs/score-spreadsheet.ts";
import { callerOf } from "../auth/identity.ts";
import { requireScorer } from "../auth/require-identity.ts";
import { scorerFor } from "../scorer/scorer-for.ts";
import { ReviewRunSchema } from "./score-run-schema.ts";
import { ErrorBody, RunProgressSchema, ScoreBody } from "./schemas.ts";
import { jsonText } from "./json-text.ts";
import { validationHook } from "./validation-hook.ts";
import { errorResponse, SCORER_SHEETS_ERRORS } from "./error-response.ts";

const route = createRoute({
  method: "post",
  path: "/api/score",
  summary: "Chấm điểm, xếp hạng và ghi kết quả vào bảng tính",
  security: SIGNED_IN,
  request: { body: { required: true, content: { "application/json": { schema: ScoreBody } } } },
  responses: {
    200: {
      description: "Kết quả đầy đủ của lần chấm; reviewKind cho biết loại đánh giá (nam, 6-thang, giai-doan)",
      content: { "application/json": { schema: ReviewRunSchema } },
    },
    202: {
      description:
        "Lần chấm chạy nền (yêu cầu background, hoặc quá nhiều nguồn để đọc trong một yêu cầu): theo dõi ở Location",
      headers: { Location: { schema: { type: "string" }, description: "GET /api/runs/{runId} của lần chạy nền" } },
      content: { "application/json": { schema: RunProgressSchema } },
    },
    ...SCORER_SHEETS_ERRORS,
    409: errorResponse("Bảng tính đang được chấm nền; chờ lần chạy đó xong"),
    422: errorResponse(
      "Bảng tính thiếu cột bắt buộc, cấu hình sai, năm (hoặc giai đoạn) chưa có dòng đăng ký nào (no_registrations), hoặc quá nhiều nguồn để đọc trong một lần chấm; không ghi gì",
    ),
    429: {
      description:
        "Đã có đủ số lần chấm đang chờ bảng tính này (RUNS_QUEUE_LIMIT); thử lại sau số giây ở Retry-After; không đọc, không ghi gì",
      headers: { "Retry-After": { schema: { type: "integer" }, description: "Số giây nên chờ trước khi thử lại" } },
      content: { "application/json": { schema: ErrorBody } },
    },
  },
});

export const scoreRoute = new OpenAPIHono<{ Bindings: Env }>({ defaultHook: validationHook });
scoreRoute.use(route.path, requireScorer());
scoreRoute.openapi(route, async (c) => {
  const body = c.req.valid("json");
  const spreadsheetId = body.spreadsheetId ?? configOf(c.env).spreadsheetId;
  if (!spreadsheetId) {
    throw new ApiError(
      400,
      "invalid_request",
      'Trường "spreadsheetId" là bắt buộc vì SPREADSHEET_ID chưa được cấu hình.',
      { field: "spreadsheetId" },
    );
  }
  if (body.background && body.dryRun) {
    throw new ApiError(
      400,
      "invalid_request",
      'Không chạy nền được khi "dryRun" là true: kết quả chạy thử không được lưu.',
      { field: "background" },
    );
  }
  // Asked over RPC by the Durable Object when the run's turn comes after it waited. A client that disconnected has
  // cancelled this invocation, so the call fails and the run is dropped before it starts (the signal adds nothing
  // without the enable_request_signal flag, but costs nothing either).
  const signal = c.req.raw.signal;
  const wanted = () => !signal.aborted;
  const reply = await scorerFor(c.env, spreadsheetId).score(
    {
      spreadsheetId,
      year: body.year,
      dryRun: body.dryRun,
      // The run log names the authenticated caller; what the body says only follows it, in parentheses.
      caller: callerOf(c.get("identity"), body.caller),
      background: body.background ?? false,
      review: body.review,
    },
    wanted,
  );
  if (!reply.ok) throw runFailureError(reply.failure);
  if (reply.ok === "background") {
    return c.json(reply.progress, 202, { Location: `/api/runs/${reply.progress.runId}` });
  }
  // The run is already JSON (a stream of UTF-8 bytes); re-parsing it only to serialise again would double the cost.
  return jsonText<ReviewRun>(reply.body);
});

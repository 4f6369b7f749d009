import { SIGNED_IN } from "../auth/openapi-security.ts";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { callerOf } from "../auth/identity.ts";
import { requireScorer } from "../auth/require-identity.ts";
import { failureResponse } from "../http/failure-response.ts";
import { scorerFor } from "../scorer/scorer-for.ts";
import { ErrorBody, RunProgressSchema, ScoreBody, ScoreRunSchema } from "./schemas.ts";
import { validationHook } from "./validation-hook.ts";

const route = createRoute({
  method: "post",
  path: "/api/score",
  summary: "Chấm điểm, xếp hạng và ghi kết quả vào bảng tính",
  security: SIGNED_IN,
  request: { body: { required: true, content: { "application/json": { schema: ScoreBody } } } },
  responses: {
    200: { description: "Kết quả đầy đủ của lần chấm", content: { "application/json": { schema: ScoreRunSchema } } },
    202: {
      description: "Lần chấm chạy nền (yêu cầu background, hoặc quá nhiều nguồn để đọc trong một yêu cầu): theo dõi ở Location",
      content: { "application/json": { schema: RunProgressSchema } },
    },
    400: { description: "Yêu cầu sai (nêu tên trường)", content: { "application/json": { schema: ErrorBody } } },
    401: { description: "Thiếu hoặc sai mã truy cập / danh tính Cloudflare Access", content: { "application/json": { schema: ErrorBody } } },
    403: { description: "Người gọi chỉ được xem (không có trong SCORER_EMAILS, hoặc dùng READ_TOKEN)", content: { "application/json": { schema: ErrorBody } } },
    409: { description: "Bảng tính đang được chấm nền; chờ lần chạy đó xong", content: { "application/json": { schema: ErrorBody } } },
    422: { description: "Bảng tính thiếu cột bắt buộc, cấu hình sai, hoặc quá nhiều nguồn để đọc trong một lần chấm; không ghi gì", content: { "application/json": { schema: ErrorBody } } },
    502: { description: "Google Sheets không trả lời; không ghi gì", content: { "application/json": { schema: ErrorBody } } },
    503: { description: "Google Sheets quá hạn mức; không ghi gì", content: { "application/json": { schema: ErrorBody } } },
  },
});

export const scoreRoute = new OpenAPIHono<{ Bindings: Env }>({ defaultHook: validationHook });
scoreRoute.use(route.path, requireScorer());
scoreRoute.openapi(route, async (c) => {
  const body = c.req.valid("json");
  const spreadsheetId = body.spreadsheetId ?? c.env.SPREADSHEET_ID;
  if (!spreadsheetId) {
    return c.json({ error: { code: "invalid_request", field: "spreadsheetId", message: 'Trường "spreadsheetId" là bắt buộc vì SPREADSHEET_ID chưa được cấu hình.' } }, 400);
  }
  if (body.background && body.dryRun) {
    return c.json({ error: { code: "invalid_request", field: "background", message: 'Không chạy nền được khi "dryRun" là true: kết quả chạy thử không được lưu.' } }, 400);
  }
  const reply = await scorerFor(c.env, spreadsheetId).score({
    spreadsheetId,
    year: body.year,
    dryRun: body.dryRun,
    // The run log names the authenticated caller; what the body says only follows it, in parentheses.
    caller: callerOf(c.get("identity"), body.caller),
    background: body.background ?? false,
  });
  if (!reply.ok) return failureResponse(reply.failure) as never;
  if (reply.ok === "background") {
    return c.json(reply.progress, 202, { Location: `/api/runs/${reply.progress.runId}` }) as never;
  }
  // The run is already JSON text; re-parsing it only to serialise again would double the cost.
  return new Response(reply.json, { headers: { "Content-Type": "application/json; charset=utf-8" } }) as never;
});

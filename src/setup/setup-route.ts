import { SIGNED_IN } from "../auth/openapi-security.ts";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { SpreadsheetIdField } from "../api/spreadsheet-id-field.ts";
import { validationHook } from "../api/validation-hook.ts";
import { configOf } from "../config/config.ts";
import { ApiError, runFailureError } from "../http/api-error.ts";
import { requireScorer } from "../auth/require-identity.ts";
import { scorerFor } from "../scorer/scorer-for.ts";
import { errorResponse, SCORER_SHEETS_ERRORS } from "../api/error-response.ts";

/** Body of `POST /api/setup`. */
export const SetupBody = z
  .object({
    spreadsheetId: SpreadsheetIdField,
  })
  .strict()
  .openapi("SetupBody");

const byTab = z.record(z.string(), z.array(z.string()));

export const SetupResultSchema = z
  .object({
    spreadsheetId: z.string(),
    unchanged: z.boolean().openapi({ description: "true: bảng tính đã sẵn sàng, không ghi gì" }),
    created: z.array(z.string()).openapi({ description: "Trang tính được tạo mới" }),
    headersAdded: byTab.openapi({ description: "Tiêu đề cột được thêm vào cuối dòng 1, theo trang tính" }),
    validations: z.number().openapi({ description: "Số cột được đặt danh sách chọn hoặc kiểm tra dữ liệu" }),
    validatedColumns: byTab,
    protected: z.array(z.string()).openapi({ description: "Trang kết quả được bảo vệ (chỉ cảnh báo)" }),
    guide: z.enum(["created", "rewritten", "unchanged"]).openapi({ description: "Trang “Hướng dẫn”" }),
    warnings: z.array(z.string()),
    summary: z.array(z.string()).openapi({ description: "Các thay đổi, bằng tiếng Việt" }),
  })
  .openapi("SetupResult");

const route = createRoute({
  method: "post",
  path: "/api/setup",
  summary: "Chuẩn bị bảng tính: tạo trang và cột còn thiếu, danh sách chọn, trang Hướng dẫn, bảo vệ trang kết quả",
  description:
    "Chỉ thêm, không bao giờ sửa dữ liệu đã nhập. Mọi thay đổi được ghi trong một lần (tất cả hoặc không gì); chạy lại lần nữa không thay đổi gì.",
  security: SIGNED_IN,
  request: { body: { required: true, content: { "application/json": { schema: SetupBody } } } },
  responses: {
    200: {
      description: "Những gì đã được tạo, thêm hoặc bảo vệ",
      content: { "application/json": { schema: SetupResultSchema } },
    },
    ...SCORER_SHEETS_ERRORS,
    422: errorResponse("Hai trang tính cùng được hiểu là một trang nhập liệu; không ghi gì"),
  },
});

export const setupRoute = new OpenAPIHono<{ Bindings: Env }>({ defaultHook: validationHook });
setupRoute.use(route.path, requireScorer());
setupRoute.openapi(route, async (c) => {
  const spreadsheetId = c.req.valid("json").spreadsheetId ?? configOf(c.env).spreadsheetId;
  if (!spreadsheetId) {
    throw new ApiError(
      400,
      "invalid_request",
      'Trường "spreadsheetId" là bắt buộc vì SPREADSHEET_ID chưa được cấu hình.',
      { field: "spreadsheetId" },
    );
  }
  const reply = await scorerFor(c.env, spreadsheetId).setup(spreadsheetId);
  if (!reply.ok) throw runFailureError(reply.failure);
  return c.json(reply.result, 200);
});

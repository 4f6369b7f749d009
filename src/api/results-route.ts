import { SIGNED_IN } from "../auth/openapi-security.ts";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { configOf } from "../config/config.ts";
import { ApiError } from "../http/api-error.ts";
import { REVIEW_KIND_LABEL } from "../../scoring/labels.ts";
import type { ReviewRun } from "../jobs/score-spreadsheet.ts";
import { scorerFor } from "../scorer/scorer-for.ts";
import { jsonText } from "./json-text.ts";
import { ReviewRunSchema } from "./score-run-schema.ts";
import { ResultsQuery } from "./schemas.ts";
import { validationHook } from "./validation-hook.ts";
import { errorResponse, NOT_SIGNED_IN } from "./error-response.ts";

const route = createRoute({
  method: "get",
  path: "/api/results",
  summary: "Kết quả gần nhất của một năm, theo loại đánh giá (review: nam, 6-thang, giai-doan)",
  security: SIGNED_IN,
  request: { query: ResultsQuery },
  responses: {
    200: {
      description: "Kết quả của lần chấm gần nhất (đã ghi)",
      content: { "application/json": { schema: ReviewRunSchema } },
    },
    400: errorResponse("Tham số sai"),
    401: NOT_SIGNED_IN,
    404: errorResponse("Chưa có kết quả của loại đánh giá này cho năm này"),
  },
});

export const resultsRoute = new OpenAPIHono<{ Bindings: Env }>({ defaultHook: validationHook });
resultsRoute.openapi(route, async (c) => {
  const { year, spreadsheetId: asked, review } = c.req.valid("query");
  const spreadsheetId = asked ?? configOf(c.env).spreadsheetId;
  const json = spreadsheetId ? await scorerFor(c.env, spreadsheetId).latestResultBody(year, review) : null;
  if (json === null) {
    const what = review === "nam" ? "chấm điểm" : REVIEW_KIND_LABEL[review].toLowerCase();
    throw new ApiError(404, "not_found", `Chưa có kết quả ${what} năm ${year} cho bảng tính này.`);
  }
  return jsonText<ReviewRun>(json);
});

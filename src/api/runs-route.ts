import { SIGNED_IN } from "../auth/openapi-security.ts";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { ApiError } from "../http/api-error.ts";
import { RunParams, RunProgressSchema } from "./schemas.ts";
import { validationHook } from "./validation-hook.ts";
import { errorResponse } from "./error-response.ts";

const route = createRoute({
  method: "get",
  path: "/api/runs/{runId}",
  summary: "Tiến độ của một lần chấm chạy nền",
  security: SIGNED_IN,
  request: { params: RunParams },
  responses: {
    200: {
      description: "Bước đang làm, số nguồn đã đọc, phần trăm; khi xong, nơi lấy kết quả",
      content: { "application/json": { schema: RunProgressSchema } },
    },
    400: errorResponse("Mã lần chạy không đúng dạng (nêu tên trường)"),
    401: errorResponse("Thiếu hoặc sai mã truy cập"),
    404: errorResponse("Không có lần chạy nền với mã này"),
  },
});

export const runsRoute = new OpenAPIHono<{ Bindings: Env }>({ defaultHook: validationHook });
// Any identity may follow a run (the app-wide requireIdentity); it shows progress, not the data.
runsRoute.openapi(route, async (c) => {
  const { runId } = c.req.valid("param");
  const notFound = () => new ApiError(404, "not_found", `Không có lần chạy nền mã ${runId}.`);
  // The id starts with the id of the spreadsheet's Durable Object; one that is not of this namespace is refused.
  let id: DurableObjectId;
  try {
    id = c.env.SCORER.idFromString(runId.slice(0, runId.indexOf(".")));
  } catch {
    throw notFound();
  }
  const progress = await c.env.SCORER.get(id).runProgress(runId);
  if (progress === null) throw notFound();
  return c.json(progress, 200);
});

import { OpenAPIHono } from "@hono/zod-openapi";
import { except } from "hono/combine";
import { HTTPException } from "hono/http-exception";
import { resultsRoute } from "./api/results-route.ts";
import { runsRoute } from "./api/runs-route.ts";
import { scoreRoute } from "./api/score-route.ts";
import { useVietnameseZodMessages } from "./api/zod-vietnamese.ts";
import { apiDocs } from "./api-docs/docs-route.tsx";
import { requireConfig } from "./config/require-config.ts";
import { devSignIn } from "./auth/dev-sign-in.ts";
import { requireIdentity } from "./auth/require-identity.ts";
import { dashboardRoute } from "./dashboard/dashboard-route.tsx";
import { ApiError, errorResponse } from "./http/api-error.ts";
import { requestBodyLimit } from "./http/body-limit.ts";
import { type KnownRoute, methodNotAllowed } from "./http/method-not-allowed.ts";
import { privateAnswers } from "./http/private-answers.ts";
import { securityHeaders } from "./http/security-headers.ts";
import { reportRoute } from "./report/report-route.ts";
import { setupRoute } from "./setup/setup-route.ts";
import { unitPageRoute } from "./unit-page/unit-route.tsx";

useVietnameseZodMessages();

/** The HTTP surface of SPEC §6, composed in one visible place. */
export const app = new OpenAPIHono<{ Bindings: Env }>();

app.use("*", securityHeaders());
app.use("*", privateAnswers());
app.use("*", requireConfig());
app.use("/api/*", methodNotAllowed(documentedRoutes));
app.use("/api/*", requestBodyLimit());
app.get("/healthz", (c) => c.json({ ok: true }));
// Fail closed (SPEC §6): everything else, pages and unknown paths included, needs an identity.
app.use("/dev/sign-in", devSignIn());
app.use("*", except("/healthz", requireIdentity()));
app.route("/", scoreRoute);
app.route("/", resultsRoute);
app.route("/", reportRoute);
app.route("/", runsRoute);
app.route("/", setupRoute);
app.route("/", dashboardRoute);
app.route("/", unitPageRoute);
app.get("/docs", apiDocs(app));

app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
app.openAPIRegistry.registerComponent("securitySchemes", "cloudflareAccess", {
  type: "apiKey",
  in: "header",
  name: "Cf-Access-Jwt-Assertion",
});
app.doc31("/openapi.json", {
  openapi: "3.1.0",
  info: { title: "dvk-score – Chấm điểm Dân vận khéo", version: "1.0.0" },
});

app.notFound((c) => errorResponse(c, new ApiError(404, "not_found", "Không có trang này.")));
app.onError((err, c) => {
  if (err instanceof ApiError) return errorResponse(c, err);
  if (err instanceof HTTPException) {
    if (err.res) return err.res;
    // Hono's JSON validator throws 400 for a body that is not JSON at all, and the OpenAPI validator 415 for one
    // sent without a JSON Content-Type (curl's `-d` alone sends a form type).
    if (err.status === 415) {
      const message =
        'Nội dung yêu cầu phải là JSON và gửi kèm tiêu đề "Content-Type: application/json" (với curl: -H "Content-Type: application/json").';
      return errorResponse(c, new ApiError(415, "unsupported_media_type", message));
    }
    const message = err.status === 400 ? "Nội dung yêu cầu không phải JSON hợp lệ." : err.message;
    return errorResponse(c, new ApiError(err.status, "bad_request", message));
  }
  console.error("unhandled", err);
  return errorResponse(c, new ApiError(500, "internal", "Lỗi không mong đợi trong máy chủ."));
});

/** The routes of the API reference, which are the API's routes: their methods answer; others get 405. */
function documentedRoutes(): KnownRoute[] {
  return app.openAPIRegistry.definitions.flatMap((d) =>
    d.type === "route" ? [{ method: d.route.method, path: d.route.path }] : [],
  );
}

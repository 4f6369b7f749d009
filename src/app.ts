import { OpenAPIHono } from "@hono/zod-openapi";
import { except } from "hono/combine";
import { HTTPException } from "hono/http-exception";
import { resultsRoute } from "./api/results-route.ts";
import { runsRoute } from "./api/runs-route.ts";
import { scoreRoute } from "./api/score-route.ts";
import { apiDocs } from "./api-docs/docs-route.tsx";
import { devSignIn } from "./auth/dev-sign-in.ts";
import { requireIdentity } from "./auth/require-identity.ts";
import { dashboardRoute } from "./dashboard/dashboard-route.tsx";
import { requestBodyLimit } from "./http/body-limit.ts";
import { securityHeaders } from "./http/security-headers.ts";
import { setupRoute } from "./setup/setup-route.ts";

/** The HTTP surface of SPEC §6, composed in one visible place. */
export const app = new OpenAPIHono<{ Bindings: Env }>();

app.use("*", securityHeaders());
app.use("/api/*", requestBodyLimit());
app.get("/healthz", (c) => c.json({ ok: true }));
// Fail closed (SPEC §6): everything else, pages and unknown paths included, needs an identity.
app.use("/dev/sign-in", devSignIn());
app.use("*", except("/healthz", requireIdentity()));
app.route("/", scoreRoute);
app.route("/", resultsRoute);
app.route("/", runsRoute);
app.route("/", setupRoute);
app.route("/", dashboardRoute);
app.get("/docs", apiDocs(app));

app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
app.openAPIRegistry.registerComponent("securitySchemes", "cloudflareAccess", { type: "apiKey", in: "header", name: "Cf-Access-Jwt-Assertion" });
app.doc31("/openapi.json", {
  openapi: "3.1.0",
  info: { title: "dvk-score – Chấm điểm Dân vận khéo", version: "1.0.0" },
});

app.notFound((c) => c.json({ error: { code: "not_found", message: "Không có trang này." } }, 404));
app.onError((err, c) => {
  if (err instanceof HTTPException) {
    if (err.res) return err.res;
    // Hono's JSON validator throws 400 for a body that is not JSON at all.
    const message = err.status === 400 ? "Nội dung yêu cầu không phải JSON hợp lệ." : err.message;
    return c.json({ error: { code: "bad_request", message } }, err.status);
  }
  console.error("unhandled", err);
  return c.json({ error: { code: "internal", message: "Lỗi không mong đợi trong máy chủ." } }, 500);
});

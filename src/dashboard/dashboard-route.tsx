import { Hono } from "hono";
import { configOf } from "../config/config.ts";
import { DashboardPage } from "./dashboard-page.tsx";
import { loadDashboard } from "./load.ts";
import { Page } from "./page.tsx";
import { rescoreModeFor } from "./rescore-form.tsx";
import { readDashboardQuery } from "./view-model.ts";

/** `GET /`: the Ban Chỉ đạo's dashboard (SPEC §6). Reads stored results only; scoring happens on request. */
export const dashboardRoute = new Hono<{ Bindings: Env }>();

dashboardRoute.get("/", async (c) => {
  c.header("Cache-Control", "no-store");
  const query = readDashboardQuery(c.req.query(), configOf(c.env).spreadsheetId);
  if (!query.ok) return c.html(<BadQuery message={query.message} />, 400);
  const data = await loadDashboard(c.env, query.value, Date.now());
  return c.html(<DashboardPage data={data} rescore={rescoreModeFor(c.get("identity"))} />);
});

function BadQuery(props: { message: string }) {
  return (
    <Page title="Dân vận khéo – Địa chỉ không hợp lệ">
      <main>
        <section class="card banner" role="alert">
          <h1>Địa chỉ trang không hợp lệ</h1>
          <p>{props.message}</p>
          <p>
            <a href="/">Về trang kết quả</a>
          </p>
        </section>
      </main>
    </Page>
  );
}

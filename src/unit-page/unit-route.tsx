import { Hono } from "hono";
import type { Child } from "hono/jsx";
import { configOf } from "../config/config.ts";
import { Page } from "../dashboard/page.tsx";
import { dashboardHref, readDashboardQuery } from "../dashboard/view-model.ts";
import { loadUnitPage } from "./load.ts";
import { UnitPage } from "./unit-page.tsx";
import { unitCodeOf } from "./view-model.ts";

/**
 * `GET /don-vi/{Mã đơn vị}?year=Y[&spreadsheetId=…]`: one unit's page (SPEC §6), from stored results only, with the
 * dashboard's access. 400 for a bad year or spreadsheet; 404 for a unit or a year without a stored result.
 */
export const unitPageRoute = new Hono<{ Bindings: Env }>();

unitPageRoute.get("/don-vi/:code", async (c) => {
  c.header("Cache-Control", "no-store");
  const query = readDashboardQuery(c.req.query(), configOf(c.env).spreadsheetId);
  if (!query.ok) {
    return c.html(
      <Problem title="Địa chỉ trang không hợp lệ" back="/">
        {query.message}
      </Problem>,
      400,
    );
  }
  const typed = c.req.param("code");
  const code = unitCodeOf(typed);
  const loaded = await loadUnitPage(c.env, query.value, code ?? "", Date.now());
  switch (loaded.kind) {
    case "found":
      return c.html(<UnitPage data={loaded.data} />);
    case "noSpreadsheet":
      return c.html(
        <Problem title="Chưa chọn bảng tính" back="/">
          Máy chủ chưa được cấu hình bảng tính mặc định (SPREADSHEET_ID). Hãy mở trang với mã bảng tính, ví dụ{" "}
          <code>?spreadsheetId=…</code>.
        </Problem>,
        404,
      );
    case "noResult":
      return c.html(
        <Problem
          title={`Chưa có kết quả chấm điểm năm ${loaded.year}`}
          back={dashboardHref(loaded.year, loaded.askedSpreadsheetId)}
        >
          Trang của từng đơn vị chỉ có sau khi năm {loaded.year} được chấm điểm. Hãy chấm điểm năm này từ trang kết quả,
          hoặc chọn một năm đã chấm.
        </Problem>,
        404,
      );
    case "unknownUnit":
      return c.html(
        <Problem title="Không tìm thấy đơn vị" back={dashboardHref(loaded.year, loaded.askedSpreadsheetId)}>
          {`Không có đơn vị mã “${typed}” trong kết quả chấm điểm năm ${loaded.year}. Hãy kiểm tra mã đơn vị trong trang tính “Đơn vị”, hoặc chọn đơn vị từ bảng xếp hạng.`}
        </Problem>,
        404,
      );
    default: {
      const unknown: never = loaded;
      throw new Error(`Unhandled: ${JSON.stringify(unknown)}`);
    }
  }
});

/** A page that explains why there is nothing to show, and the way back. */
function Problem(props: { title: string; back: string; children: Child }) {
  return (
    <Page title={`Dân vận khéo – ${props.title}`}>
      <main>
        <section class="card banner" role="alert">
          <h1>{props.title}</h1>
          <p>{props.children}</p>
          <p>
            <a href={props.back}>Về trang kết quả</a>
          </p>
        </section>
      </main>
    </Page>
  );
}

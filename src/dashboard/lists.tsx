import { REVIEW_LABEL, TEAM_FLAG_LABEL, TEAM_LEVEL_LABEL } from "../../scoring/labels.ts";
import type { ReviewItem, TeamFlag, UnitResult } from "../../scoring/types.ts";
import { MAIN_SOURCE_LABEL } from "../../sheets-schema/output/errors-tab.ts";
import type { DataError } from "../../sheets-schema/types.ts";
import { Foldable, Scroll } from "./page.tsx";
import { errorCellHref } from "./sheet-links.ts";
import type { UnitLinks } from "./ranking-table.tsx";
import { unitPageHref } from "./unit-link.ts";

/** A unit code with its name when the unit is known, the name linking to the unit's page. */
function UnitCodeName(props: { code: string; names: ReadonlyMap<string, string>; links: UnitLinks }) {
  const name = props.names.get(props.code);
  if (!name) return <>{props.code}</>;
  return (
    <>
      <a href={unitPageHref(props.code, props.links.year, props.links.askedSpreadsheetId)}>{name}</a> ({props.code})
    </>
  );
}

/** Unit names by code, for the lists that only carry a code. */
export function unitNames(units: readonly UnitResult[]): Map<string, string> {
  return new Map(units.map((u) => [u.unit.code, u.unit.name]));
}

/** Tổ dân vận and khối dân vận rated Yếu or not rated. */
export function TeamFlagList(props: {
  flags: readonly TeamFlag[];
  names: ReadonlyMap<string, string>;
  links: UnitLinks;
}) {
  if (props.flags.length === 0)
    return <p class="muted">Không có tổ, khối dân vận nào xếp loại Yếu hoặc chưa xếp loại.</p>;
  return (
    <Foldable count={props.flags.length} summary={`Xem ${props.flags.length} tổ, khối dân vận`}>
      <Scroll label="Tổ, khối dân vận cần chú ý">
        <table class="team-flags">
          <thead>
            <tr>
              <th scope="col">Mã tổ</th>
              <th scope="col">Tên tổ</th>
              <th scope="col">Cấp</th>
              <th scope="col">Đơn vị</th>
              <th scope="col">Vấn đề</th>
            </tr>
          </thead>
          <tbody>
            {props.flags.map((f) => (
              <tr>
                <td>
                  <code>{f.team.teamId}</code>
                </td>
                <td>{f.team.name || "—"}</td>
                <td>{TEAM_LEVEL_LABEL[f.team.level]}</td>
                <td>
                  <UnitCodeName code={f.team.unitCode} names={props.names} links={props.links} />
                </td>
                <td>
                  <span class="badge not-met">{TEAM_FLAG_LABEL[f.code]}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
    </Foldable>
  );
}

/** Rà soát: registrations proposed for removal, and maintained ones that need strengthening (SPEC §3.6). */
export function ReviewList(props: {
  items: readonly ReviewItem[];
  names: ReadonlyMap<string, string>;
  links: UnitLinks;
}) {
  if (props.items.length === 0) return <p class="muted">Không có mô hình, điển hình nào cần rà soát.</p>;
  return (
    <Foldable count={props.items.length} summary={`Xem ${props.items.length} mô hình, điển hình cần rà soát`}>
      <Scroll label="Danh sách rà soát">
        <table class="review">
          <thead>
            <tr>
              <th scope="col">Mã mô hình</th>
              <th scope="col">Đơn vị</th>
              <th scope="col">Tên mô hình, điển hình</th>
              <th scope="col">Đề nghị</th>
              <th scope="col">Lý do</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map((item) => (
              <tr>
                <td>
                  <code>{item.registration.modelId ?? "—"}</code>
                </td>
                <td>
                  <UnitCodeName code={item.registration.unitCode} names={props.names} links={props.links} />
                </td>
                <td>{item.registration.name}</td>
                <td>
                  <span class={`badge ${item.code === "proposeRemoval" ? "not-met" : "tie"}`}>
                    {REVIEW_LABEL[item.code]}
                  </span>
                </td>
                <td class="small">{item.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
    </Foldable>
  );
}

/**
 * Lỗi dữ liệu: cells that could not be read, each linking to the cell to correct in Google Sheets (the tab by its id,
 * the cell by its range; an error of a source spreadsheet opens that spreadsheet).
 */
export function DataErrorList(props: {
  errors: readonly DataError[];
  run: { spreadsheetId: string; sheetIds?: Readonly<Record<string, number>> };
}) {
  if (props.errors.length === 0) return <p class="muted">Không có lỗi dữ liệu: mọi dòng đều đọc được.</p>;
  // A run over several spreadsheets (Nguồn dữ liệu) says which one each cell is in.
  const withSource = props.errors.some((e) => e.source !== undefined);
  return (
    <>
      <p class="small">
        Các dòng dưới đây không được tính khi chấm điểm. Sửa ô tương ứng trong bảng tính rồi chấm điểm lại.
      </p>
      <Scroll label="Lỗi dữ liệu">
        <table class="data-errors">
          <thead>
            <tr>
              <th scope="col">Trang tính</th>
              <th scope="col">Ô</th>
              <th scope="col">Giá trị</th>
              <th scope="col">Lỗi</th>
              {withSource ? <th scope="col">Nguồn</th> : null}
            </tr>
          </thead>
          <tbody>
            {props.errors.map((e) => (
              <tr>
                <td>{e.tab}</td>
                <td>
                  <a class="cell" href={errorCellHref(props.run, e)} target="_blank" rel="noopener">
                    {e.cell}
                  </a>
                </td>
                <td>{e.value === "" ? <span class="muted">(trống)</span> : <code>{e.value}</code>}</td>
                <td>{e.message}</td>
                {withSource ? <td>{e.sourceName ?? e.source ?? MAIN_SOURCE_LABEL}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
    </>
  );
}

import { formatNumber } from "../../scoring/format.ts";
import { UNIT_TYPE_LABEL } from "../../scoring/labels.ts";
import { UnitName, type UnitLinks } from "./ranking-table.tsx";
import { searchKey } from "./search-key.ts";
import type { CommuneVillages } from "./sections.ts";

/**
 * Thôn, khu phố per xã instead of hundreds of ranking rows: per xã how many thôn, how many have a recognised model
 * this year and how many not (target 5); the names of those without, and every thôn with its rank and score, each
 * behind a `<details>`, where the filter box still finds them.
 */
export function VillageSummary(props: {
  communes: readonly CommuneVillages[];
  groups: readonly string[];
  links: UnitLinks;
}) {
  const { communes } = props;
  const villages = communes.reduce((n, c) => n + c.villages.length, 0);
  const uncovered = communes.reduce((n, c) => n + c.uncovered.length, 0);
  return (
    <>
      <p class="small muted">
        {`${formatNumber(villages)} thôn, khu phố${groupsNote(props.groups)} không xét danh hiệu; ` +
          `${formatNumber(villages - uncovered)} đã có, ${formatNumber(uncovered)} chưa có mô hình, điển hình được công nhận trong năm. ` +
          "Bấm tên xã để xem hạng và điểm từng thôn."}
      </p>
      <div class="table-wrap">
        <table class="villages">
          <thead>
            <tr>
              <th scope="col">Xã, thị trấn</th>
              <th class="num" scope="col">
                Số thôn
              </th>
              <th class="num" scope="col">
                Đã có
              </th>
              <th scope="col">Chưa có mô hình được công nhận</th>
            </tr>
          </thead>
          <tbody>
            {communes.map((c) => (
              <CommuneRow commune={c} links={props.links} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The ranking groups of the thôn, when they are named otherwise than their type (a cụm of thôn, say). */
function groupsNote(groups: readonly string[]): string {
  const named = groups.filter((g) => g !== UNIT_TYPE_LABEL.village);
  return named.length === 0 ? "" : ` (${named.join(", ")})`;
}

function CommuneRow(props: { commune: CommuneVillages; links: UnitLinks }) {
  const c = props.commune;
  return (
    <tr data-commune={c.communeCode ?? ""} data-filter-group="">
      <td class="commune">
        <details>
          <summary>{c.communeName}</summary>
          <ol class="village-list small">
            {c.villages.map((v) => (
              <li data-village={v.unit.code} data-search={searchKey(v.unit.code, v.unit.name)}>
                <UnitName unit={v} links={props.links} />
                <span class="muted">{` – hạng ${v.rank}, ${formatNumber(v.score)} điểm`}</span>
              </li>
            ))}
          </ol>
        </details>
      </td>
      <td class="num">{formatNumber(c.villages.length)}</td>
      <td class="num">{formatNumber(c.covered)}</td>
      <td class="uncovered">
        {c.uncovered.length === 0 ? (
          <span class="badge met">0</span>
        ) : (
          <details>
            <summary>
              <span class="badge not-met">{formatNumber(c.uncovered.length)}</span> <span class="small">xem tên</span>
            </summary>
            <ul class="small">
              {c.uncovered.map((v) => (
                <li>
                  <UnitName unit={v} links={props.links} />
                </li>
              ))}
            </ul>
          </details>
        )}
      </td>
    </tr>
  );
}

import { formatNumber } from "../../scoring/format.ts";
import { NOT_IN_TITLE_LABEL, noTitleReasonLabel, TITLE_LABEL, yesNoLabel } from "../../scoring/labels.ts";
import type { TitleProposal, UnitResult } from "../../scoring/types.ts";
import { Scroll } from "./page.tsx";
import type { RankingGroup } from "./view-model.ts";

/** `Đề xuất danh hiệu` as a badge; a dash when nothing is proposed. */
export function TitleBadge(props: { title: TitleProposal }) {
  switch (props.title) {
    case "exemplary":
      return <span class="badge exemplary">★ {TITLE_LABEL.exemplary}</span>;
    case "title":
      return <span class="badge title">{TITLE_LABEL.title}</span>;
    case "tieAtCap":
      return <span class="badge tie">{TITLE_LABEL.tieAtCap}</span>;
    case "none":
      return (
        <span class="muted">
          <span aria-hidden="true">—</span>
          <span class="visually-hidden">Không đề xuất</span>
        </span>
      );
    default: {
      const unknown: never = props.title;
      return <span>{String(unknown)}</span>;
    }
  }
}

/**
 * The ranking of one cluster (cụm thi đua), in the order of `Xếp hạng {Y}`; each name links to its unit's page
 * (`unitHref`).
 */
export function RankingTable(props: { group: RankingGroup; index: number; unitHref: (code: string) => string }) {
  const { group } = props;
  const caption = `${group.group} – ${group.units.length} đơn vị`;
  return (
    <div class="group" data-group={group.group}>
      <h3 id={`group-${props.index}`}>{caption}</h3>
      <Scroll label={`Xếp hạng ${group.group}`}>
        <table class="ranking" aria-labelledby={`group-${props.index}`}>
          <thead>
            <tr>
              <th class="num" scope="col">
                Hạng
              </th>
              <th scope="col">Tên đơn vị</th>
              <th class="num" scope="col">
                Điểm
              </th>
              <th class="num" scope="col" title="Số mô hình, điển hình được công nhận / số tính chỉ tiêu">
                Được công nhận
              </th>
              <th scope="col">Đạt chỉ tiêu</th>
              <th scope="col">Đề xuất danh hiệu</th>
              <th scope="col">Cảnh báo</th>
            </tr>
          </thead>
          <tbody>
            {group.units.map((u) => (
              <UnitRow unit={u} href={props.unitHref(u.unit.code)} />
            ))}
          </tbody>
        </table>
      </Scroll>
    </div>
  );
}

function UnitRow(props: { unit: UnitResult; href: string }) {
  const u = props.unit;
  return (
    <tr data-unit={u.unit.code}>
      <td class="num">{u.rank}</td>
      <td class="name">
        <a href={props.href}>{u.unit.name}</a> <span class="muted small">({u.unit.code})</span>
      </td>
      <td class="num">
        {formatNumber(u.score)}
        <ScoreParts unit={u} />
      </td>
      <td class="num">{`${u.recognised}/${u.counted}`}</td>
      <td>
        <span class={`badge ${u.quotaMet ? "met" : "not-met"}`}>{yesNoLabel(u.quotaMet)}</span>
      </td>
      <td>
        {u.takesPartInTitle ? <TitleBadge title={u.title} /> : <span class="muted">{NOT_IN_TITLE_LABEL}</span>}
        {u.reason === null || u.reason.code === "notTakingPart" ? null : (
          <div class="small muted reason">{noTitleReasonLabel(u.reason)}</div>
        )}
      </td>
      <td class="flags small">
        {u.flags.length === 0 ? null : (
          <ul>
            {u.flags.map((f) => (
              <li>{f.message}</li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

/**
 * The four parts of the score (§3.7), under it: what a reviewer needs to see how 92,33 was reached. Each part is
 * rounded on its own, so their sum may differ from the score by 0,01.
 */
function ScoreParts(props: { unit: UnitResult }) {
  const { parts } = props.unit;
  if (props.unit.counted === 0) return null;
  const names = `Điểm chỉ tiêu ${formatNumber(parts.quota)} + Điểm tỷ lệ công nhận ${formatNumber(parts.recognitionRate)} + Điểm bình chọn ${formatNumber(parts.vote)} + Điểm lĩnh vực ${formatNumber(parts.fields)}`;
  return (
    <div class="small muted parts" title={names}>
      {[parts.quota, parts.recognitionRate, parts.vote, parts.fields].map(formatNumber).join(" + ")}
    </div>
  );
}

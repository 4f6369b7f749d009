import { formatNumber } from "../../scoring/format.ts";
import { NOT_IN_TITLE_LABEL, noTitleReasonLabel, TITLE_LABEL, yesNoLabel } from "../../scoring/labels.ts";
import type { TitleProposal, UnitResult } from "../../scoring/types.ts";
import { searchKey } from "./search-key.ts";
import type { GroupSection } from "./sections.ts";
import { unitPageHref } from "./unit-link.ts";

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

/** How the unit names of a page link to their unit page (`unitPageHref`). */
export interface UnitLinks {
  year: number;
  askedSpreadsheetId: string | null;
}

/** A unit's name linking to its page, with its code. */
export function UnitName(props: { unit: UnitResult; links: UnitLinks }) {
  const { unit } = props.unit;
  return (
    <>
      <a class="unit-link" href={unitPageHref(unit.code, props.links.year, props.links.askedSpreadsheetId)}>
        {unit.name}
      </a>{" "}
      <span class="muted small code">({unit.code})</span>
    </>
  );
}

/**
 * The ranking of one cluster (cụm thi đua), in the order of `Xếp hạng {Y}`, as a section that opens and closes: its
 * heading says how many units, proposed titles and tiêu biểu it has, so a closed page still reads as a summary.
 * Under 600 px each row is a card (page.tsx) in which the name, rank, score and title show without scrolling.
 */
export function RankingSection(props: { section: GroupSection; index: number; open: boolean; links: UnitLinks }) {
  const { section } = props;
  const id = `group-${props.index}`;
  return (
    <details class="group" data-group={section.group} data-filter-group="" open={props.open}>
      <summary id={id}>
        <span class="group-name">{section.group}</span> <GroupCounts section={section} />
      </summary>
      <div class="table-wrap">
        <table class="ranking" aria-labelledby={id}>
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
            {section.units.map((u) => (
              <UnitRow unit={u} links={props.links} />
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** "22 đơn vị · 2 đề xuất · 1 tiêu biểu": what a closed section says. */
function GroupCounts(props: { section: GroupSection }) {
  const s = props.section;
  return (
    <span class="counts small">
      {`${formatNumber(s.units.length)} đơn vị · ${formatNumber(s.proposed)} đề xuất · ${formatNumber(s.exemplary)} tiêu biểu`}
      {s.tiesAtCap > 0 ? ` · ${formatNumber(s.tiesAtCap)} đồng hạng tại ngưỡng` : ""}
    </span>
  );
}

function UnitRow(props: { unit: UnitResult; links: UnitLinks }) {
  const u = props.unit;
  return (
    <tr data-unit={u.unit.code} data-search={searchKey(u.unit.code, u.unit.name)}>
      <td class="num rank">
        <span class="card-label">Hạng </span>
        {u.rank}
      </td>
      <td class="name">
        <UnitName unit={u} links={props.links} />
      </td>
      <td class="num score">
        {formatNumber(u.score)}
        <ScoreParts unit={u} />
      </td>
      <td class="num recognised">
        <span class="card-label">Được công nhận: </span>
        {`${u.recognised}/${u.counted}`}
      </td>
      <td class="quota">
        <span class="card-label">Đạt chỉ tiêu: </span>
        <span class={`badge ${u.quotaMet ? "met" : "not-met"}`}>{yesNoLabel(u.quotaMet)}</span>
      </td>
      <td class="title">
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

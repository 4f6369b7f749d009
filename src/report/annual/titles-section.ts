import type { FileChild } from "docx";
import { formatNumber } from "../../../scoring/format.ts";
import { TIE_AT_EXEMPLARY_CAP_NOTE, TITLE_LABEL } from "../../../scoring/labels.ts";
import type { ScoringResult, UnitResult } from "../../../scoring/types.ts";
import { yearlyTabTitle } from "../../../sheets-schema/output/tab-names.ts";
import { bodyText, heading, note } from "../paragraphs.ts";
import { afterTable, type Cell, dataTable } from "../table.ts";

const collator = new Intl.Collator("vi");

/** Highest score first; equal scores by name in Vietnamese collation (SPEC §3.3). */
function byScoreThenName(a: UnitResult, b: UnitResult): number {
  return b.score - a.score || collator.compare(a.unit.name, b.unit.name);
}

/** Proposed a title, or left to the committee by a tie at the cap: the units the report lists by name. */
function isListed(u: UnitResult): boolean {
  return u.title !== "none";
}

/**
 * Proposed “Dân vận khéo” while tied with units proposed “tiêu biểu” across `Số tiêu biểu tối đa` (SPEC §3.4): the
 * committee decides, so the report says so wherever it lists the unit, as the tab and the dashboard do.
 */
function tiedAtExemplaryCap(u: UnitResult): boolean {
  return u.flags.some((f) => f.code === "tieAtExemplaryCap");
}

/**
 * `3. Đề xuất danh hiệu`: the units proposed “Dân vận khéo tiêu biểu” (and those tied at its threshold, left to the
 * committee), then per cụm (ranking group, in the order of
 * `Xếp hạng {Y}`) the units proposed a title or tied at the cap, with rank and score; tiêu biểu in bold. Only proposed
 * units are listed — a province has hundreds of units, and the whole ranking stays in `Xếp hạng {Y}`.
 */
export function titlesSection(number: string, result: ScoringResult): FileChild[] {
  const exemplary = result.units.filter((u) => u.title === "exemplary").sort(byScoreThenName);
  const out: FileChild[] = [
    heading(2, number, "Đề xuất danh hiệu “Dân vận khéo”"),
    bodyText(
      `Danh sách đầy đủ các đơn vị với điểm, hạng và lý do chưa được đề xuất ở trang tính ${yearlyTabTitle("ranking", result.year)}. Dưới đây là các đơn vị được đề xuất.`,
    ),
    heading(3, "a", "Đơn vị đề xuất “Dân vận khéo tiêu biểu”"),
  ];
  if (exemplary.length === 0) out.push(note("Không có đơn vị được đề xuất “Dân vận khéo tiêu biểu”."));
  else
    out.push(
      dataTable(
        [
          { header: "Đơn vị", width: 4.4 },
          { header: "Cụm thi đua", width: 3 },
          { header: "Điểm", width: 1.2, align: "center" },
        ],
        exemplary.map((u) => [u.unit.name, u.group, formatNumber(u.score)]),
        { numbered: true },
      ),
      afterTable(),
    );
  const tied = result.units.filter(tiedAtExemplaryCap).sort(byScoreThenName);
  if (tied.length > 0) {
    const names = tied.map((u) => u.unit.name).join("; ");
    out.push(
      bodyText(
        `${formatNumber(tied.length)} đơn vị ${TIE_AT_EXEMPLARY_CAP_NOTE} (đang được đề xuất “${TITLE_LABEL.title}”): ${names}.`,
      ),
    );
  }
  out.push(heading(3, "b", "Theo cụm thi đua"));
  for (const [group, units] of groupsTakingPart(result.units)) out.push(...groupBlock(group, units));
  return out;
}

/** The ranking groups with at least one unit taking part in the title, in the stored order. */
function groupsTakingPart(units: readonly UnitResult[]): Map<string, UnitResult[]> {
  const groups = new Map<string, UnitResult[]>();
  for (const u of units) {
    const list = groups.get(u.group) ?? [];
    list.push(u);
    groups.set(u.group, list);
  }
  for (const [group, list] of groups) if (!list.some((u) => u.takesPartInTitle)) groups.delete(group);
  return groups;
}

function groupBlock(group: string, units: readonly UnitResult[]): FileChild[] {
  const takingPart = units.filter((u) => u.takesPartInTitle).length;
  const listed = units.filter(isListed);
  const proposed = listed.filter((u) => u.title !== "tieAtCap").length;
  const summary = `${group}: ${formatNumber(units.length)} đơn vị, ${formatNumber(takingPart)} đơn vị xét danh hiệu, đề xuất ${formatNumber(proposed)} đơn vị.`;
  if (listed.length === 0) return [bodyText(summary), note("Chưa có đơn vị được đề xuất.")];
  return [
    bodyText(summary),
    dataTable(
      [
        { header: "Đơn vị", width: 4.2 },
        { header: "Hạng", width: 0.9, align: "center" },
        { header: "Điểm", width: 1.1, align: "center" },
        { header: "Đề xuất danh hiệu", width: 3.2 },
      ],
      listed.map((u): Cell[] => [
        u.unit.name,
        formatNumber(u.rank),
        formatNumber(u.score),
        {
          text: tiedAtExemplaryCap(u) ? `${TITLE_LABEL[u.title]} (${TIE_AT_EXEMPLARY_CAP_NOTE})` : TITLE_LABEL[u.title],
          bold: u.title === "exemplary",
        },
      ]),
      { numbered: true },
    ),
    afterTable(),
  ];
}

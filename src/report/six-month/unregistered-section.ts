import type { FileChild } from "docx";
import { formatNumber } from "../../../scoring/format.ts";
import type { SixMonthResult, SixMonthUnit } from "../../../scoring/six-month.ts";
import { bodyText, heading, note } from "../paragraphs.ts";
import { afterTable, dataTable } from "../table.ts";

/**
 * `3. Đơn vị chưa đăng ký`: how many units registered nothing by the cut-off, then one row per cụm (ranking group,
 * in the order of `Sơ kết 6 tháng {Y}`) with its units, those without a registration and their names in one cell — a
 * province has hundreds of them, and a row per unit would fill pages.
 */
export function unregisteredSection(number: string, result: SixMonthResult): FileChild[] {
  const title = heading(2, number, "Đơn vị chưa đăng ký mô hình, điển hình");
  if (result.unitsWithout === 0) return [title, note("Đến ngày sơ kết, mọi đơn vị đã đăng ký.")];
  const groups = [...groupsOf(result.units)].filter(([, units]) => units.some(isUnregistered));
  return [
    title,
    bodyText(
      `Đến ngày sơ kết, ${formatNumber(result.unitsWithout)}/${formatNumber(result.units.length)} đơn vị chưa đăng ký mô hình, điển hình nào, ở ${formatNumber(groups.length)} cụm thi đua:`,
    ),
    dataTable(
      [
        { header: "Cụm thi đua", width: 2.3 },
        { header: "Số đơn vị", width: 1.3, align: "center" },
        { header: "Chưa đăng ký", width: 1.5, align: "center" },
        { header: "Đơn vị chưa đăng ký", width: 5 },
      ],
      groups.map(([group, units]) => {
        const without = units.filter(isUnregistered);
        return [group, formatNumber(units.length), formatNumber(without.length), without.map(nameOf).join("; ")];
      }),
      { numbered: true },
    ),
    afterTable(),
  ];
}

function isUnregistered(u: SixMonthUnit): boolean {
  return u.registered === 0;
}

/** A unit's name, with the rows of the year it could not have read (they may be its registrations). */
function nameOf(u: SixMonthUnit): string {
  const rejected = u.flags.find((f) => f.code === "rejectedRows");
  return rejected === undefined
    ? u.unit.name
    : `${u.unit.name} (có ${formatNumber(rejected.rows)} dòng đăng ký bị lỗi)`;
}

function groupsOf(units: readonly SixMonthUnit[]): Map<string, SixMonthUnit[]> {
  const groups = new Map<string, SixMonthUnit[]>();
  for (const u of units) {
    const list = groups.get(u.group) ?? [];
    list.push(u);
    groups.set(u.group, list);
  }
  return groups;
}

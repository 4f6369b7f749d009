import type { FileChild } from "docx";
import { formatNumber } from "../../../scoring/format.ts";
import { FIELD_LABEL, KIND_LABEL } from "../../../scoring/labels.ts";
import type { Field, Kind, ScoringResult } from "../../../scoring/types.ts";
import { heading } from "../paragraphs.ts";
import { shareText } from "../share-text.ts";
import { afterTable, type Cell, dataTable, figuresTable } from "../table.ts";

/** The headline figures of an annual review, computed once from the stored result. */
export interface Overview {
  units: number;
  takingPart: number; // E: units that take part in the title
  registrations: number; // every Hình thức
  counted: number; // Xây dựng mới, Nhân rộng
  recognised: number; // recognised among the counted ones
  quotaMet: number;
  proposed: number; // Dân vận khéo, tiêu biểu included
  exemplary: number;
  tiedAtCap: number;
}

/** Counts a stored annual result the way the report states them. */
export function overviewOf(result: ScoringResult): Overview {
  const count = <T>(items: readonly T[], test: (item: T) => boolean) => items.filter(test).length;
  return {
    units: result.units.length,
    takingPart: count(result.units, (u) => u.takesPartInTitle),
    registrations: result.registrations.length,
    counted: count(result.registrations, (r) => r.counted),
    recognised: count(result.registrations, (r) => r.counted && r.recognised),
    quotaMet: count(result.units, (u) => u.quotaMet),
    proposed: count(result.units, (u) => u.title === "title" || u.title === "exemplary"),
    exemplary: count(result.units, (u) => u.title === "exemplary"),
    tiedAtCap: count(result.units, (u) => u.title === "tieAtCap"),
  };
}

/** `1. Tổng quan`: the figures of the year in one table, then the registrations by field and by kind. */
export function overviewSection(number: string, result: ScoringResult): FileChild[] {
  const o = overviewOf(result);
  const n = formatNumber;
  const figures: Cell[][] = [
    ["Số đơn vị tham gia phong trào", n(o.units), ""],
    ["Số đơn vị xét danh hiệu", n(o.takingPart), shareText(o.takingPart, o.units)],
    [`Mô hình, điển hình đăng ký năm ${result.year}`, n(o.registrations), ""],
    ["Tính chỉ tiêu (Xây dựng mới, Nhân rộng)", n(o.counted), shareText(o.counted, o.registrations)],
    ["Được công nhận (trong số tính chỉ tiêu)", n(o.recognised), shareText(o.recognised, o.counted)],
    ["Đơn vị đạt chỉ tiêu mô hình, điển hình", n(o.quotaMet), shareText(o.quotaMet, o.units)],
    ["Đơn vị được đề xuất “Dân vận khéo” (kể cả tiêu biểu)", n(o.proposed), shareText(o.proposed, o.takingPart)],
    ["Trong đó: “Dân vận khéo tiêu biểu”", n(o.exemplary), ""],
  ];
  if (o.tiedAtCap > 0) figures.push(["Đồng hạng tại ngưỡng – Ban Chỉ đạo xem xét", n(o.tiedAtCap), ""]);
  return [
    heading(2, number, "Tổng quan"),
    figuresTable(figures),
    afterTable(),
    dataTable(
      [
        { header: "Lĩnh vực, loại", width: 4 },
        { header: "Đăng ký", width: 1.4, align: "center" },
        { header: "Tính chỉ tiêu", width: 1.4, align: "center" },
        { header: "Được công nhận", width: 1.6, align: "center" },
      ],
      [...byField(result), ...byKind(result), total(result)],
    ),
    afterTable(),
  ];
}

type Tally = [registered: number, counted: number, recognised: number];

function tally(result: ScoringResult, keep: (r: ScoringResult["registrations"][number]) => boolean): Tally {
  const t: Tally = [0, 0, 0];
  for (const v of result.registrations) {
    if (!keep(v)) continue;
    t[0]++;
    if (v.counted) t[1]++;
    if (v.counted && v.recognised) t[2]++;
  }
  return t;
}

const row = (label: string, t: Tally): Cell[] => [label, ...t.map((x) => formatNumber(x))];

function byField(result: ScoringResult): Cell[][] {
  return (Object.keys(FIELD_LABEL) as Field[]).map((f) =>
    row(
      `Lĩnh vực ${FIELD_LABEL[f]}`,
      tally(result, (v) => v.registration.field === f),
    ),
  );
}

function byKind(result: ScoringResult): Cell[][] {
  return (Object.keys(KIND_LABEL) as Kind[]).map((k) =>
    row(
      `Loại ${KIND_LABEL[k]}`,
      tally(result, (v) => v.registration.kind === k),
    ),
  );
}

function total(result: ScoringResult): Cell[] {
  const [a, b, c] = tally(result, () => true).map((x) => ({ text: formatNumber(x), bold: true }));
  return [{ text: "Tổng số", bold: true }, a!, b!, c!];
}

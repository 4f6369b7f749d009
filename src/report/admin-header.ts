import {
  AlignmentType,
  BorderStyle,
  type IBorderOptions,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { mm, SIZE, TEXT_WIDTH } from "./page-layout.ts";

/**
 * The top of page one as Nghị định 30/2020/NĐ-CP lays it out: a two-column table without borders, the issuing body
 * and the number on the left, the quốc hiệu, tiêu ngữ and the place and date on the right; then the kind of document
 * and its trích yếu, centred. Number, locality and date are dotted lines: the committee fills them in when it signs.
 */

const RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 };
const LEFT_SHARE = 0.43;
const LEFT_WIDTH = Math.floor(TEXT_WIDTH * LEFT_SHARE);
const RIGHT_WIDTH = TEXT_WIDTH - LEFT_WIDTH;

/** The issuing body: a Ban Chỉ đạo “Dân vận khéo”, its locality left to fill. */
export const ISSUING_BODY = "BAN CHỈ ĐẠO “DÂN VẬN KHÉO”";
export const LOCALITY_TO_FILL = "………………………";
/** Số và ký hiệu: BC for báo cáo, BCĐ for Ban Chỉ đạo. */
export const NUMBER_TO_FILL = "Số: ……/BC-BCĐ";
export const NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const MOTTO = "Độc lập - Tự do - Hạnh phúc";
export const PLACE_AND_DATE_TO_FILL = "……………, ngày …… tháng …… năm ……";

function centred(text: string, options: { bold?: boolean; italics?: boolean; size?: number; rule?: number }) {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 0 },
    // A rule under the line, shortened to `rule` mm by indenting both sides of the paragraph.
    ...(options.rule === undefined
      ? {}
      : { border: { bottom: RULE }, indent: { left: options.rule, right: options.rule } }),
    children: [new TextRun({ text, bold: options.bold, italics: options.italics, size: options.size })],
  });
}

const blank = () => new Paragraph({ spacing: { after: 0 }, children: [] });

function column(width: number, children: Paragraph[]): TableCell {
  // No cell margins: the issuing body and the quốc hiệu each need the whole width of their column in 12 pt.
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: TableBorders.NONE,
    margins: { left: 0, right: 0 },
    children,
  });
}

/** The header table of page one. */
export function administrativeHeader(): Table {
  const left = column(LEFT_WIDTH, [
    centred(ISSUING_BODY, { bold: true, size: SIZE.small }),
    centred(LOCALITY_TO_FILL, { bold: true, size: SIZE.small, rule: mm(14) }),
    blank(),
    centred(NUMBER_TO_FILL, { size: SIZE.table }),
  ]);
  const right = column(RIGHT_WIDTH, [
    centred(NATIONAL_NAME, { bold: true, size: SIZE.small }),
    centred(MOTTO, { bold: true, size: SIZE.table, rule: mm(15) }),
    blank(),
    centred(PLACE_AND_DATE_TO_FILL, { italics: true, size: SIZE.table }),
  ]);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [LEFT_WIDTH, RIGHT_WIDTH],
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [left, right] })],
  });
}

/**
 * `BÁO CÁO` and the trích yếu under it, with a short rule.
 *
 * @example reportTitle("Kết quả phong trào thi đua “Dân vận khéo” năm 2024")
 */
export function reportTitle(subject: string): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 480, after: 0 },
      children: [new TextRun({ text: "BÁO CÁO", bold: true })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 0 },
      children: [new TextRun({ text: subject, bold: true })],
    }),
    new Paragraph({
      border: { bottom: RULE },
      indent: { left: mm(62), right: mm(62) },
      spacing: { after: 360, line: 120 },
      children: [],
    }),
  ];
}

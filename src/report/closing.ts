import { AlignmentType, Paragraph, Table, TableBorders, TableCell, TableRow, TextRun, WidthType } from "docx";
import { SIZE, TEXT_WIDTH } from "./page-layout.ts";

/**
 * The end of the report (Nghị định 30/2020/NĐ-CP): `Nơi nhận:` on the left in 12 pt, the signature block on the
 * right — `TM. BAN CHỈ ĐẠO`, `TRƯỞNG BAN`, room for the signature and seal, and the signer's name to fill.
 */

const HALF = Math.floor(TEXT_WIDTH / 2);

/** The recipients every report of the committee lists; the first is left to fill. */
export const RECIPIENTS = ["……………… (để báo cáo);", "Các thành viên Ban Chỉ đạo;", "Các cụm, khối thi đua;", "Lưu: VT."];
export const SIGNING_ON_BEHALF = "TM. BAN CHỈ ĐẠO";
export const SIGNER_TITLE = "TRƯỞNG BAN";
export const SIGNER_NAME_TO_FILL = "……………………………";

function line(text: string, options: { bold?: boolean; italics?: boolean; size?: number; centred?: boolean } = {}) {
  return new Paragraph({
    alignment: options.centred ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { after: 0 },
    children: [new TextRun({ text, bold: options.bold, italics: options.italics, size: options.size })],
  });
}

/** The closing sentence of the body, then the table of `Nơi nhận` and the signature. */
export function closingBlock(closingSentence: string): (Paragraph | Table)[] {
  const recipients = new TableCell({
    width: { size: HALF, type: WidthType.DXA },
    borders: TableBorders.NONE,
    children: [
      line("Nơi nhận:", { bold: true, italics: true, size: SIZE.small }),
      ...RECIPIENTS.map((r) => line(`- ${r}`, { size: 22 })),
    ],
  });
  const signature = new TableCell({
    width: { size: TEXT_WIDTH - HALF, type: WidthType.DXA },
    borders: TableBorders.NONE,
    children: [
      line(SIGNING_ON_BEHALF, { bold: true, centred: true }),
      line(SIGNER_TITLE, { bold: true, centred: true }),
      line("(Ký tên, đóng dấu)", { italics: true, centred: true, size: SIZE.table }),
      ...Array.from({ length: 4 }, () => line("")),
      line(SIGNER_NAME_TO_FILL, { bold: true, centred: true }),
    ],
  });
  return [
    new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: 567 },
      // On the page of the signature: a signature never stands alone on a page.
      keepNext: true,
      keepLines: true,
      spacing: { before: 120, after: 240 },
      children: [new TextRun(closingSentence)],
    }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: [HALF, TEXT_WIDTH - HALF],
      borders: TableBorders.NONE,
      rows: [new TableRow({ cantSplit: true, children: [recipients, signature] })],
    }),
  ];
}

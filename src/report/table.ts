import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import { mm, SIZE, TEXT_WIDTH } from "./page-layout.ts";

/** One column of a report table: its header, its share of the line's width, and how its cells are aligned. */
export interface Column {
  header: string;
  /** Relative width; the widths of a table are scaled to the line. */
  width: number;
  align?: "left" | "center" | "right";
}

/**
 * A cell's text; `bold` marks a cell that must stand out (a tiêu biểu title, a verdict not met), `italics` a cell
 * that says why there is no figure (`chưa có dữ liệu`); `span` merges it with the next columns of its row.
 */
export type Cell = string | { text: string; bold?: boolean; italics?: boolean; span?: number };

const LINE = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const CELL_MARGIN = 85; // twips, 1,5 mm
/** The width of the `STT` column of a numbered table: two or three digits in 13 pt, 12 mm. */
const NUMBER_WIDTH = mm(12);

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/**
 * The overview table of a report: what is counted, the figure, and its share of what it is a part of (empty when
 * a share means nothing).
 *
 * @example figuresTable([["Đơn vị đạt chỉ tiêu", "394", "86,59%"]])
 */
export function figuresTable(figures: readonly (readonly Cell[])[]): Table {
  return dataTable(
    [
      { header: "Nội dung", width: 6 },
      { header: "Số lượng", width: 1.4, align: "center" },
      { header: "Tỷ lệ", width: 1.4, align: "center" },
    ],
    figures,
  );
}

/**
 * A bordered table across the line: a bold header row repeated at the top of every page (a province lists hundreds
 * of rows), rows never split across pages, text 13 pt. Every cell is text: a unit named `=SUM(…)` is printed as typed.
 * `numbered` puts a first column `STT` (1, 2, 3 …) before the given ones.
 *
 * @example dataTable([{ header: "Xã", width: 3 }, { header: "Đánh giá", width: 1, align: "center" }], [["Xã A", "Đạt"]], { numbered: true })
 *   // → | STT | Xã  | Đánh giá |
 *   //   |  1  | Xã A |   Đạt    |
 */
export function dataTable(
  given: readonly Column[],
  givenRows: readonly (readonly Cell[])[],
  options: { numbered?: boolean } = {},
): Table {
  const numbered = options.numbered ?? false;
  const columns = numbered ? [{ header: "STT", width: 0, align: "center" as const }, ...given] : given;
  const rows = numbered ? givenRows.map((row, i) => [String(i + 1), ...row]) : givenRows;
  const free = TEXT_WIDTH - (numbered ? NUMBER_WIDTH : 0);
  const total = given.reduce((sum, c) => sum + c.width, 0);
  const widths = [...(numbered ? [NUMBER_WIDTH] : []), ...given.map((c) => Math.floor((free * c.width) / total))];
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) => cell({ text: c.header, bold: true }, widths[i]!, "center")),
  });
  const body = rows.map((row) => new TableRow({ cantSplit: true, children: rowCells(row, columns, widths) }));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    rows: [header, ...body],
  });
}

/** The cells of one row: a spanning cell takes the width of the columns it covers, and the alignment of its first. */
function rowCells(row: readonly Cell[], columns: readonly Column[], widths: readonly number[]): TableCell[] {
  const cells: TableCell[] = [];
  let column = 0;
  for (let i = 0; column < columns.length; i++) {
    const content = row[i] ?? "";
    const span = Math.max(1, Math.min(typeof content === "string" ? 1 : (content.span ?? 1), columns.length - column));
    const width = widths.slice(column, column + span).reduce((sum, w) => sum + w, 0);
    cells.push(cell(content, width, columns[column]!.align ?? "left", span));
    column += span;
  }
  return cells;
}

function cell(content: Cell, width: number, align: keyof typeof ALIGN, span = 1): TableCell {
  const { text, bold, italics } =
    typeof content === "string" ? { text: content, bold: false, italics: false } : content;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(span > 1 ? { columnSpan: span } : {}),
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN },
    children: [
      new Paragraph({
        alignment: ALIGN[align],
        spacing: { before: 20, after: 20, line: 240 },
        children: [new TextRun({ text, bold, italics, size: SIZE.table })],
      }),
    ],
  });
}

/** A blank paragraph after a table, so the next heading does not touch it. */
export function afterTable(): Paragraph {
  return new Paragraph({ spacing: { after: 60 }, children: [] });
}

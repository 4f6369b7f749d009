import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { OutputCell, OutputTab } from "../../sheets-schema/types.ts";
import { cellValue, MAX_CELL_CHARS, rowsText, tabRowsJson, type RowsJson } from "./cell-data.ts";

describe("cellValue", () => {
  it("writes formula-like text as a string value, never as a formula", () => {
    for (const text of ['=IMPORTXML("http://x";"//a")', "+cmd|' /C calc'!A0", "@SUM(1)", "-1+1"]) {
      expect(cellValue(text)).toEqual({ stringValue: text });
    }
  });

  it("writes numbers and booleans as such, and a non-finite number as an empty text", () => {
    expect(cellValue(92.5)).toEqual({ numberValue: 92.5 });
    expect(cellValue(true)).toEqual({ boolValue: true });
    expect(cellValue(Number.NaN)).toEqual({ stringValue: "" });
    expect(cellValue(null)).toBeUndefined();
  });

  it("keeps text of exactly the cell limit whole", () => {
    const text = "a".repeat(MAX_CELL_CHARS);
    expect(cellValue(text)).toEqual({ stringValue: text });
  });

  it("cuts text over Google's 50,000 characters per cell and says so, so the write is not refused", () => {
    const list = `Chưa có mô hình, điển hình được công nhận: ${"Khu phố 1 (H01-TT01-KP01), ".repeat(3_700)}`;
    const written = cellValue(list)?.stringValue ?? "";
    expect(written.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(written.startsWith("Chưa có mô hình, điển hình được công nhận: Khu phố 1")).toBe(true);
    expect(written.endsWith("(đã cắt bớt: mỗi ô Google Sheets chứa tối đa 50.000 ký tự)")).toBe(true);
  });

  it("never cuts an emoji in half", () => {
    for (const text of ["🎉".repeat(MAX_CELL_CHARS), `a${"🎉".repeat(MAX_CELL_CHARS)}`]) {
      const written = cellValue(text)?.stringValue ?? "";
      expect(written.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
      expect(written).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no lone high surrogate
    }
  });
});

/** The JSON text of each row. */
function rowTexts(rows: RowsJson): string[] {
  return rows.bytes.map((_, r) => rowsText(rows, r, r + 1));
}

describe("tabRowsJson", () => {
  const FLAG = { backgroundColor: { red: 1, green: 0.92, blue: 0.7 } };
  const PERCENT = { numberFormat: { type: "PERCENT", pattern: "0.0%" } };
  const HEADER = { backgroundColor: { red: 0.9, green: 0.9, blue: 0.9 }, textFormat: { bold: true } };
  const tricky = 'Tổ "Dân vận" \\ 🌾\n\t\u0001 \ud800 end';
  const tab = {
    title: "Xếp hạng 2024",
    rows: [
      ["Tên", null, "Tỷ lệ"],
      [tricky, 0.25, 0.5],
      [true, -0, Number.NaN],
      [false, null, "không phải số"],
      [],
      [null, 3],
    ],
    highlights: [
      { row: 1, column: 0 },
      { row: 2, column: 2 },
      { row: 3, column: 1 },
    ],
    percentColumns: [2],
    percentCells: [{ row: 1, column: 1 }],
  };

  it("writes each row as the JSON of its Sheets RowData: values, header style, highlights and percentages", () => {
    const rows = rowTexts(tabRowsJson(tab)).map((text) => JSON.parse(text));
    expect(rows).toEqual([
      {
        values: [
          { userEnteredValue: { stringValue: "Tên" }, userEnteredFormat: HEADER },
          { userEnteredFormat: HEADER },
          { userEnteredValue: { stringValue: "Tỷ lệ" }, userEnteredFormat: HEADER },
        ],
      },
      {
        values: [
          { userEnteredValue: { stringValue: tricky }, userEnteredFormat: FLAG },
          { userEnteredValue: { numberValue: 0.25 }, userEnteredFormat: PERCENT },
          { userEnteredValue: { numberValue: 0.5 }, userEnteredFormat: PERCENT },
        ],
      },
      {
        values: [
          { userEnteredValue: { boolValue: true } },
          { userEnteredValue: { numberValue: 0 } },
          { userEnteredValue: { stringValue: "" }, userEnteredFormat: { ...FLAG, ...PERCENT } },
        ],
      },
      {
        values: [
          { userEnteredValue: { boolValue: false } },
          { userEnteredFormat: FLAG },
          { userEnteredValue: { stringValue: "không phải số" } },
        ],
      },
      { values: [] },
      { values: [{}, { userEnteredValue: { numberValue: 3 } }] },
    ]);
  });

  it("writes the text JSON.stringify writes for those objects, and counts its UTF-8 bytes exactly", () => {
    const rows = tabRowsJson(tab);
    const { bytes } = rows;
    rowTexts(rows).forEach((text, r) => {
      expect(text).toBe(JSON.stringify(JSON.parse(text)));
      expect(bytes[r]).toBe(new TextEncoder().encode(text).length);
    });
  });

  it("joins a run of rows with commas, as in the rows array of an updateCells request", () => {
    const rows = tabRowsJson(tab);
    expect(JSON.parse(`[${rowsText(rows, 1, 4)}]`)).toEqual(
      rowTexts(rows)
        .slice(1, 4)
        .map((text) => JSON.parse(text)),
    );
    expect(rowsText(rows, 2, 2)).toBe("");
  });

  it("applies the cut to every cell of a generated tab", () => {
    const texts = rowTexts(
      tabRowsJson({
        title: "Chỉ tiêu 2025",
        rows: [["Chỉ tiêu"], ["x".repeat(99_143)]],
        highlights: [],
        percentColumns: [],
      }),
    );
    const row = JSON.parse(texts[1] ?? "") as { values: { userEnteredValue: { stringValue: string } }[] };
    expect(row.values[0]?.userEnteredValue.stringValue.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
  });

  it("writes, for any cells, exactly what JSON.stringify writes for the CellData objects, with its exact UTF-8 size", () => {
    const cell: fc.Arbitrary<OutputCell> = fc.oneof(
      fc.string({ unit: "binary" }), // any UTF-16, lone surrogates and control characters included
      fc.string({ unit: "grapheme" }),
      // what JSON escapes or UTF-8 widens, often enough to be met in every run
      fc.string({ unit: fc.constantFrom("\\", '"', "\n", "\u0001", "\ud800", "\udc00", "🌾", "ă", "ệ", "a") }),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
    );
    const at = fc.record({ row: fc.nat(5), column: fc.nat(4) });
    const anyTab = fc.record({
      title: fc.constant("Xếp hạng 2024"),
      rows: fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 6 }),
      highlights: fc.array(at, { maxLength: 6 }),
      percentColumns: fc.array(fc.nat(4), { maxLength: 3 }),
      percentCells: fc.array(at, { maxLength: 4 }),
    });
    fc.assert(
      fc.property(anyTab, (tab) => {
        const rows = tabRowsJson(tab);
        const texts = rowTexts(rows);
        texts.forEach((text, r) => {
          expect(text).toBe(JSON.stringify(cellDataRow(tab, r)));
          expect(rows.bytes[r]).toBe(new TextEncoder().encode(text).length);
        });
      }),
      { numRuns: 300 },
    );
  });
});

/** Row `r` as the CellData objects the text stands for: the reference the fast writer is held to. */
function cellDataRow(tab: OutputTab, r: number): object {
  const flagged = (c: number) => tab.highlights.some((h) => h.row === r && h.column === c);
  const share = (c: number) =>
    tab.percentColumns.includes(c) || (tab.percentCells ?? []).some((h) => h.row === r && h.column === c);
  const values = (tab.rows[r] ?? []).map((value, c) => {
    const cell: Record<string, unknown> = {};
    const v = cellValue(value);
    if (v) cell.userEnteredValue = v;
    if (r === 0) {
      cell.userEnteredFormat = {
        backgroundColor: { red: 0.9, green: 0.9, blue: 0.9 },
        textFormat: { bold: true },
      };
    } else {
      const format: Record<string, unknown> = {};
      if (flagged(c)) format.backgroundColor = { red: 1, green: 0.92, blue: 0.7 };
      if (share(c) && typeof value === "number") format.numberFormat = { type: "PERCENT", pattern: "0.0%" };
      if (Object.keys(format).length > 0) cell.userEnteredFormat = format;
    }
    return cell;
  });
  return { values };
}

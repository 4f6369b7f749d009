import { quoteSheetTitle } from "./a1.ts";
import { badRequest } from "./errors.ts";
import type { Spreadsheet } from "./model.ts";
import { createSpreadsheet, sortedSheets } from "./spreadsheet.ts";
import { readRect, updateValues } from "./values.ts";

/**
 * The simple JSON form used to seed the emulator (`PUT /_emulator/spreadsheets/{id}`, `main.ts --seed`):
 * `{ "title": "…", "locale": "vi_VN", "sheets": [{ "title": "Đơn vị", "frozenRowCount": 1, "values": [[…]] }] }`.
 * Values are written RAW by default (JSON numbers and booleans stay typed, text stays text); set
 * `"valueInputOption": "USER_ENTERED"` on the file or a sheet to have them read as typed into Sheets.
 */
export interface SimpleSheet {
  title: string;
  sheetId?: number;
  hidden?: boolean;
  frozenRowCount?: number;
  frozenColumnCount?: number;
  rowCount?: number;
  columnCount?: number;
  valueInputOption?: "RAW" | "USER_ENTERED";
  values?: unknown[][];
}

export interface SimpleSpreadsheet {
  spreadsheetId?: string;
  title?: string;
  locale?: string;
  timeZone?: string;
  valueInputOption?: "RAW" | "USER_ENTERED";
  sheets: SimpleSheet[];
}

/** Builds a spreadsheet with the given id from the simple form. */
export function importSpreadsheet(id: string, input: unknown): Spreadsheet {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(id)) throw badRequest(`Invalid spreadsheet id: ${id}`);
  const simple = input as SimpleSpreadsheet;
  if (!simple || typeof simple !== "object" || !Array.isArray(simple.sheets)) {
    throw badRequest('Expected { "title": "…", "sheets": [{ "title": "…", "values": [[…]] }] }.');
  }
  const doc = createSpreadsheet(
    {
      properties: { title: simple.title, locale: simple.locale, timeZone: simple.timeZone },
      sheets: simple.sheets.map((s, i) => ({
        properties: {
          title: s.title,
          sheetId: s.sheetId ?? i,
          hidden: s.hidden,
          gridProperties: {
            rowCount: Math.max(s.rowCount ?? 1000, s.values?.length ?? 0),
            columnCount: (s.values ?? []).reduce(
              (max, row) => Math.max(max, Array.isArray(row) ? row.length : 0),
              s.columnCount ?? 26,
            ),
            frozenRowCount: s.frozenRowCount,
            frozenColumnCount: s.frozenColumnCount,
          },
        },
      })),
    },
    id,
  );
  simple.sheets.forEach((s, i) => {
    if (!s.values || s.values.length === 0) return;
    const title = doc.sheets[i]?.properties.title ?? s.title;
    const valueInputOption = s.valueInputOption ?? simple.valueInputOption ?? "RAW";
    updateValues(doc, `${quoteSheetTitle(title)}!A1`, { values: s.values }, { valueInputOption });
  });
  return doc;
}

/** The simple form of a spreadsheet: every tab's values as entered (formulas as their text, dates as serials). */
export function exportSpreadsheet(doc: Spreadsheet): SimpleSpreadsheet {
  const options = {
    valueRenderOption: "FORMULA" as const,
    dateTimeRenderOption: "SERIAL_NUMBER" as const,
    locale: doc.properties.locale,
  };
  return {
    spreadsheetId: doc.spreadsheetId,
    title: doc.properties.title,
    locale: doc.properties.locale,
    timeZone: doc.properties.timeZone,
    sheets: sortedSheets(doc).map((sheet) => {
      const g = sheet.properties.gridProperties;
      const rect = { sheet, startRow: 0, endRow: g.rowCount, startCol: 0, endCol: g.columnCount };
      const out: SimpleSheet = { title: sheet.properties.title, sheetId: sheet.properties.sheetId };
      if (sheet.properties.hidden) out.hidden = true;
      if (g.frozenRowCount) out.frozenRowCount = g.frozenRowCount;
      if (g.frozenColumnCount) out.frozenColumnCount = g.frozenColumnCount;
      out.rowCount = g.rowCount;
      out.columnCount = g.columnCount;
      out.values = readRect(rect, options, "ROWS").values ?? [];
      return out;
    }),
  };
}

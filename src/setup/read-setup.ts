import type { sheets_v4 } from "@googleapis/sheets";
import { columnLetters, quoteTab } from "../../sheets-schema/a1.ts";
import type { RawCell } from "../../sheets-schema/types.ts";
import { withRetry, type RetryPolicy } from "../sheets/retry.ts";
import { lastTyped, setupTabs, type InputTabRead, type SetupSheet, type SetupState } from "./plan-setup.ts";

/**
 * Reads what the setup needs in three calls: the tab list (titles, grid sizes, protections), then, of the tabs found,
 * one `spreadsheets.get` over row 1–2 and the last row of every input tab and the whole guide. That second call gives
 * the header values and the validation rules already in place together (a `values.batchGet` cannot see rules), so
 * a spreadsheet that is already ready is recognised and left unwritten. The third reads, column by column, what is
 * typed right of each input tab's header (nearly always nothing), so no header is added above typed data.
 */
export async function readSetupState(
  api: sheets_v4.Sheets,
  spreadsheetId: string,
  policy: RetryPolicy,
): Promise<SetupState> {
  const meta = await withRetry(
    () =>
      api.spreadsheets.get({
        spreadsheetId,
        fields: "sheets(properties(sheetId,title,gridProperties(rowCount,columnCount)),protectedRanges(range))",
      }),
    policy,
  );
  const sheets: SetupSheet[] = (meta.data.sheets ?? []).map((s) => ({
    sheetId: s.properties?.sheetId ?? 0,
    title: s.properties?.title ?? "",
    rowCount: s.properties?.gridProperties?.rowCount ?? 0,
    columnCount: s.properties?.gridProperties?.columnCount ?? 0,
    protectedRanges: (s.protectedRanges ?? []).map((p) => p.range ?? {}),
  }));
  const located = setupTabs(sheets.map((s) => s.title));
  const inputs = sheets.filter((s) => Object.values(located.inputs).includes(s.title));
  const guide = sheets.find((s) => s.title === located.guide);

  const ranges: string[] = [];
  for (const s of inputs) {
    ranges.push(`${quoteTab(s.title)}!1:2`);
    if (s.rowCount > 2) ranges.push(`${quoteTab(s.title)}!${s.rowCount}:${s.rowCount}`);
  }
  if (guide) ranges.push(quoteTab(guide.title));
  if (ranges.length === 0) return { sheets, inputs: {}, guide: null };

  const grid = await withRetry(
    () =>
      api.spreadsheets.get({
        spreadsheetId,
        ranges,
        includeGridData: true,
        fields:
          "sheets(properties(sheetId),data(startRow,rowData(values(userEnteredValue,effectiveValue,dataValidation))))",
      }),
    policy,
  );
  const rowsOf = new Map<number, Map<number, sheets_v4.Schema$CellData[]>>();
  for (const s of grid.data.sheets ?? []) {
    const rows = new Map<number, sheets_v4.Schema$CellData[]>();
    for (const block of s.data ?? []) {
      (block.rowData ?? []).forEach((row, i) => rows.set((block.startRow ?? 0) + i, row.values ?? []));
    }
    rowsOf.set(s.properties?.sheetId ?? 0, rows);
  }

  const read: Record<string, InputTabRead> = {};
  for (const s of inputs) {
    const rows = rowsOf.get(s.sheetId) ?? new Map<number, sheets_v4.Schema$CellData[]>();
    read[s.title] = {
      header: (rows.get(0) ?? []).map(headerCell),
      firstRowRules: (rows.get(1) ?? []).map((c) => c.dataValidation),
      lastRowRules: (rows.get(Math.max(1, s.rowCount - 1)) ?? []).map((c) => c.dataValidation),
    };
  }
  await readDataWidths(api, spreadsheetId, policy, inputs, read);
  let guideText: string[][] | null = null;
  if (guide) {
    const rows = rowsOf.get(guide.sheetId) ?? new Map<number, sheets_v4.Schema$CellData[]>();
    const last = Math.max(-1, ...rows.keys());
    guideText = Array.from({ length: last + 1 }, (_, r) => (rows.get(r) ?? []).map((c) => String(rawCell(c))));
  }
  return { sheets, inputs: read, guide: guideText };
}

/**
 * A header cell: its value as the reader sees it, or, for a formula showing nothing, the formula itself, so that a
 * cell holding anything is never taken for an empty one.
 */
function headerCell(cell: sheets_v4.Schema$CellData): RawCell {
  const value = rawCell(cell);
  if (value !== "") return value;
  const typed = cell.userEnteredValue;
  return typed?.formulaValue ?? typed?.stringValue ?? "";
}

/** A cell's value as `values.get` would give it unformatted; `""` for an empty cell inside a row. */
function rawCell(cell: sheets_v4.Schema$CellData): RawCell {
  const v = cell.effectiveValue;
  if (v?.stringValue != null) return v.stringValue;
  if (v?.numberValue != null) return v.numberValue;
  if (v?.boolValue != null) return v.boolValue;
  if (v?.errorValue != null) return v.errorValue.message ?? "#ERROR!";
  return "";
}

/**
 * Sets `dataWidth` of each input tab: the columns right of its header, rows 2 to the last, read by column
 * (`majorDimension: COLUMNS`), come back without the empty ones at the end, so their count says where typed data
 * stops. Nothing is asked for a tab whose header already reaches its last column.
 */
async function readDataWidths(
  api: sheets_v4.Sheets,
  spreadsheetId: string,
  policy: RetryPolicy,
  inputs: readonly SetupSheet[],
  read: Record<string, InputTabRead>,
): Promise<void> {
  const asked = inputs.flatMap((s) => {
    const from = lastTyped(read[s.title]?.header ?? []) + 1;
    if (from >= s.columnCount || s.rowCount < 2) return [];
    const range = `${quoteTab(s.title)}!${columnLetters(from)}2:${columnLetters(s.columnCount - 1)}${s.rowCount}`;
    return [{ title: s.title, from, range }];
  });
  if (asked.length === 0) return;
  const got = await withRetry(
    () =>
      api.spreadsheets.values.batchGet({
        spreadsheetId,
        ranges: asked.map((a) => a.range),
        majorDimension: "COLUMNS",
        valueRenderOption: "FORMULA",
      }),
    policy,
  );
  asked.forEach((a, i) => {
    const columns = got.data.valueRanges?.[i]?.values ?? [];
    const entry = read[a.title];
    if (entry !== undefined && columns.length > 0) entry.dataWidth = a.from + columns.length;
  });
}

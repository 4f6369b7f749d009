import type { sheets_v4 } from "@googleapis/sheets";
import { GUIDE_TAB } from "../../sheets-schema/guide.ts";
import { INPUT_TABS } from "../../sheets-schema/tabs.ts";
import type { RawCell } from "../../sheets-schema/types.ts";

type Request = sheets_v4.Schema$Request;

/** The tabs that existed before the setup, by what the setup may do to them. */
export interface SetupScope {
  /** Every input tab, with its header row as read: the only row whose empty cells setup may fill. */
  inputHeaders: ReadonlyMap<number, readonly RawCell[]>;
  /** Generated tabs: setup may only put a warning-only protection on them. */
  generated: ReadonlySet<number>;
  /** The `Hướng dẫn` tab, which setup rewrites; null when the plan creates it. */
  guide: number | null;
}

const CREATABLE = new Set([...INPUT_TABS.map((t) => t.title), GUIDE_TAB]);

/**
 * The setup's own last line of defence, separate from the scorer's `planWrite` guard: throws unless every request
 * stays within what setup owns. On a tab that existed, setup may add data validation and columns to an input tab and
 * write headers into empty cells of its row 1, protect a generated tab (warning only), and rewrite the guide; on a
 * tab it creates in the same plan, anything. No other tab is touched, no typed cell is ever written, and no value is
 * written as a formula.
 */
export function assertSetupScope(requests: readonly Request[], scope: SetupScope): void {
  const created = new Set<number>();
  requests.forEach((request, i) => {
    const problem = refusal(request, scope, created);
    if (problem !== null)
      throw new Error(`Setup refuses requests[${i}] (${Object.keys(request).join(", ")}): ${problem}`);
  });
}

function refusal(req: Request, scope: SetupScope, created: Set<number>): string | null {
  const kinds = Object.keys(req).filter((k) => req[k as keyof Request] != null);
  if (kinds.length !== 1) return "one request must do one thing";
  if (req.addSheet) {
    const { sheetId, title } = req.addSheet.properties ?? {};
    if (sheetId == null || !CREATABLE.has(title ?? ""))
      return `setup creates only input tabs and ${GUIDE_TAB}, with a known id`;
    created.add(sheetId);
    return null;
  }
  if (req.updateCells && hasFormula(req.updateCells.rows ?? [])) return "values are written as data, never as formulas";
  const sheetId = targetSheet(req);
  if (sheetId === undefined) return "not a request setup makes";
  if (created.has(sheetId)) return null;
  if (sheetId === scope.guide) {
    if (req.updateCells || req.addProtectedRange) return null;
    const fields = req.updateSheetProperties?.fields ?? "";
    return fields.split(",").every((f) => f.startsWith("gridProperties.")) && fields !== ""
      ? null
      : "only the guide's grid may change";
  }
  const header = scope.inputHeaders.get(sheetId);
  if (header !== undefined) {
    if (req.setDataValidation) return null;
    if (req.appendDimension)
      return req.appendDimension.dimension === "COLUMNS" ? null : "only columns may be added to an input tab";
    if (req.updateCells) return headerWriteRefusal(req.updateCells, header);
    return "an input tab only gets validation, columns and missing headers";
  }
  if (scope.generated.has(sheetId)) {
    return req.addProtectedRange?.protectedRange?.warningOnly === true
      ? null
      : "a generated tab only gets a warning-only protection";
  }
  return "setup does not touch this tab";
}

/** Writing into an input tab: one row, in row 1, only where the header row read had nothing at all. */
function headerWriteRefusal(update: sheets_v4.Schema$UpdateCellsRequest, header: readonly RawCell[]): string | null {
  // With a range, updateCells would clear the cells its rows do not cover; only a start is safe.
  if (!update.start || update.range) return "an input tab is written from a start cell, never over a range";
  if ((update.start.rowIndex ?? 0) !== 0 || (update.rows ?? []).length !== 1)
    return "only the header row of an input tab is written";
  const from = update.start.columnIndex ?? 0;
  const width = update.rows?.[0]?.values?.length ?? 0;
  for (let c = from; c < from + width; c++) {
    const cell = header[c];
    if (cell !== undefined && cell !== null && cell !== "")
      return `cell ${c + 1} of the header row holds "${String(cell)}"`;
  }
  return null;
}

/** The tab a request acts on (a missing sheetId is 0, as in Google's JSON); undefined for a kind setup never sends. */
function targetSheet(req: Request): number | undefined {
  return req.updateCells
    ? (req.updateCells.start?.sheetId ?? req.updateCells.range?.sheetId ?? 0)
    : req.setDataValidation
      ? (req.setDataValidation.range?.sheetId ?? 0)
      : req.appendDimension
        ? (req.appendDimension.sheetId ?? 0)
        : req.updateDimensionProperties
          ? (req.updateDimensionProperties.range?.sheetId ?? 0)
          : req.updateSheetProperties
            ? (req.updateSheetProperties.properties?.sheetId ?? 0)
            : req.addProtectedRange
              ? (req.addProtectedRange.protectedRange?.range?.sheetId ?? 0)
              : undefined;
}

function hasFormula(rows: readonly sheets_v4.Schema$RowData[]): boolean {
  return rows.some((row) => (row.values ?? []).some((cell) => cell.userEnteredValue?.formulaValue != null));
}

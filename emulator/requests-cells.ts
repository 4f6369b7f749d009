import { writeCellData } from "./cell-data.ts";
import { badRequest } from "./errors.ts";
import { newProtectedRangeId } from "./protected-range-id.ts";
import { applyMask, copyJson, parseFieldMask, type MaskTree } from "./field-mask.ts";
import { getCell, growGrid, gridLimitError, lastValueRow, setCell } from "./grid.ts";
import { coordinateRect, gridRect, sheetById } from "./grid-range.ts";
import type { Json as Stored, Rect, Spreadsheet } from "./model.ts";
import type { Reply } from "./requests-sheets.ts";

/** batchUpdate requests on cells and ranges: values and formats, validation, protection, conditional formats. */

type Json = Record<string, unknown>;

function requiredMask(req: Json): MaskTree {
  const mask = parseFieldMask(typeof req.fields === "string" ? req.fields : "");
  if (Object.keys(mask).length === 0) throw badRequest("At least one field must be specified in 'fields'.");
  return mask;
}

function rowValues(rows: unknown, i: number): unknown[] {
  const row = (Array.isArray(rows) ? rows[i] : undefined) as Json | undefined;
  return Array.isArray(row?.values) ? row.values : [];
}

/**
 * updateCells: writes `rows` from `start`, or into `range`, through the `fields` mask. With a range, the masked
 * fields of every cell the rows do not cover are cleared, as Google documents. Writing past the grid is an error.
 */
export function updateCellsRequest(doc: Spreadsheet, req: Json): Reply {
  const mask = requiredMask(req);
  const rows = Array.isArray(req.rows) ? req.rows : [];
  const height = rows.length;
  const width = rows.reduce((max: number, _row, i) => Math.max(max, rowValues(rows, i).length), 0);
  let rect: Rect;
  if (req.range !== undefined) {
    rect = gridRect(doc, req.range);
    if (height > rect.endRow - rect.startRow || width > rect.endCol - rect.startCol) {
      throw badRequest(
        `The rows (${height} × ${width}) do not fit in the range (${rect.endRow - rect.startRow} × ${rect.endCol - rect.startCol}).`,
      );
    }
    clearUncovered(rect, rows, mask);
  } else if (req.start !== undefined) {
    rect = coordinateRect(doc, req.start, height, width);
  } else {
    throw badRequest("Either 'start' or 'range' must be set.");
  }
  writeRows(rect.sheet, rect.startRow, rect.startCol, rows, mask);
  return undefined;
}

function clearUncovered(rect: Rect, rows: unknown[], mask: MaskTree): void {
  // Only stored cells can hold something to clear.
  for (let r = rect.startRow; r < Math.min(rect.endRow, rect.sheet.rows.length); r++) {
    const covered = rowValues(rows, r - rect.startRow).length;
    const line = rect.sheet.rows[r] ?? [];
    for (let c = Math.max(rect.startCol, rect.startCol + covered); c < Math.min(rect.endCol, line.length); c++) {
      const cell = line[c];
      if (cell) setCell(rect.sheet, r, c, writeCellData(cell, {}, mask, "updateCells"));
    }
  }
}

function writeRows(sheet: Rect["sheet"], startRow: number, startCol: number, rows: unknown[], mask: MaskTree): void {
  rows.forEach((_row, i) => {
    rowValues(rows, i).forEach((data, j) => {
      const r = startRow + i;
      const c = startCol + j;
      setCell(sheet, r, c, writeCellData(getCell(sheet, r, c), data, mask, `rows[${i}].values[${j}]`));
    });
  });
}

/** appendCells: rows after the last row holding a value, adding grid rows when needed. */
export function appendCellsRequest(doc: Spreadsheet, req: Json): Reply {
  const mask = requiredMask(req);
  const sheet = sheetById(doc, req.sheetId);
  const rows = Array.isArray(req.rows) ? req.rows : [];
  const width = rows.reduce((max: number, _row, i) => Math.max(max, rowValues(rows, i).length), 0);
  if (width > sheet.properties.gridProperties.columnCount) {
    throw gridLimitError({ sheet, bounds: { startRow: 0, endRow: 1, startCol: 0, endCol: width } });
  }
  const start = lastValueRow(sheet) + 1;
  growGrid(doc, sheet, start + rows.length, sheet.properties.gridProperties.columnCount);
  writeRows(sheet, start, 0, rows, mask);
  return undefined;
}

/** repeatCell: the same CellData (usually a format) on every cell of the range. */
export function repeatCellRequest(doc: Spreadsheet, req: Json): Reply {
  const mask = requiredMask(req);
  const rect = gridRect(doc, req.range);
  forEachCell(rect, (r, c) =>
    setCell(rect.sheet, r, c, writeCellData(getCell(rect.sheet, r, c), req.cell, mask, "cell")),
  );
  return undefined;
}

/** setDataValidation: stores the rule on every cell of the range (no rule clears it). */
export function setDataValidationRequest(doc: Spreadsheet, req: Json): Reply {
  const rect = gridRect(doc, req.range);
  const rule = req.rule as Stored | undefined;
  if (rule !== undefined && (typeof rule !== "object" || rule === null || !rule.condition)) {
    throw badRequest("Invalid DataValidationRule: a condition is required.");
  }
  forEachCell(rect, (r, c) => {
    const cell = { ...getCell(rect.sheet, r, c) };
    if (rule) cell.dataValidation = copyJson(rule);
    else delete cell.dataValidation;
    setCell(rect.sheet, r, c, cell);
  });
  return undefined;
}

function forEachCell(rect: Rect, visit: (r: number, c: number) => void): void {
  for (let r = rect.startRow; r < rect.endRow; r++) for (let c = rect.startCol; c < rect.endCol; c++) visit(r, c);
}

/** addProtectedRange: stored on its sheet with a new protectedRangeId, returned in the reply. */
export function addProtectedRangeRequest(doc: Spreadsheet, req: Json): Reply {
  const input = structuredClone((req.protectedRange ?? {}) as Json);
  const range = (input.range ?? {}) as Json;
  const sheet = sheetById(doc, range.sheetId);
  gridRect(doc, range);
  const used = new Set(doc.sheets.flatMap((s) => s.protectedRanges.map((p) => p.protectedRangeId)));
  const id = input.protectedRangeId === undefined ? newProtectedRangeId(doc, used) : Number(input.protectedRangeId);
  if (input.protectedRangeId !== undefined && used.has(id))
    throw badRequest(`A protected range with ID ${id} already exists.`);
  const stored: Stored = {
    protectedRangeId: id,
    ...input,
    range: { ...range, sheetId: sheet.properties.sheetId },
    requestingUserCanEdit: true,
  };
  stored.protectedRangeId = id;
  sheet.protectedRanges.push(stored);
  return { addProtectedRange: { protectedRange: structuredClone(stored) } };
}

export function deleteProtectedRangeRequest(doc: Spreadsheet, req: Json): Reply {
  const id = Number(req.protectedRangeId);
  const sheet = doc.sheets.find((s) => s.protectedRanges.some((p) => p.protectedRangeId === id));
  if (!sheet) throw badRequest(`No protected range with id: ${id}`);
  sheet.protectedRanges = sheet.protectedRanges.filter((p) => p.protectedRangeId !== id);
  return undefined;
}

export function updateProtectedRangeRequest(doc: Spreadsheet, req: Json): Reply {
  const input = (req.protectedRange ?? {}) as Json;
  const id = Number(input.protectedRangeId);
  const found = doc.sheets.flatMap((s) => s.protectedRanges).find((p) => p.protectedRangeId === id);
  if (!found) throw badRequest(`No protected range with id: ${id}`);
  applyMask(found, input, requiredMask(req));
  found.protectedRangeId = id;
  return undefined;
}

/** addConditionalFormatRule: stored on the sheet of its ranges at `index` (0 = highest priority). */
export function addConditionalFormatRuleRequest(doc: Spreadsheet, req: Json): Reply {
  const rule = structuredClone((req.rule ?? {}) as Json);
  const ranges = Array.isArray(rule.ranges) ? (rule.ranges as Json[]) : [];
  if (ranges.length === 0) throw badRequest("A conditional format rule needs at least one range.");
  const sheet = sheetById(doc, ranges[0]?.sheetId);
  for (const r of ranges) {
    if (sheetById(doc, r.sheetId) !== sheet)
      throw badRequest("All ranges of a conditional format rule must be on the same sheet.");
    gridRect(doc, r);
  }
  if (!rule.booleanRule && !rule.gradientRule)
    throw badRequest("A conditional format rule needs a booleanRule or a gradientRule.");
  const index = Number(req.index ?? 0);
  if (!Number.isInteger(index) || index < 0 || index > sheet.conditionalFormats.length)
    throw badRequest(`Invalid index: ${index}`);
  sheet.conditionalFormats.splice(index, 0, rule);
  return undefined;
}

export function deleteConditionalFormatRuleRequest(doc: Spreadsheet, req: Json): Reply {
  const sheet = sheetById(doc, req.sheetId);
  const index = Number(req.index ?? 0);
  const rule = sheet.conditionalFormats[index];
  if (!rule) throw badRequest(`No conditional format rule at index ${index}.`);
  sheet.conditionalFormats.splice(index, 1);
  return { deleteConditionalFormatRule: { rule } };
}

/** mergeCells / unmergeCells: merges are recorded, values are left as they are. */
export function mergeCellsRequest(doc: Spreadsheet, req: Json): Reply {
  const rect = gridRect(doc, req.range);
  const id = rect.sheet.properties.sheetId;
  rect.sheet.merges.push({
    sheetId: id,
    startRowIndex: rect.startRow,
    endRowIndex: rect.endRow,
    startColumnIndex: rect.startCol,
    endColumnIndex: rect.endCol,
  });
  return undefined;
}

export function unmergeCellsRequest(doc: Spreadsheet, req: Json): Reply {
  const rect = gridRect(doc, req.range);
  rect.sheet.merges = rect.sheet.merges.filter(
    (m) =>
      (m.endRowIndex ?? 0) <= rect.startRow ||
      (m.startRowIndex ?? 0) >= rect.endRow ||
      (m.endColumnIndex ?? 0) <= rect.startCol ||
      (m.startColumnIndex ?? 0) >= rect.endCol,
  );
  return undefined;
}

/** setBasicFilter / clearBasicFilter: the filter is stored and returned by spreadsheets.get. */
export function setBasicFilterRequest(doc: Spreadsheet, req: Json): Reply {
  const filter = structuredClone((req.filter ?? {}) as Json);
  const rect = gridRect(doc, filter.range);
  rect.sheet.basicFilter = filter;
  return undefined;
}

export function clearBasicFilterRequest(doc: Spreadsheet, req: Json): Reply {
  delete sheetById(doc, req.sheetId).basicFilter;
  return undefined;
}

/** updateBorders: the range is checked; borders are not drawn by the emulator. */
export function rangeNoOp(doc: Spreadsheet, req: Json): Reply {
  gridRect(doc, req.range);
  return undefined;
}

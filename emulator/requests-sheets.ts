import { sharedRows } from "./draft.ts";
import { badRequest } from "./errors.ts";
import { newProtectedRangeId } from "./protected-range-id.ts";
import { applyMask, parseFieldMask } from "./field-mask.ts";
import { deleteColumns, deleteRows, growGrid, insertColumns, insertRows, truncateToGrid } from "./grid.ts";
import { dimensionRange, sheetById } from "./grid-range.ts";
import type { Sheet, SheetProperties, Spreadsheet } from "./model.ts";
import { addSheet, checkGrid, checkTitle, reindex, sortedSheets } from "./spreadsheet.ts";

/** batchUpdate requests on sheets and the spreadsheet itself: add, delete, rename, hide, freeze, move, resize. */

type Json = Record<string, unknown>;
export type Reply = Json | undefined;

export function addSheetRequest(doc: Spreadsheet, req: Json): Reply {
  const sheet = addSheet(doc, (req.properties ?? {}) as Json, "addSheet");
  return { addSheet: { properties: structuredClone(sheet.properties) } };
}

export function deleteSheetRequest(doc: Spreadsheet, req: Json): Reply {
  const sheet = sheetById(doc, req.sheetId);
  const rest = doc.sheets.filter((s) => s !== sheet);
  if (rest.length === 0) throw badRequest("You can't remove all the sheets in a document.");
  if (rest.every((s) => s.properties.hidden))
    throw badRequest("You can't remove all the visible sheets in a document.");
  doc.sheets = sortedSheets({ ...doc, sheets: rest });
  reindex(doc);
  return undefined;
}

/**
 * updateSheetProperties: changes exactly the fields named in `fields` (title, hidden, index, gridProperties.*,
 * tabColor…). A moved sheet's index counts positions before the move, as Google documents.
 */
export function updateSheetPropertiesRequest(doc: Spreadsheet, req: Json): Reply {
  const input = (req.properties ?? {}) as Json;
  const sheet = sheetById(doc, input.sheetId);
  const mask = parseFieldMask(typeof req.fields === "string" ? req.fields : "");
  if (Object.keys(mask).length === 0) throw badRequest("At least one field must be specified in 'fields'.");
  if ("sheetId" in mask || "sheetType" in mask) throw badRequest("sheetId and sheetType cannot be changed.");
  const before = sheet.properties;
  const next = structuredClone(before) as unknown as Json;
  applyMask(next, input, mask);
  const props = next as unknown as SheetProperties;
  props.sheetId = before.sheetId;
  props.sheetType = "GRID";
  props.title = typeof props.title === "string" ? props.title : "";
  if (props.title !== before.title) checkTitle(doc, props.title, sheet);
  props.gridProperties = (props.gridProperties ?? {}) as SheetProperties["gridProperties"];
  for (const key of ["frozenRowCount", "frozenColumnCount"] as const) {
    if (!props.gridProperties[key]) delete props.gridProperties[key];
  }
  if (!props.gridProperties.hideGridlines) delete props.gridProperties.hideGridlines;
  if (!props.hidden) delete props.hidden;
  if (!props.rightToLeft) delete props.rightToLeft;
  const moveTo = "index" in mask || "*" in mask ? Number(input.index ?? 0) : undefined;
  props.index = before.index;
  sheet.properties = props;
  checkGrid(doc, sheet);
  if (props.hidden && doc.sheets.every((s) => s.properties.hidden)) {
    throw badRequest("You can't hide all the sheets in a document.");
  }
  truncateToGrid(sheet);
  if (moveTo !== undefined) moveSheet(doc, sheet, moveTo);
  return undefined;
}

function moveSheet(doc: Spreadsheet, sheet: Sheet, target: number): void {
  if (!Number.isInteger(target) || target < 0 || target > doc.sheets.length)
    throw badRequest(`Invalid index: ${target}`);
  const ordered = sortedSheets(doc);
  const from = ordered.indexOf(sheet);
  ordered.splice(from, 1);
  ordered.splice(target > from ? target - 1 : target, 0, sheet);
  doc.sheets = ordered;
  reindex(doc);
}

/** updateSpreadsheetProperties: title, locale, timeZone… through the field mask. */
export function updateSpreadsheetPropertiesRequest(doc: Spreadsheet, req: Json): Reply {
  const mask = parseFieldMask(typeof req.fields === "string" ? req.fields : "");
  if (Object.keys(mask).length === 0) throw badRequest("At least one field must be specified in 'fields'.");
  const next = structuredClone(doc.properties) as Json;
  applyMask(next, (req.properties ?? {}) as Json, mask);
  if (typeof next.title !== "string" || next.title === "") throw badRequest("The spreadsheet title cannot be empty.");
  doc.properties = { ...doc.properties, ...next } as Spreadsheet["properties"];
  for (const key of Object.keys(doc.properties)) if (!(key in next)) delete doc.properties[key];
  return undefined;
}

/**
 * duplicateSheet: a copy of the cells, formats, rules and protected ranges (each with a new id, as Google's
 * "Duplicate" keeps a tab's protection), named "Copy of …" unless a name is given. Developer metadata is not copied:
 * it stays with the object it was created on.
 */
export function duplicateSheetRequest(doc: Spreadsheet, req: Json): Reply {
  const source = sheetById(doc, req.sourceSheetId);
  const copy = addSheet(
    doc,
    {
      title:
        typeof req.newSheetName === "string" && req.newSheetName !== ""
          ? req.newSheetName
          : `Copy of ${source.properties.title}`,
      sheetId: req.newSheetId,
      index: req.insertSheetIndex,
      gridProperties: structuredClone(source.properties.gridProperties),
      rightToLeft: source.properties.rightToLeft,
      tabColor: source.properties.tabColor,
    },
    "duplicateSheet",
  );
  const id = copy.properties.sheetId;
  // The rows are shared, not cloned: cells are never changed in place and a later write copies the row it touches.
  copy.rows = sharedRows(source.rows);
  copy.merges = source.merges.map((m) => ({ ...m, sheetId: id }));
  copy.conditionalFormats = source.conditionalFormats.map((rule) => {
    const clone = structuredClone(rule);
    const ranges = Array.isArray(clone.ranges) ? (clone.ranges as Json[]) : [];
    for (const r of ranges) r.sheetId = id;
    return clone;
  });
  const usedIds = new Set(doc.sheets.flatMap((s) => s.protectedRanges.map((p) => p.protectedRangeId)));
  copy.protectedRanges = source.protectedRanges.map((range) => {
    const clone = structuredClone(range);
    const protectedRangeId = newProtectedRangeId(doc, usedIds);
    usedIds.add(protectedRangeId);
    clone.protectedRangeId = protectedRangeId;
    clone.range = { ...(clone.range as Json), sheetId: id };
    for (const r of Array.isArray(clone.unprotectedRanges) ? (clone.unprotectedRanges as Json[]) : []) r.sheetId = id;
    return clone;
  });
  return { duplicateSheet: { properties: structuredClone(copy.properties) } };
}

/** insertDimension: empty rows or columns before `startIndex`. */
export function insertDimensionRequest(doc: Spreadsheet, req: Json): Reply {
  const range = (req.range ?? {}) as Json;
  const sheet = sheetById(doc, range.sheetId);
  const rows = range.dimension === "ROWS";
  const size = rows ? sheet.properties.gridProperties.rowCount : sheet.properties.gridProperties.columnCount;
  const start = Number(range.startIndex ?? 0);
  const end = Number(range.endIndex ?? 0);
  if (range.dimension !== "ROWS" && range.dimension !== "COLUMNS")
    throw badRequest("Invalid dimension: must be ROWS or COLUMNS.");
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || start > size) {
    throw badRequest(`Invalid range [${start}, ${end}) for a grid of ${size}.`);
  }
  if (rows) insertRows(sheet, start, end - start);
  else insertColumns(sheet, start, end - start);
  checkGrid(doc, sheet);
  return undefined;
}

/** deleteDimension: removes rows or columns; a sheet keeps at least one of each. */
export function deleteDimensionRequest(doc: Spreadsheet, req: Json): Reply {
  const { sheet, rows, start, end } = dimensionRange(doc, req.range);
  const size = rows ? sheet.properties.gridProperties.rowCount : sheet.properties.gridProperties.columnCount;
  if (end - start >= size) throw badRequest(`You can't delete all the ${rows ? "rows" : "columns"} on the sheet.`);
  if (rows) deleteRows(sheet, start, end);
  else deleteColumns(sheet, start, end);
  const g = sheet.properties.gridProperties;
  if ((g.frozenRowCount ?? 0) >= g.rowCount) g.frozenRowCount = g.rowCount - 1;
  if ((g.frozenColumnCount ?? 0) >= g.columnCount) g.frozenColumnCount = g.columnCount - 1;
  return undefined;
}

/** appendDimension: more rows or columns at the end. */
export function appendDimensionRequest(doc: Spreadsheet, req: Json): Reply {
  const sheet = sheetById(doc, req.sheetId);
  const length = Number(req.length ?? 0);
  if (!Number.isInteger(length) || length < 1) throw badRequest("length must be a positive number.");
  const g = sheet.properties.gridProperties;
  if (req.dimension === "ROWS") growGrid(doc, sheet, g.rowCount + length, g.columnCount);
  else if (req.dimension === "COLUMNS") growGrid(doc, sheet, g.rowCount, g.columnCount + length);
  else throw badRequest("Invalid dimension: must be ROWS or COLUMNS.");
  return undefined;
}

/** autoResizeDimensions and updateDimensionProperties: checked, then nothing to do (the emulator draws no grid). */
export function dimensionNoOp(doc: Spreadsheet, req: Json): Reply {
  dimensionRange(doc, req.dimensions ?? req.range);
  return undefined;
}

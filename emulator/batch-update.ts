import { ApiError, badRequest } from "./errors.ts";
import type { Spreadsheet } from "./model.ts";
import * as metadata from "./developer-metadata.ts";
import * as cells from "./requests-cells.ts";
import * as sheets from "./requests-sheets.ts";
import type { Reply } from "./requests-sheets.ts";

/**
 * spreadsheets.batchUpdate: applies the requests in order to the document it is given. The store passes a
 * copy-on-write draft (draft.ts) and keeps it only when every request succeeded, so a batch is all or nothing, as
 * on Google. A failing request is reported the way Google does:
 * `Invalid requests[1].addSheet: A sheet with the name "X" already exists. …`.
 */

type Json = Record<string, unknown>;
type Handler = (doc: Spreadsheet, request: Json) => Reply;

const HANDLERS: Record<string, Handler> = {
  addSheet: sheets.addSheetRequest,
  deleteSheet: sheets.deleteSheetRequest,
  updateSheetProperties: sheets.updateSheetPropertiesRequest,
  updateSpreadsheetProperties: sheets.updateSpreadsheetPropertiesRequest,
  duplicateSheet: sheets.duplicateSheetRequest,
  insertDimension: sheets.insertDimensionRequest,
  deleteDimension: sheets.deleteDimensionRequest,
  appendDimension: sheets.appendDimensionRequest,
  autoResizeDimensions: sheets.dimensionNoOp,
  updateDimensionProperties: sheets.dimensionNoOp,
  updateCells: cells.updateCellsRequest,
  appendCells: cells.appendCellsRequest,
  repeatCell: cells.repeatCellRequest,
  setDataValidation: cells.setDataValidationRequest,
  addProtectedRange: cells.addProtectedRangeRequest,
  updateProtectedRange: cells.updateProtectedRangeRequest,
  deleteProtectedRange: cells.deleteProtectedRangeRequest,
  addConditionalFormatRule: cells.addConditionalFormatRuleRequest,
  deleteConditionalFormatRule: cells.deleteConditionalFormatRuleRequest,
  mergeCells: cells.mergeCellsRequest,
  unmergeCells: cells.unmergeCellsRequest,
  setBasicFilter: cells.setBasicFilterRequest,
  clearBasicFilter: cells.clearBasicFilterRequest,
  updateBorders: cells.rangeNoOp,
  createDeveloperMetadata: metadata.createDeveloperMetadataRequest,
  updateDeveloperMetadata: metadata.updateDeveloperMetadataRequest,
  deleteDeveloperMetadata: metadata.deleteDeveloperMetadataRequest,
};

/** Request kinds Google knows that the emulator does not implement: refused clearly rather than ignored. */
const NOT_IMPLEMENTED = new Set([
  "updateNamedRange",
  "addNamedRange",
  "deleteNamedRange",
  "autoFill",
  "cutPaste",
  "copyPaste",
  "addFilterView",
  "deleteEmbeddedObject",
  "deleteFilterView",
  "duplicateFilterView",
  "findReplace",
  "insertRange",
  "moveDimension",
  "updateEmbeddedObjectPosition",
  "pasteData",
  "textToColumns",
  "updateFilterView",
  "deleteRange",
  "updateConditionalFormatRule",
  "sortRange",
  "addChart",
  "updateChartSpec",
  "updateBanding",
  "addBanding",
  "deleteBanding",
  "randomizeRange",
  "addDimensionGroup",
  "deleteDimensionGroup",
  "updateDimensionGroup",
  "trimWhitespace",
  "deleteDuplicates",
  "updateEmbeddedObjectBorder",
  "addSlicer",
  "updateSlicerSpec",
  "addDataSource",
  "updateDataSource",
  "deleteDataSource",
  "refreshDataSource",
  "cancelDataSourceRefresh",
  "addTable",
  "updateTable",
  "deleteTable",
]);

/** Applies a BatchUpdateSpreadsheetRequest body to `doc`; returns `{ spreadsheetId, replies }`. */
export function applyBatchUpdate(doc: Spreadsheet, body: Json): Json {
  const requests = body.requests;
  if (!Array.isArray(requests) || requests.length === 0) throw badRequest("Must specify at least one request.");
  const replies = requests.map((request, i) => applyOne(doc, request as unknown, i) ?? {});
  return { spreadsheetId: doc.spreadsheetId, replies };
}

function applyOne(doc: Spreadsheet, request: unknown, i: number): Reply {
  if (request === null || typeof request !== "object" || Array.isArray(request)) {
    throw badRequest(
      `Invalid value at 'requests[${i}]' (type.googleapis.com/google.apps.sheets.v4.Request), ${JSON.stringify(request)}`,
    );
  }
  const kinds = Object.keys(request).filter((k) => (request as Json)[k] !== undefined);
  for (const kind of kinds) {
    if (!HANDLERS[kind] && !NOT_IMPLEMENTED.has(kind)) {
      throw badRequest(`Invalid JSON payload received. Unknown name "${kind}" at 'requests[${i}]': Cannot find field.`);
    }
  }
  if (kinds.length === 0) throw badRequest(`Invalid requests[${i}]: No request set.`);
  if (kinds.length > 1) {
    throw badRequest(
      `Invalid value at 'requests[${i}]' (oneof), oneof field 'kind' is already set. Cannot overwrite '${kinds[0]}' with '${kinds[1]}'`,
    );
  }
  const kind = kinds[0] as string;
  const handler = HANDLERS[kind];
  if (!handler)
    throw badRequest(`Invalid requests[${i}].${kind}: this request is not implemented by the Sheets emulator.`);
  try {
    return handler(doc, ((request as Json)[kind] ?? {}) as Json);
  } catch (error) {
    if (error instanceof ApiError && error.code === 400)
      throw badRequest(`Invalid requests[${i}].${kind}: ${error.message}`);
    throw error;
  }
}

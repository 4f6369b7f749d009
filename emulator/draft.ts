import { copyJson } from "./field-mask.ts";
import type { Cell, Sheet, Spreadsheet } from "./model.ts";

/**
 * Copy-on-write drafts: what lets `Store.mutate` be all-or-nothing without copying a whole spreadsheet (a province
 * workbook holds over a million cells, and cloning it cost ~2 s per batchUpdate).
 *
 * A draft is a new Spreadsheet whose small parts are deep copies made up front — the spreadsheet's properties and,
 * for every sheet, everything but its grid (properties, protected ranges, conditional formats, merges, filter) — so
 * handlers may change those in place. The grids stay shared with the stored original: a sheet's `rows` array and
 * each row array in it are copied the first time the running mutation writes to them (`ownRows`, `ownLine`, used
 * by every grid change in grid.ts), and the copies are remembered in `owned` so later writes of the same mutation
 * change them in place. Cells are never changed in place anywhere in the emulator (each write builds a new Cell),
 * so they can be shared freely. If the mutation throws, the draft is dropped and the original was never touched.
 *
 * Outside a mutation (`owned` undefined) grids are written in place: that is how fresh documents are built
 * (spreadsheets.create, imports), which nobody else can see yet.
 */

type Row = Array<Cell | null>;

/** The arrays the running mutation created or copied, hence may change in place. */
let owned: WeakSet<object> | undefined;

/** Runs `change` on a draft of `doc`; returns the draft (to be stored) and what `change` returned. */
export function runOnDraft<T>(doc: Spreadsheet, change: (draft: Spreadsheet) => T): { draft: Spreadsheet; result: T } {
  if (owned) throw new Error("Store.mutate cannot be nested");
  owned = new WeakSet();
  try {
    const draft = copyExcept(doc, "sheets");
    draft.sheets = doc.sheets.map((sheet) => copyExcept(sheet, "rows"));
    return { draft, result: change(draft) };
  } finally {
    owned = undefined;
  }
}

/** A deep copy of every field but `shared`, which is the same value (key order and unknown fields are kept). */
function copyExcept<T extends object>(value: T, shared: keyof T): T {
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) copy[key] = key === shared ? field : copyJson(field);
  return copy as T;
}

/** The sheet's `rows` array, copied first if the running mutation does not own it yet. */
export function ownRows(sheet: Sheet): Sheet["rows"] {
  if (owned && !owned.has(sheet.rows)) {
    sheet.rows = sheet.rows.slice();
    owned.add(sheet.rows);
  }
  return sheet.rows;
}

/** Row `r` of rows the mutation owns (see `ownRows`), copied first if it is still shared; null if there is none. */
export function ownLine(rows: Sheet["rows"], r: number): Row | null {
  const line = rows[r] ?? null;
  if (!line || !owned || owned.has(line)) return line;
  const copy = line.slice();
  owned.add(copy);
  rows[r] = copy;
  return copy;
}

/** A new, empty row the mutation owns. */
export function newLine(): Row {
  const line: Row = [];
  owned?.add(line);
  return line;
}

/**
 * A grid for a second sheet holding the same rows (duplicateSheet). The rows become shared by both sheets, so the
 * mutation stops owning them: the next write to either sheet copies the row it touches instead of changing both.
 */
export function sharedRows(rows: Sheet["rows"]): Sheet["rows"] {
  if (!owned) return rows.map((line) => (line === null ? null : line.slice()));
  for (const line of rows) if (line) owned.delete(line);
  const copy = rows.slice();
  owned.add(copy);
  return copy;
}

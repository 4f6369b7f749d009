import { effectiveValue, formattedValue } from "./cell-render.ts";
import { badRequest } from "./errors.ts";
import { applyMask, type MaskTree } from "./field-mask.ts";
import type { Cell, ExtendedValue } from "./model.ts";

/** `CellData` as `batchUpdate` writes it (updateCells, repeatCell, appendCells) and `spreadsheets.get` returns it. */

const VALUE_KINDS = ["numberValue", "stringValue", "boolValue", "formulaValue", "errorValue"] as const;
const WRITABLE = ["userEnteredValue", "userEnteredFormat", "dataValidation", "note"] as const;

/**
 * The cell after writing `data` through `mask`. `stringValue` is stored as text and never read as a formula or a
 * number; `formulaValue` must start with "=".
 */
export function writeCellData(existing: Cell | undefined, data: unknown, mask: MaskTree, where: string): Cell {
  const source = (data ?? {}) as Record<string, unknown>;
  if (typeof source !== "object" || Array.isArray(source)) throw badRequest(`Invalid ${where}: expected CellData`);
  const value = source.userEnteredValue;
  if (value !== undefined) checkValue(value, `${where}.userEnteredValue`);
  const target = { ...existing } as Record<string, unknown>;
  const limited: MaskTree = mask["*"] === true ? Object.fromEntries(WRITABLE.map((k) => [k, true as const])) : mask;
  applyMask(target, source, limited);
  for (const key of Object.keys(target)) {
    if (!(WRITABLE as readonly string[]).includes(key)) delete target[key];
  }
  return target as Cell;
}

function checkValue(value: unknown, where: string): void {
  if (value === null || typeof value !== "object") throw badRequest(`Invalid ${where}: expected ExtendedValue`);
  const kinds = Object.keys(value).filter((k) => (VALUE_KINDS as readonly string[]).includes(k));
  if (kinds.length > 1)
    throw badRequest(`Invalid ${where}: oneof field 'value' is already set. Cannot set '${kinds[1]}'`);
  const v = value as ExtendedValue;
  if (v.formulaValue !== undefined && !String(v.formulaValue).startsWith("=")) {
    throw badRequest(`Invalid ${where}: formulaValue must start with '='`);
  }
}

/** The full CellData of a stored cell (includeGridData): entered and effective values, formatted text, format. */
export function cellDataJson(cell: Cell | undefined, locale: string): Record<string, unknown> {
  if (!cell) return {};
  const out: Record<string, unknown> = {};
  if (cell.userEnteredValue) out.userEnteredValue = cell.userEnteredValue;
  const effective = effectiveValue(cell);
  if (effective) out.effectiveValue = effective;
  const formatted = formattedValue(cell, locale);
  if (formatted !== undefined) out.formattedValue = formatted;
  if (cell.userEnteredFormat) out.userEnteredFormat = cell.userEnteredFormat;
  if (cell.dataValidation) out.dataValidation = cell.dataValidation;
  if (cell.note !== undefined) out.note = cell.note;
  return out;
}

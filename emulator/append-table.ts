import type { A1Target } from "./a1.ts";
import { hasValue } from "./grid.ts";
import type { Rect, Sheet } from "./model.ts";

/**
 * The "table" `values.append` writes after, found as Google describes it: start at the first value inside the
 * requested range and grow the block while the row above or below, or the column left or right, holds a value.
 * `Sheet1!A1` on a tab whose data fills A1:G40 finds A1:G40, so the new rows go to A41.
 */
export function findTable(target: A1Target): Rect | undefined {
  const { sheet } = target;
  const origin = firstValue(sheet, target);
  if (!origin) return undefined;
  let [top, bottom, left, right] = [origin.row, origin.row, origin.col, origin.col];
  const rowHas = (r: number) => r >= 0 && rangeHasValue(sheet, r, r + 1, left, right + 1);
  const colHas = (c: number) => c >= 0 && rangeHasValue(sheet, top, bottom + 1, c, c + 1);
  // Grow each way as far as it goes before trying the others, so a long table costs rows × columns, not rows².
  for (let changed = true; changed; ) {
    changed = false;
    while (rowHas(top - 1)) [top, changed] = [top - 1, true];
    while (rowHas(bottom + 1)) [bottom, changed] = [bottom + 1, true];
    while (left > 0 && colHas(left - 1)) [left, changed] = [left - 1, true];
    while (colHas(right + 1)) [right, changed] = [right + 1, true];
  }
  return { sheet, startRow: top, endRow: bottom + 1, startCol: left, endCol: right + 1 };
}

function firstValue(sheet: Sheet, target: A1Target): { row: number; col: number } | undefined {
  const { bounds } = target;
  const lastRow = Math.min(bounds.endRow ?? Infinity, sheet.rows.length);
  for (let r = bounds.startRow; r < lastRow; r++) {
    const line = sheet.rows[r] ?? [];
    for (let c = bounds.startCol; c < Math.min(bounds.endCol ?? Infinity, line.length); c++) {
      if (hasValue(line[c] ?? undefined)) return { row: r, col: c };
    }
  }
  return undefined;
}

function rangeHasValue(sheet: Sheet, r0: number, r1: number, c0: number, c1: number): boolean {
  for (let r = r0; r < Math.min(r1, sheet.rows.length); r++) {
    const line = sheet.rows[r];
    if (!line) continue;
    for (let c = c0; c < Math.min(c1, line.length); c++) if (hasValue(line[c] ?? undefined)) return true;
  }
  return false;
}

/**
 * Finding columns by header text (SPEC §2): in any order, typed with or without diacritics, extra columns ignored.
 * Done once per tab, so the row loops only index arrays.
 */
import { cellRef, quoteTab } from "./a1.ts";
import { cellText } from "./cell.ts";
import { compactLabelKey, labelKey } from "./normalise.ts";
import type { ColumnSpec } from "./tabs.ts";
import { ContractError, type RawCell } from "./types.ts";

/** The 0-based column of every expected header; -1 for an optional column the tab does not have. */
export type ColumnIndex<K extends string> = Record<K, number>;

/**
 * Locates the expected columns in a header row. A header matches when it is the same after normalisation as the
 * expected header or one of its aliases (`Mã đơn vị cấp trên` for `Đơn vị cấp trên`); failing
 * any such header, when it is the same without diacritics, spaces and punctuation (so `Nam` is `Năm` only if no
 * column is headed `Năm`).
 *
 * Throws ContractError for a missing required column (`Trang tính "Đăng ký" thiếu cột bắt buộc "Năm"`) or for two
 * columns read as the same header (`Trang tính "Đăng ký" có hai cột "Năm" ('Đăng ký'!B1 và 'Đăng ký'!F1)`).
 */
export function locateColumns<K extends string>(
  tab: string,
  headerRow: readonly RawCell[] | undefined,
  columns: readonly ColumnSpec<K>[],
): ColumnIndex<K> {
  const hitsOf = headerHits(headerRow, columns);
  const index = {} as ColumnIndex<K>;
  const missing: string[] = [];
  columns.forEach((spec, i) => {
    const [first, second] = hitsOf[i] ?? [];
    if (second !== undefined) {
      const cells = `${cellRef(tab, 1, first ?? 0)} và ${cellRef(tab, 1, second)}`;
      throw new ContractError(`Trang tính "${tab}" có hai cột "${spec.header}" (${cells})`, cellRef(tab, 1, second));
    }
    if (first === undefined && spec.required) missing.push(`"${spec.header}"`);
    index[spec.key] = first ?? -1;
  });
  if (missing.length > 0) {
    throw new ContractError(`Trang tính "${tab}" thiếu cột bắt buộc ${missing.join(", ")}`, `${quoteTab(tab)}!1:1`);
  }
  return index;
}

/**
 * Every column of the header row read as each expected column (by the rules of `locateColumns`), in sheet order:
 * the exact matches when there are any, else the matches without diacritics, spaces and punctuation. An empty list
 * for a column the row does not have; more than one when the row has it twice.
 *
 * @example headerHits(["STT", "Nam", "Năm"], [{ key: "year", header: "Năm", required: true }]) // → [[2]]
 */
export function headerHits(headerRow: readonly RawCell[] | undefined, columns: readonly ColumnSpec[]): number[][] {
  const exactHits: number[][] = columns.map(() => []);
  const looseHits: number[][] = columns.map(() => []);
  const exactKeys = new Map<string, number>();
  const looseKeys = new Map<string, number>();
  columns.forEach((c, i) => {
    for (const header of [c.header, ...(c.aliases ?? [])]) {
      exactKeys.set(labelKey(header), i);
      looseKeys.set(compactLabelKey(header), i);
    }
  });
  (headerRow ?? []).forEach((cell, column) => {
    const text = cellText(cell);
    if (text.trim() === "") return;
    const exact = exactKeys.get(labelKey(text));
    if (exact !== undefined) {
      exactHits[exact]?.push(column);
      return;
    }
    const loose = looseKeys.get(compactLabelKey(text));
    if (loose !== undefined) looseHits[loose]?.push(column);
  });
  return columns.map((_, i) => {
    const exact = exactHits[i] ?? [];
    return exact.length > 0 ? exact : (looseHits[i] ?? []);
  });
}

/** The columns a row is read from, for telling a blank row apart (extra columns such as `STT` do not count). */
export function usedColumns(index: ColumnIndex<string>): number[] {
  return Object.values(index).filter((c) => c >= 0);
}

/**
 * Reading the cells of one row and collecting every cell that cannot be read (SPEC §4: the row is left out and each
 * bad cell is listed in `Lỗi dữ liệu`). One collector serves a whole tab, so the row loop allocates no closures.
 */
import { cellRef } from "./a1.ts";
import { cellText, isEmptyCell, type CellReader } from "./cell.ts";
import { codeOf, readCode, readText, textOf } from "./text-cells.ts";
import type { DataError, RawCell } from "./types.ts";

export class RowProblems {
  /** The 1-based sheet row being read. */
  row = 0;
  /** How many bad cells the current row has: the record is built only when this is 0. */
  count = 0;
  /** Where the current row's errors start in `errors`. */
  #firstError = 0;
  /** The unit of the current row, once `belongsTo` said it. */
  #unitCode: string | null = null;

  readonly tab: string;
  readonly errors: DataError[];

  // No parameter properties: Node's type stripping (the benchmark scripts) does not support them.
  constructor(tab: string, errors: DataError[]) {
    this.tab = tab;
    this.errors = errors;
  }

  /** Starts a new row. */
  start(sheetRow: number): void {
    this.row = sheetRow;
    this.count = 0;
    this.#firstError = this.errors.length;
    this.#unitCode = null;
  }

  /**
   * Says which unit the current row belongs to (its `Mã đơn vị`, null when unreadable): every error of the row
   * listed so far, and any listed later, carries it, so a unit's page can show the errors of its rows.
   */
  belongsTo(unitCode: string | null): void {
    this.#unitCode = unitCode;
    if (unitCode === null) return;
    for (let i = this.#firstError; i < this.errors.length; i++) this.errors[i]!.unitCode = unitCode;
  }

  /** Lists one bad cell of the current row. */
  report(column: number, cell: RawCell | undefined, message: string): void {
    this.warn(column, cell, message);
    this.count++;
  }

  /** Lists a cell that is wrong but does not cost the row its place in scoring (the reader says what it did). */
  warn(column: number, cell: RawCell | undefined, message: string): void {
    const error: DataError = {
      tab: this.tab,
      cell: cellRef(this.tab, this.row, column),
      value: cellText(cell),
      message,
    };
    if (this.#unitCode !== null) error.unitCode = this.#unitCode;
    this.errors.push(error);
  }

  /** The value of an optional cell (null when empty or when the tab has no such column), or null after reporting it. */
  optional<T>(row: readonly RawCell[], column: number, read: CellReader<T>): T | null {
    if (column < 0) return null;
    const cell = row[column];
    const result = read(cell);
    if (result.ok) return result.value;
    this.report(column, cell, result.message);
    return null;
  }

  /** The value of a required cell, or null after reporting it (unreadable, or empty: `Ô bắt buộc "Năm" đang để trống`). */
  required<T>(row: readonly RawCell[], column: number, read: CellReader<T>, header: string): T | null {
    const cell = row[column];
    const result = read(cell);
    if (!result.ok) this.report(column, cell, result.message);
    else if (result.value === null) this.report(column, cell, `Ô bắt buộc "${header}" đang để trống`);
    else return result.value;
    return null;
  }

  // Codes and free text are most of the cells of a province. These four read them as plain values (`codeOf`,
  // `textOf`), building no result object per cell, and hand the rare empty or unreadable cell to `optional` and
  // `required` above, so what is reported is exactly what `readCode` and `readText` would report.

  /** `optional(row, column, readCode)`. */
  optionalCode(row: readonly RawCell[], column: number): string | null {
    if (column < 0) return null;
    const code = codeOf(row[column]);
    return code !== undefined ? code : this.optional(row, column, readCode);
  }

  /** `required(row, column, readCode, header)`. */
  requiredCode(row: readonly RawCell[], column: number, header: string): string | null {
    const code = codeOf(row[column]);
    return code !== undefined && code !== null ? code : this.required(row, column, readCode, header);
  }

  /** `optional(row, column, readText)`. */
  optionalText(row: readonly RawCell[], column: number): string | null {
    return column < 0 ? null : textOf(row[column]);
  }

  /** `required(row, column, readText, header)`. */
  requiredText(row: readonly RawCell[], column: number, header: string): string | null {
    const text = textOf(row[column]);
    return text !== null ? text : this.required(row, column, readText, header);
  }

  /**
   * What `requiredText` reports, without reading the text (always null): for a row that is checked but not kept,
   * whose free text can only be wrong by being empty.
   */
  requiredTextChecked(row: readonly RawCell[], column: number, header: string): null {
    if (isEmptyCell(row[column])) this.required(row, column, readText, header);
    return null;
  }
}

/**
 * Where each code was first seen, per year: SPEC §4 makes the later of two rows the error (a `Mã mô hình` twice in
 * one year, a `Mã đơn vị` twice). Codes without a year use one year for all.
 */
export class FirstSeen {
  readonly #years = new Map<number, CodesOfYear>();

  /** Records `code` of `year` at `sheetRow`; returns the earlier row when it was already seen there. */
  earlier(year: number, code: string, sheetRow: number): number | undefined {
    let seen = this.#years.get(year);
    if (seen === undefined) this.#years.set(year, (seen = new CodesOfYear()));
    return seen.earlier(code, sheetRow);
  }
}

/**
 * The codes of one year and the row of each. Tens of thousands of codes are recorded per read and nearly all are
 * new, so a code is only added to a Set (one hash-table operation, two slots per entry) and its row to a list; the
 * map from code to row is built from the list at the first repeated code, and kept up to date from then on.
 */
class CodesOfYear {
  readonly #codes = new Set<string>();
  readonly #order: string[] = [];
  readonly #rows: number[] = [];
  #rowOf: Map<string, number> | null = null;

  earlier(code: string, sheetRow: number): number | undefined {
    const size = this.#codes.size;
    if (this.#codes.add(code).size > size) {
      if (this.#rowOf !== null) this.#rowOf.set(code, sheetRow);
      else {
        this.#order.push(code);
        this.#rows.push(sheetRow);
      }
      return undefined;
    }
    if (this.#rowOf === null) {
      this.#rowOf = new Map();
      this.#order.forEach((c, i) => this.#rowOf?.set(c, this.#rows[i] ?? 0));
    }
    return this.#rowOf.get(code);
  }
}

/**
 * Reads the `Đơn vị` tab (SPEC §2.1) into units.
 *
 * A repeated `Mã đơn vị` is an error on the later row. An unknown `Đơn vị cấp trên` is listed as an error too, but
 * the unit is kept (with no parent): leaving it out would also drop every registration of the unit, for a mistake
 * that only affects which xã its tổ dân vận count toward.
 */
import type { Unit } from "../scoring/types.ts";
import { isBlankRow } from "./cell.ts";
import { locateColumns, usedColumns, type ColumnIndex } from "./headers.ts";
import { RowProblems } from "./rows.ts";
import { SharedReading } from "./shared-reading.ts";
import { UNIT_COLUMNS, UNITS_TAB } from "./tabs.ts";
import { codeOf } from "./text-cells.ts";
import type { DataError, RawGrid } from "./types.ts";
import { readUnitType } from "./vocabulary.ts";
import { readYesNo } from "./yes-no.ts";

export type UnitColumns = ColumnIndex<(typeof UNIT_COLUMNS)[number]["key"]>;

/** The units read, and what the other tabs need to check their `Mã đơn vị`. */
export interface UnitsRead {
  units: Unit[];
  errors: DataError[];
  /** Codes of the units read. */
  known: Set<string>;
  /**
   * Codes of unit rows left out for an error, with where that row is (`SharedReading.at`: its spreadsheet and sheet
   * row): their registrations cannot be scored either.
   */
  rejected: Map<string, number>;
}

/** The columns of the `Đơn vị` tab; throws ContractError for a missing or doubled header. */
export function unitColumns(tab: string, grid: RawGrid): UnitColumns {
  return locateColumns(tab, grid[0], UNIT_COLUMNS);
}

/**
 * Reads every unit row. `tab` is the title as found in the spreadsheet (it names the cells of the errors).
 *
 * @example readUnits("Đơn vị", [["Mã đơn vị", "Tên đơn vị", "Loại đơn vị"], ["x01", "Xã A", "Xã"]]).units[0].code
 *   // → "X01"
 */
export function readUnits(
  tab: string,
  grid: RawGrid,
  options: {
    source?: string;
    columns?: UnitColumns;
    /**
     * What the spreadsheets of a merged run share, with every `Đơn vị` tab's codes already in `typedUnitCodes`
     * (see `recordTypedUnitCodes`); absent for a spreadsheet read on its own.
     */
    shared?: SharedReading;
    /** The spreadsheet's index in the run (0: the main one). */
    index?: number;
  } = {},
): UnitsRead {
  const cols = options.columns ?? unitColumns(tab, grid);
  const source = options.source ?? "";
  const index = options.index ?? 0;
  const shared = options.shared ?? recordTypedUnitCodes(grid, cols, new SharedReading());
  const used = usedColumns(cols);
  const errors: DataError[] = [];
  const p = new RowProblems(tab, errors);
  const rejected = new Map<string, number>();
  const units: Unit[] = [];

  for (let r = 1; r < grid.length; r++) {
    const row = grid[r];
    if (row === undefined || isBlankRow(row, used)) continue;
    p.start(r + 1);
    const code = p.requiredCode(row, cols.code, "Mã đơn vị");
    p.belongsTo(code);
    const name = p.requiredText(row, cols.name, "Tên đơn vị");
    const type = p.required(row, cols.type, readUnitType, "Loại đơn vị");
    let parentCode = p.optionalCode(row, cols.parentCode);
    const cluster = p.optionalText(row, cols.cluster);
    const titleParticipation = p.optional(row, cols.titleParticipation, readYesNo);
    const first = code !== null ? shared.units.earlier(0, code, shared.at(index, p.row)) : undefined;
    if (first !== undefined)
      p.report(cols.code, row[cols.code], `Mã đơn vị "${code}" bị trùng với ${shared.rowName(first, index)}`);
    if (p.count > 0) {
      if (code !== null && !rejected.has(code)) rejected.set(code, shared.at(index, p.row));
      continue;
    }
    if (parentCode !== null && (parentCode === code || !shared.typedUnitCodes.has(parentCode))) {
      const problem =
        parentCode === code
          ? "Đơn vị cấp trên không thể là chính đơn vị này"
          : `Không có đơn vị mã "${parentCode}" trong trang tính "${UNITS_TAB}"`;
      p.warn(
        cols.parentCode,
        row[cols.parentCode],
        `${problem}; đơn vị vẫn được chấm nhưng không thuộc đơn vị cấp trên nào`,
      );
      parentCode = null;
    }
    const group = cluster === null ? null : shared.cluster(cluster);
    units.push({
      ref: { source, row: p.row },
      code: code!,
      name: name!,
      type: type!,
      parentCode,
      cluster: group,
      titleParticipation,
    });
  }
  return { units, errors, known: new Set(units.map((u) => u.code)), rejected };
}

/**
 * Adds every code typed in a `Đơn vị` tab, readable as a unit or not, to `shared.typedUnitCodes`, so that a parent
 * listed below its children (or in another spreadsheet of the run) is known. Returns `shared`.
 */
export function recordTypedUnitCodes(grid: RawGrid, cols: UnitColumns, shared: SharedReading): SharedReading {
  for (let r = 1; r < grid.length; r++) {
    const code = codeOf(grid[r]?.[cols.code]);
    if (code !== null && code !== undefined) shared.typedUnitCodes.add(code);
  }
  return shared;
}

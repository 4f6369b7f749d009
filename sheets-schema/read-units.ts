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
import { normalise } from "./normalise.ts";
import { FirstSeen, RowProblems } from "./rows.ts";
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
  /** Codes of unit rows left out for an error, with their sheet row: their registrations cannot be scored either. */
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
    /** Codes of units typed in the other spreadsheets of a merged run: a `Đơn vị cấp trên` may name one of them. */
    elsewhere?: ReadonlySet<string>;
  } = {},
): UnitsRead {
  const cols = options.columns ?? unitColumns(tab, grid);
  const source = options.source ?? "";
  const used = usedColumns(cols);
  const errors: DataError[] = [];
  const p = new RowProblems(tab, errors);
  const codes = new FirstSeen();
  const rejected = new Map<string, number>();
  // A cluster typed differently on different rows (`Cụm 1`, `cụm  1`) is one group, named as first typed.
  const clusters = new Map<string, string>();
  // Thousands of units share a few hundred clusters: normalise each spelling once.
  const clusterKeys = new Map<string, string>();
  const units: Unit[] = [];
  // Every code typed, so that a parent listed below its children is known.
  const allCodes = new Set<string>();
  for (let r = 1; r < grid.length; r++) {
    const code = codeOf(grid[r]?.[cols.code]);
    if (code !== null && code !== undefined) allCodes.add(code);
  }

  for (let r = 1; r < grid.length; r++) {
    const row = grid[r];
    if (row === undefined || isBlankRow(row, used)) continue;
    p.start(r + 1);
    const code = p.requiredCode(row, cols.code, "Mã đơn vị");
    const name = p.requiredText(row, cols.name, "Tên đơn vị");
    const type = p.required(row, cols.type, readUnitType, "Loại đơn vị");
    let parentCode = p.optionalCode(row, cols.parentCode);
    const cluster = p.optionalText(row, cols.cluster);
    const titleParticipation = p.optional(row, cols.titleParticipation, readYesNo);
    const firstRow = code !== null ? codes.earlier(0, code, p.row) : undefined;
    if (firstRow !== undefined) p.report(cols.code, row[cols.code], `Mã đơn vị "${code}" bị trùng với dòng ${firstRow}`);
    if (p.count > 0) {
      if (code !== null && !rejected.has(code)) rejected.set(code, p.row);
      continue;
    }
    if (parentCode !== null && (parentCode === code || !(allCodes.has(parentCode) || options.elsewhere?.has(parentCode)))) {
      const problem =
        parentCode === code
          ? "Đơn vị cấp trên không thể là chính đơn vị này"
          : `Không có đơn vị mã "${parentCode}" trong trang tính "${UNITS_TAB}"`;
      p.warn(cols.parentCode, row[cols.parentCode], `${problem}; đơn vị vẫn được chấm nhưng không thuộc đơn vị cấp trên nào`);
      parentCode = null;
    }
    let group: string | null = null;
    if (cluster !== null) {
      let key = clusterKeys.get(cluster);
      if (key === undefined) clusterKeys.set(cluster, (key = normalise(cluster)));
      group = clusters.get(key) ?? cluster;
      clusters.set(key, group);
    }
    units.push({ ref: { source, row: p.row }, code: code!, name: name!, type: type!, parentCode, cluster: group, titleParticipation });
  }
  return { units, errors, known: new Set(units.map((u) => u.code)), rejected };
}

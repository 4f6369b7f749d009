/**
 * Reads the `Đăng ký` tab (SPEC §2.2) into registrations of every year.
 *
 * Besides unreadable cells, a row is left out and listed when its `Mã đơn vị` is not a unit, when its `Mã mô hình`
 * was already registered for the same year higher up (the later row is the error), or when it has more votes in
 * favour than votes cast.
 */
import type { Registration } from "../scoring/types.ts";
import { isBlankRow } from "./cell.ts";
import { readDate } from "./dates.ts";
import { locateColumns, usedColumns, type ColumnIndex } from "./headers.ts";
import { readYear, wholeCountReader } from "./numbers.ts";
import { RowProblems } from "./rows.ts";
import { SharedReading } from "./shared-reading.ts";
import { REGISTRATION_COLUMNS } from "./tabs.ts";
import type { DataError, RawGrid } from "./types.ts";
import { unitCodeProblem, type UnitDirectory } from "./unit-directory.ts";
import { readField, readForm, readKind, readSpread } from "./vocabulary.ts";
import { readYesNo } from "./yes-no.ts";

/** A registration row left out for a data error, whose year and unit could be read. */
export interface RejectedRow {
  year: number;
  unitCode: string;
}

export type RegistrationColumns = ColumnIndex<(typeof REGISTRATION_COLUMNS)[number]["key"]>;

const readVotes = wholeCountReader("Số phiếu");

/** The columns of the `Đăng ký` tab; throws ContractError for a missing or doubled header. */
export function registrationColumns(tab: string, grid: RawGrid): RegistrationColumns {
  return locateColumns(tab, grid[0], REGISTRATION_COLUMNS);
}

/** How `readRegistrations` and a RegistrationReader read. */
export interface RegistrationReadOptions {
  source?: string;
  columns?: RegistrationColumns;
  years?: readonly number[];
  /** What the spreadsheets of a merged run share (codes met in an earlier one); absent for one read alone. */
  shared?: SharedReading;
  /** The spreadsheet's index in the run (0: the main one). */
  index?: number;
}

/**
 * Reads every registration row; `units` says which `Mã đơn vị` exist. `tab` is the title as found in the
 * spreadsheet (it names the cells of the errors). With `options.years`, only the registrations of those years are
 * returned; the rows of other years are read and checked all the same.
 */
export function readRegistrations(
  tab: string,
  grid: RawGrid,
  units: UnitDirectory,
  options: RegistrationReadOptions = {},
): { registrations: Registration[]; errors: DataError[]; rejected: RejectedRow[] } {
  const reader = new RegistrationReader(tab, options.columns ?? registrationColumns(tab, grid), units, options);
  reader.readRows(grid, 0);
  return { registrations: reader.registrations, errors: reader.errors, rejected: reader.rejected };
}

/**
 * `readRegistrations` for a tab that arrives in blocks of rows (a province's `Đăng ký` is read in several calls):
 * each block is read into records as it comes and can then be let go, so the whole grid is never held at once.
 * Blocks must come in sheet order; what is read is what `readRegistrations` reads from the whole grid.
 */
export class RegistrationReader {
  readonly registrations: Registration[] = [];
  readonly errors: DataError[] = [];
  readonly rejected: RejectedRow[] = [];

  readonly #cols: RegistrationColumns;
  readonly #used: number[];
  readonly #units: UnitDirectory;
  readonly #source: string;
  readonly #years: readonly number[] | undefined;
  readonly #index: number;
  readonly #shared: SharedReading;
  readonly #p: RowProblems;

  constructor(tab: string, columns: RegistrationColumns, units: UnitDirectory, options: RegistrationReadOptions = {}) {
    this.#cols = columns;
    this.#used = usedColumns(columns);
    this.#units = units;
    this.#source = options.source ?? "";
    this.#years = options.years;
    this.#index = options.index ?? 0;
    this.#shared = options.shared ?? new SharedReading();
    this.#p = new RowProblems(tab, this.errors);
  }

  /** Reads `rows`, the first of which is the tab's row at 0-based index `start` (0: the header, skipped). */
  readRows(rows: RawGrid, start: number): void {
    const cols = this.#cols;
    const used = this.#used;
    const units = this.#units;
    const source = this.#source;
    const years = this.#years;
    const index = this.#index;
    const shared = this.#shared;
    const p = this.#p;
    const registrations = this.registrations;
    const rejected = this.rejected;

    for (let i = start === 0 ? 1 : 0; i < rows.length; i++) {
      const row = rows[i];
      if (row === undefined || isBlankRow(row, used)) continue;
      p.start(start + i + 1);
      const modelId = p.optionalCode(row, cols.modelId);
      const year = p.required(row, cols.year, readYear, "Năm");
      // A row of a year not kept is checked all the same, but its free text, which can only be wrong by being empty,
      // is not read: tidying the names of every year was a tenth of the time of reading a province.
      const kept = years === undefined || (year !== null && years.includes(year));
      const unitCode = p.requiredCode(row, cols.unitCode, "Mã đơn vị");
      p.belongsTo(unitCode);
      const name = kept
        ? p.requiredText(row, cols.name, "Tên mô hình, điển hình")
        : p.requiredTextChecked(row, cols.name, "Tên mô hình, điển hình");
      const kind = p.required(row, cols.kind, readKind, "Loại");
      const field = p.required(row, cols.field, readField, "Lĩnh vực");
      const form = p.required(row, cols.form, readForm, "Hình thức");
      const registeredOn = p.optional(row, cols.registeredOn, readDate);
      const reportedOn = p.optional(row, cols.reportedOn, readDate);
      const publicVote = p.optional(row, cols.publicVote, readYesNo);
      const votesFor = p.optional(row, cols.votesFor, readVotes);
      const votesCast = p.optional(row, cols.votesCast, readVotes);
      const acknowledged = p.optional(row, cols.acknowledged, readYesNo);
      const spread = p.optional(row, cols.spread, readSpread);
      const committeeRecognised = p.optional(row, cols.committeeRecognised, readYesNo);
      const note = kept ? p.optionalText(row, cols.note) : null;

      if (unitCode !== null) {
        const problem = unitCodeProblem(units, unitCode, shared, index);
        if (problem !== null) p.report(cols.unitCode, row[cols.unitCode], problem);
      }
      const first =
        modelId !== null && year !== null ? shared.models.earlier(year, modelId, shared.at(index, p.row)) : undefined;
      if (first !== undefined) {
        const message = `Mã mô hình "${modelId}" của năm ${year} bị trùng với ${shared.rowName(first, index)}`;
        p.report(cols.modelId, row[cols.modelId], message);
      }
      if (votesFor !== null && votesCast !== null && votesFor > votesCast) {
        p.report(
          cols.votesFor,
          row[cols.votesFor],
          `Số phiếu đồng ý (${votesFor}) lớn hơn tổng số phiếu (${votesCast})`,
        );
      }
      if (p.count > 0 && year !== null && unitCode !== null) rejected.push({ year, unitCode });
      if (p.count > 0 || !kept) continue;

      registrations.push({
        ref: { source, row: p.row },
        modelId,
        year: year!,
        unitCode: unitCode!,
        name: name!,
        kind: kind!,
        field: field!,
        form: form!,
        registeredOn,
        reportedOn,
        publicVote: publicVote ?? false, // empty is no (SPEC §4)
        votesFor,
        votesCast,
        acknowledged: acknowledged ?? false,
        spread,
        committeeRecognised: committeeRecognised ?? false,
        note: note ?? "",
      });
    }
  }
}

/**
 * What the readers of one run share across its spreadsheets. A run reads the main spreadsheet and the sources of
 * `Nguồn dữ liệu` as if they were one spreadsheet (SPEC §2.5), so whatever a reader compares between rows — a code
 * met twice, two spellings of one emulation cluster — is compared over the whole run, not within one spreadsheet.
 * A run of a single spreadsheet is a run of one source: the same object, with one name.
 */
import { normalise } from "./normalise.ts";
import { FirstSeen } from "./rows.ts";

/** Rows of one spreadsheet, at most (Google caps a spreadsheet at 10 million cells). */
const ROWS_PER_SPREADSHEET = 2 ** 24;

export class SharedReading {
  /** Where each `Mã đơn vị` was first typed (under year 0), in any `Đơn vị` tab of the run. */
  readonly units = new FirstSeen();
  /** Where each `Mã mô hình` of a year was first typed. */
  readonly models = new FirstSeen();
  /** Where each `Mã tổ` of a year was first typed. */
  readonly teams = new FirstSeen();
  /** Every code typed in a `Đơn vị` tab of the run, readable or not: a `Đơn vị cấp trên` may name any of them. */
  readonly typedUnitCodes = new Set<string>();

  /** How messages call each spreadsheet, in run order: "" for the main one, then `Tên nguồn` (or the id). */
  readonly #names: readonly string[];
  /** A cluster typed differently (`Cụm 1`, `cụm  1`) in any spreadsheet is one group, named as first typed. */
  readonly #clusters = new Map<string, string>();
  /** Thousands of units share a few hundred cluster spellings: each is normalised once. */
  readonly #clusterKeys = new Map<string, string>();

  constructor(names: readonly string[] = [""]) {
    this.#names = names;
  }

  /** The position of sheet row `row` of spreadsheet `source` (its index in the run), as FirstSeen records it. */
  at(source: number, row: number): number {
    return source * ROWS_PER_SPREADSHEET + row;
  }

  /**
   * How a reader of spreadsheet `from` names the earlier row at `position`.
   *
   * @example new SharedReading(["", "Huyện A"]).rowName(new SharedReading().at(1, 12), 0) // → 'dòng 12 của nguồn "Huyện A"'
   * @example shared.rowName(shared.at(0, 12), 0) // → "dòng 12"
   */
  rowName(position: number, from: number): string {
    const source = Math.floor(position / ROWS_PER_SPREADSHEET);
    const row = position % ROWS_PER_SPREADSHEET;
    if (source === from) return `dòng ${row}`;
    return source === 0 ? `dòng ${row} của bảng tính chính` : `dòng ${row} của nguồn "${this.#names[source] ?? ""}"`;
  }

  /**
   * The ranking group of a cluster as typed: the spelling first met in the run for the same normalised text.
   *
   * @example shared.cluster("Cụm 1"); shared.cluster(" cụm  1 ") // → "Cụm 1"
   */
  cluster(typed: string): string {
    let key = this.#clusterKeys.get(typed);
    if (key === undefined) this.#clusterKeys.set(typed, (key = normalise(typed)));
    const group = this.#clusters.get(key);
    if (group !== undefined) return group;
    this.#clusters.set(key, typed);
    return typed;
  }
}

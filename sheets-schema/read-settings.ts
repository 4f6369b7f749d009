/**
 * Reads the `Cấu hình` tab (SPEC §2.4): one parameter per row (`Tham số`, `Giá trị`), every parameter defaulting to
 * `DEFAULT_SETTINGS`. Unlike the data tabs, any problem here stops the run (ContractError naming the cell): a wrong
 * rule would silently change every verdict.
 *
 * A parameter whose `Giá trị` is empty keeps its default. Weights are percentage points: `50` or `50%` is 50.
 */
import { formatNumber, formatPercent } from "../scoring/format.ts";
import { SPREAD_LABEL, TITLE_ALLOCATION_LABEL, yesNoLabel } from "../scoring/labels.ts";
import { DEFAULT_SETTINGS, settingsProblems } from "../scoring/settings.ts";
import type { DayMonth, Settings } from "../scoring/types.ts";
import { cellRef, quoteTab } from "./a1.ts";
import {
  cellText,
  EMPTY,
  fail,
  isBlankRow,
  isEmptyCell,
  ok,
  quoted,
  type CellReader,
  type CellResult,
} from "./cell.ts";
import { readDayMonth } from "./dates.ts";
import { BY_YEAR, readStage, STAGE_BY_YEAR } from "./read-stage.ts";
import { locateColumns, usedColumns, type ColumnIndex } from "./headers.ts";
import { compactLabelKey, labelKey } from "./normalise.ts";
import { percentText, readShare, wholeCountReader } from "./numbers.ts";
import { SETTING_COLUMNS } from "./tabs.ts";
import { ContractError, type RawCell, type RawGrid } from "./types.ts";
import { readSpread, readTitleAllocation } from "./vocabulary.ts";
import { readYesNo } from "./yes-no.ts";

export type SettingColumns = ColumnIndex<(typeof SETTING_COLUMNS)[number]["key"]>;

/** One parameter: its name as in SPEC §2.4, how a read value is put into the settings, and how it is written. */
interface Parameter {
  name: string;
  /** Applies the cell to the settings; returns why it cannot, or null. An empty cell changes nothing. */
  apply: (settings: Settings, cell: RawCell | undefined) => string | null;
  /** The parameter's value in `settings` as one would type it in `Giá trị`; `apply` reads it back to the same value. */
  show: (settings: Settings) => string;
}

function parameter<T>(
  name: string,
  read: CellReader<T>,
  set: (s: Settings, value: T) => void,
  show: (s: Settings) => string,
): Parameter {
  return {
    name,
    show,
    apply(settings, cell) {
      const result = read(cell);
      if (!result.ok) return result.message;
      if (result.value !== null) set(settings, result.value);
      return null;
    },
  };
}

/**
 * A score weight in percentage points, 0 to 100: `40`, `40%` and `0,4` are 40. A cell typed `40%` reaches the Worker
 * as the number 0.4 (Sheets keeps a percentage as its fraction), so, as for shares, a number above 0 and at most 1
 * typed without `%` is a fraction: nobody weights a part of the score at one point or less.
 */
function readWeight(cell: RawCell | undefined): CellResult<number | null> {
  if (isEmptyCell(cell)) return EMPTY;
  const typed =
    typeof cell === "number" ? { n: cell, percent: false } : typeof cell === "string" ? percentText(cell) : null;
  // toFixed: 0.3 × 100 is 30.000000000000004, which would show in the score parts.
  const n =
    typed === null
      ? null
      : !typed.percent && typed.n > 0 && typed.n <= 1
        ? Number((typed.n * 100).toFixed(9))
        : typed.n;
  if (n === null || !Number.isFinite(n) || n < 0 || n > 100)
    return fail(`Trọng số ${quoted(cell)} phải là số từ 0 đến 100`);
  return ok(n);
}

/** The settings' numeric parameters, by kind: each reads with its reader and is written back as it reads. */
type NumberKey = { [K in keyof Settings]: Settings[K] extends number ? K : never }[keyof Settings];
type WeightKey = keyof Settings["weights"];

const dayMonth = (name: string, key: "registrationDeadline" | "reportDeadline" | "sixMonthCutoff") =>
  parameter(
    name,
    readDayMonth,
    (s, v) => (s[key] = v),
    (s) => formatDayMonth(s[key]),
  );
const yesNo = (name: string, key: "reportInFollowingYear" | "requireCommitteeRecognition") =>
  parameter(
    name,
    readYesNo,
    (s, v) => (s[key] = v),
    (s) => yesNoLabel(s[key]),
  );
const share = (name: string, key: NumberKey) =>
  parameter(
    name,
    readShare,
    (s, v) => (s[key] = v),
    (s) => formatPercent(s[key]),
  );
const count = (name: string, key: NumberKey) =>
  parameter(
    name,
    wholeCountReader(name),
    (s, v) => (s[key] = v),
    (s) => formatNumber(s[key]),
  );
const weight = (name: string, key: WeightKey) =>
  parameter(
    name,
    readWeight,
    (s, v) => (s.weights[key] = v),
    (s) => formatNumber(s.weights[key]),
  );

/** Every parameter of SPEC §2.4, in its order. */
export const PARAMETERS: readonly Parameter[] = [
  dayMonth("Hạn đăng ký", "registrationDeadline"),
  dayMonth("Hạn báo cáo", "reportDeadline"),
  yesNo("Báo cáo vào năm sau", "reportInFollowingYear"),
  share("Tỷ lệ đồng ý phải trên", "approvalShareAbove"),
  parameter(
    "Sức lan tỏa tối thiểu",
    readSpread,
    (s, v) => (s.minimumSpread = v),
    (s) => SPREAD_LABEL[s.minimumSpread],
  ),
  yesNo("Yêu cầu cấp ủy công nhận", "requireCommitteeRecognition"),
  count("Số mô hình tối thiểu", "minimumModels"),
  count("Số mô hình mục tiêu", "targetModels"),
  count("Tối thiểu tập thể", "minimumCollective"),
  count("Tối thiểu cá nhân", "minimumIndividual"),
  count("Số lĩnh vực mục tiêu", "targetFields"),
  weight("Trọng số chỉ tiêu", "quota"),
  weight("Trọng số tỷ lệ công nhận", "recognitionRate"),
  weight("Trọng số bình chọn", "vote"),
  weight("Trọng số lĩnh vực", "fields"),
  share("Tỷ lệ danh hiệu tối thiểu", "titleShareMin"),
  share("Tỷ lệ danh hiệu tối đa", "titleShareMax"),
  count("Số tiêu biểu tối thiểu", "exemplaryMin"),
  count("Số tiêu biểu tối đa", "exemplaryMax"),
  share("Tổ dân vận tốt trên", "villageTeamGoodAbove"),
  share("Khối dân vận tốt trên", "communeBlocGoodAbove"),
  share("Độ phủ thôn, khu phố", "villageCoverage"),
  parameter(
    "Phân bổ suất danh hiệu",
    readTitleAllocation,
    (s, v) => (s.titleAllocation = v),
    (s) => TITLE_ALLOCATION_LABEL[s.titleAllocation],
  ),
  dayMonth("Ngày sơ kết 6 tháng", "sixMonthCutoff"),
  parameter(
    "Giai đoạn",
    readStage,
    (s, v) => (s.stage = v === BY_YEAR ? null : v),
    (s) => (s.stage === null ? STAGE_BY_YEAR : `${s.stage.first}-${s.stage.last}`),
  ),
];

/**
 * A day and month as typed in `Cấu hình`.
 *
 * @example formatDayMonth({ day: 31, month: 3 }) // → "31/03"
 */
export function formatDayMonth({ day, month }: DayMonth): string {
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}`;
}

const BY_NAME = new Map(PARAMETERS.map((p) => [labelKey(p.name), p]));
const BY_LOOSE_NAME = new Map(PARAMETERS.map((p) => [compactLabelKey(p.name), p]));
if (BY_LOOSE_NAME.size !== PARAMETERS.length)
  throw new Error("Cấu hình: two parameters share a name without diacritics");

/** The columns of the `Cấu hình` tab; throws ContractError for a missing or doubled header. */
export function settingColumns(tab: string, grid: RawGrid): SettingColumns {
  return locateColumns(tab, grid[0], SETTING_COLUMNS);
}

/**
 * Reads the settings; throws ContractError for an unknown parameter, a parameter given twice, a bad value, or
 * settings that contradict each other (`settingsProblems`, e.g. weights not summing to 100).
 *
 * @example readSettings("Cấu hình", [["Tham số", "Giá trị"], ["Hạn đăng ký", "10/10"]]).registrationDeadline
 *   // → { day: 10, month: 10 }
 */
export function readSettings(tab: string, grid: RawGrid, options: { columns?: SettingColumns } = {}): Settings {
  const cols = options.columns ?? settingColumns(tab, grid);
  const used = usedColumns(cols);
  const settings = structuredClone(DEFAULT_SETTINGS);
  const seen = new Map<Parameter, string>(); // → the cell it was first given in

  for (let r = 1; r < grid.length; r++) {
    const row = grid[r];
    if (row === undefined || isBlankRow(row, used)) continue;
    const nameCell = row[cols.name];
    const nameRef = cellRef(tab, r + 1, cols.name);
    const valueRef = cellRef(tab, r + 1, cols.value);
    if (isEmptyCell(nameCell)) stop(tab, `dòng ${r + 1} có giá trị nhưng chưa ghi tên tham số (${nameRef})`, nameRef);
    const name = cellText(nameCell);
    const param = BY_NAME.get(labelKey(name)) ?? BY_LOOSE_NAME.get(compactLabelKey(name));
    if (param === undefined) {
      const known = PARAMETERS.map((p) => p.name).join(", ");
      stop(tab, `không có tham số ${quoted(nameCell)} (${nameRef}); các tham số dùng được: ${known}`, nameRef);
    }
    const first = seen.get(param);
    if (first !== undefined) stop(tab, `tham số "${param.name}" được ghi hai lần (${first} và ${nameRef})`, nameRef);
    seen.set(param, nameRef);
    const problem = param.apply(settings, row[cols.value]);
    if (problem !== null) stop(tab, `giá trị của "${param.name}" không dùng được (${valueRef}): ${problem}`, valueRef);
  }

  const problems = settingsProblems(settings);
  if (problems.length > 0) stop(tab, problems.join(" "), quoteTab(tab));
  return settings;
}

function stop(tab: string, message: string, where: string): never {
  throw new ContractError(`Trang tính "${tab}": ${message}`, where);
}

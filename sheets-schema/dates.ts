/**
 * Date cells (SPEC §4): Sheets serial numbers (day 0 = 1899-12-30), `d/m/yyyy` with `/`, `-` or `.`, ISO
 * `yyyy-mm-dd`, and the written form `ngày 5 tháng 3 năm 2024`. Always day before month, as in Vietnam.
 *
 * Never guesses: an impossible date (`31/02/2024`) is an error, not 2 March; a two-digit year (`1/3/24`) is an error,
 * not 2024 or 1924; a date outside the years 1990–2200 is an error (most often a year or a count typed into a date
 * column, which as a serial number would be a date around 1905).
 */
import { daysInMonth } from "../scoring/dates.ts";
import type { DayMonth, IsoDate } from "../scoring/types.ts";
import { EMPTY, fail, isEmptyCell, memoised, ok, quoted, type CellResult } from "./cell.ts";
import { normalise, stripDiacritics, tidyText } from "./normalise.ts";
import type { RawCell } from "./types.ts";

export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2200;

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?`;
const DAY_MONTH_YEAR = new RegExp(String.raw`^(\d{1,2}) ?([/.-]) ?(\d{1,2}) ?\2 ?(\d+)${TIME}$`);
const YEAR_MONTH_DAY = new RegExp(String.raw`^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})${TIME}$`);
const WRITTEN = /^(?:ngay ?)?(\d{1,2}) ?thang ?(\d{1,2}) ?,? ?nam ?(\d+)$/;
const DAY_MONTH = /^(\d{1,2}) ?([/.-]) ?(\d{1,2})$/;
const LETTER = /[a-z]/i;

// Days from 1970-01-01 back to the Sheets epoch 1899-12-30.
const SHEETS_EPOCH_OFFSET = 25569;

interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** The calendar date of a Sheets serial number, the time of day dropped; null when outside 1990–2200. */
export function serialToDate(serial: number): Ymd | null {
  if (!Number.isFinite(serial) || Math.abs(serial) > 1e7) return null;
  // Days since 1970-01-01 to a civil date (H. Hinnant's algorithm): exact and allocation-free, unlike Date.
  const z = Math.floor(serial) - SHEETS_EPOCH_OFFSET + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year >= FIRST_YEAR && year <= LAST_YEAR ? { year, month, day } : null;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `yyyy-mm-dd` of a valid date. */
export function isoDate({ year, month, day }: Ymd): IsoDate {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

const NOT_A_DATE = (cell: RawCell | undefined) =>
  `Không đọc được ngày ${quoted(cell)}; hãy ghi dạng ngày/tháng/năm, ví dụ 31/03/2024`;

/** The parts of a date typed as text, or why it is not one. */
function parseDateText(cell: string): CellResult<Ymd> {
  const text = tidyText(cell).replace(DASHES, "-");
  let day: string | undefined, month: string | undefined, year: string | undefined;
  let m = DAY_MONTH_YEAR.exec(text);
  if (m) [day, month, year] = [m[1], m[3], m[4]];
  else if ((m = YEAR_MONTH_DAY.exec(text))) [year, month, day] = [m[1], m[3], m[4]];
  else if (LETTER.test(text) && (m = WRITTEN.exec(stripDiacritics(normalise(text)))))
    [day, month, year] = [m[1], m[2], m[3]];
  if (day === undefined || month === undefined || year === undefined) return fail(NOT_A_DATE(cell));
  if (year.length !== 4) return fail(`Năm trong ngày ${quoted(cell)} phải ghi đủ 4 chữ số, ví dụ 31/03/2024`);
  const y = Number(year),
    mo = Number(month),
    d = Number(day);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return fail(`Ngày ${text} không tồn tại`);
  if (y < FIRST_YEAR || y > LAST_YEAR)
    return fail(`Ngày ${quoted(cell)} có năm ngoài khoảng ${FIRST_YEAR}–${LAST_YEAR}`);
  return ok({ year: y, month: mo, day: d });
}

/**
 * Reads a date cell as ISO `yyyy-mm-dd`; `null` when empty.
 *
 * @example readDate(45382) // → { ok: true, value: "2024-03-31" }
 * @example readDate("31/02/2024") // → { ok: false, message: "Ngày 31/02/2024 không tồn tại" }
 */
export function readDate(cell: RawCell | undefined): CellResult<IsoDate | null> {
  if (typeof cell === "number") return readSerialDate(cell);
  if (isEmptyCell(cell)) return EMPTY;
  if (typeof cell !== "string") return fail(NOT_A_DATE(cell));
  return readTextDate(cell);
}

const readSerialDate = memoised((serial: number): CellResult<IsoDate> => {
  const date = serialToDate(serial);
  return date ? ok(isoDate(date)) : fail(NOT_A_DATE(serial));
});

const readTextDate = memoised((text: string): CellResult<IsoDate> => {
  const parsed = parseDateText(text);
  return parsed.ok ? ok(isoDate(parsed.value)) : parsed;
});

/**
 * Reads a day and month without a year (the deadlines of `Cấu hình`): `31/03`, `31/3`, `31-3`, `31.3`, or a whole
 * date (serial or text) whose year is ignored. 29/02 is accepted. `null` when empty.
 */
export function readDayMonth(cell: RawCell | undefined): CellResult<DayMonth | null> {
  const notDayMonth = () => fail(`Không đọc được ngày/tháng ${quoted(cell)}; hãy ghi dạng 31/03`);
  if (typeof cell === "number") {
    // Small numbers are not serials: `31.03` typed in an English-locale sheet arrives as 31.03, which cannot be
    // told apart from 31.3 (and 10.10 from 10.1), so it is refused rather than guessed.
    const date = serialToDate(cell);
    return date ? ok({ day: date.day, month: date.month }) : notDayMonth();
  }
  if (isEmptyCell(cell)) return EMPTY;
  if (typeof cell !== "string") return notDayMonth();
  const text = tidyText(cell).replace(DASHES, "-");
  const m = DAY_MONTH.exec(text);
  if (!m) {
    const full = parseDateText(cell);
    return full.ok ? ok({ day: full.value.day, month: full.value.month }) : notDayMonth();
  }
  const day = Number(m[1]),
    month = Number(m[3]);
  // A leap year, so that 29/02 is a day that exists.
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2024, month)) return fail(`Ngày ${text} không tồn tại`);
  return ok({ day, month });
}

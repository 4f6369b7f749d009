/**
 * The `Giai đoạn` setting of `Cấu hình` (SPEC §2.4): the stage a stage review covers, typed `yyyy-yyyy` (any dash,
 * spaces allowed), or `Theo năm chấm` for the default (the five-year stage holding the scored year).
 *
 * A stage of any length from 1 to MAX_STAGE_YEARS years is accepted: the plans run in five-year stages, but a
 * committee that reviews a shorter or a longer stretch (a mid-term review, two plans together) should be able to.
 */
import { MAX_STAGE_YEARS } from "../scoring/stage-period.ts";
import type { Stage } from "../scoring/types.ts";
import { EMPTY, fail, isEmptyCell, ok, quoted, type CellResult } from "./cell.ts";
import { FIRST_YEAR, LAST_YEAR } from "./dates.ts";
import { compactKey, normalise } from "./normalise.ts";
import type { RawCell } from "./types.ts";

/** How the default stage is written in `Giai đoạn`. */
export const STAGE_BY_YEAR = "Theo năm chấm";

/** The value of `STAGE_BY_YEAR`: the stage follows the scored year. */
export const BY_YEAR = "byYear" as const;

const STAGE = /^(\d{4}) ?- ?(\d{4})$/;

/**
 * Reads `Giai đoạn`: a stage, `BY_YEAR` for `Theo năm chấm`, or null when empty.
 *
 * @example readStage("2021–2025") // → { ok: true, value: { first: 2021, last: 2025 } }
 * @example readStage("2025-2021") // → { ok: false, message: "Giai đoạn 2025-2021: năm đầu 2025 sau năm cuối 2021" }
 */
export function readStage(cell: RawCell | undefined): CellResult<Stage | typeof BY_YEAR | null> {
  if (isEmptyCell(cell)) return EMPTY;
  const text = typeof cell === "string" ? normalise(cell) : "";
  if (compactKey(text) === compactKey(STAGE_BY_YEAR)) return ok(BY_YEAR);
  const m = STAGE.exec(text);
  if (m === null) {
    return fail(`Giai đoạn ${quoted(cell)} phải ghi dạng năm đầu-năm cuối, ví dụ 2021-2025 (hoặc "${STAGE_BY_YEAR}")`);
  }
  const first = Number(m[1]);
  const last = Number(m[2]);
  const named = `Giai đoạn ${first}-${last}`;
  for (const year of [first, last]) {
    if (year < FIRST_YEAR || year > LAST_YEAR) return fail(`${named}: năm ${year} không hợp lệ`);
  }
  if (first > last) return fail(`${named}: năm đầu ${first} sau năm cuối ${last}`);
  const length = last - first + 1;
  if (length > MAX_STAGE_YEARS) {
    return fail(`${named} dài ${length} năm; một giai đoạn dài tối đa ${MAX_STAGE_YEARS} năm (thường là 5 năm)`);
  }
  return ok({ first, last });
}

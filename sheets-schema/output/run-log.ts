import type { OutputCell } from "../types.ts";
import { vietnamWallClock } from "../vietnam-time.ts";

export { LOG_TAB } from "./tab-names.ts";

/** An instant as ISO 8601 with a time zone, e.g. `2024-05-01T02:00:00.000Z`. */
export type IsoDateTime = string;

/** One scoring run, as the Worker shell knows it once the run is over. */
export interface RunLogEntry {
  runId: string;
  startedAt: IsoDateTime;
  year: number;
  /** Units read from `Đơn vị`. */
  units: number;
  /** Registrations of the scored year. */
  registrations: number;
  dataErrors: number;
  durationMs: number;
  /** Who asked: e.g. "API", "Lịch chạy hằng đêm". Written as given. */
  caller: string;
  /** Kết quả, in Vietnamese, written as given: e.g. "Thành công", or the message of the error that stopped the run. */
  outcome: string;
}

export const LOG_HEADERS = [
  "Mã lần chạy",
  "Thời gian (GMT+7)",
  "Năm",
  "Số đơn vị",
  "Số đăng ký",
  "Số lỗi dữ liệu",
  "Thời gian chạy (ms)",
  "Người gọi",
  "Kết quả",
] as const;

/**
 * An instant as Vietnam local time `yyyy-mm-dd hh:mm:ss`: readable, and it still sorts as text.
 * A string that is not a valid instant is returned unchanged rather than hidden.
 *
 * @example vietnamTime("2024-05-01T02:00:00.000Z") // → "2024-05-01 09:00:00"
 */
export function vietnamTime(instant: IsoDateTime): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return instant;
  return vietnamWallClock(ms).toISOString().slice(0, 19).replace("T", " ");
}

/**
 * The row appended to `Nhật ký chấm điểm` for one run, in the order of `LOG_HEADERS`. Counts stay numbers.
 *
 * @example logRow({ runId: "r1", startedAt: "2024-05-01T02:00:00Z", year: 2024, units: 5, registrations: 7,
 *   dataErrors: 0, durationMs: 120, caller: "API", outcome: "Thành công" })
 *   // → ["r1", "2024-05-01 09:00:00", 2024, 5, 7, 0, 120, "API", "Thành công"]
 */
export function logRow(entry: RunLogEntry): OutputCell[] {
  return [
    entry.runId,
    vietnamTime(entry.startedAt),
    entry.year,
    entry.units,
    entry.registrations,
    entry.dataErrors,
    entry.durationMs,
    entry.caller,
    entry.outcome,
  ];
}

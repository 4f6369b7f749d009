import type { RunInfo } from "./score-spreadsheet.ts";

/**
 * The run history's message for a run that succeeded (Vietnamese, shown on the dashboard).
 *
 * @example runMessage(run) // → "Đã ghi 9 trang tính; 2 nguồn không đọc được"
 */
export function runMessage(run: Pick<RunInfo, "dryRun" | "tabsWritten" | "failedSources">): string {
  const missing = run.failedSources.length > 0 ? `; ${run.failedSources.length} nguồn không đọc được` : "";
  return `${run.dryRun ? "Chạy thử (không ghi)" : `Đã ghi ${run.tabsWritten.length} trang tính`}${missing}`;
}

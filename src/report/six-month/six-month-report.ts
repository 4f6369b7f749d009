import type { FileChild } from "docx";
import { formatDate } from "../../../scoring/format.ts";
import { formatVietnamTime } from "../../dashboard/format.ts";
import type { SixMonthRun } from "../../jobs/score-spreadsheet.ts";
import { errorsSection } from "../errors-section.ts";
import { narrativeSections, SIX_MONTH_NARRATIVE } from "../narrative.ts";
import { bodyText, heading } from "../paragraphs.ts";
import { sixMonthCountsSection, sixMonthOverviewSection } from "./counts-section.ts";
import { unregisteredSection } from "./unregistered-section.ts";

/**
 * The trích yếu of the six-month report.
 *
 * @example sixMonthSubject(2024) // → "Sơ kết 6 tháng đầu năm 2024 phong trào thi đua “Dân vận khéo”"
 */
export function sixMonthSubject(year: number): string {
  return `Sơ kết 6 tháng đầu năm ${year} phong trào thi đua “Dân vận khéo”`;
}

/** Said once, so nobody looks in this report for a recognition or a title (SPEC §3.8). */
export const NO_RECOGNITION_AT_SIX_MONTHS =
  "Sơ kết 6 tháng chỉ thống kê việc đăng ký và báo cáo; việc công nhận mô hình, điển hình và đề xuất danh hiệu “Dân vận khéo” được xét khi tổng kết năm.";

/**
 * The body of the six-month review (SPEC §3.8): the cut-off, the counts by it, the units with nothing registered and
 * the data to fix under I, then the narrative the committee writes under II–IV.
 */
export function sixMonthReportBody(run: SixMonthRun): FileChild[] {
  const result = run.sixMonth;
  return [
    bodyText(
      `Căn cứ số liệu đăng ký, báo cáo đến ngày sơ kết ${formatDate(result.cutoff)} trên bảng tính của phong trào (lần chấm lúc ${formatVietnamTime(run.startedAt)}, mã lần chấm ${run.runId}), Ban Chỉ đạo báo cáo sơ kết 6 tháng đầu năm ${result.year} phong trào thi đua “Dân vận khéo” như sau:`,
    ),
    bodyText(NO_RECOGNITION_AT_SIX_MONTHS, { italics: true }),
    heading(1, "I", "SỐ LIỆU ĐẾN NGÀY SƠ KẾT"),
    ...sixMonthOverviewSection("1", result),
    ...sixMonthCountsSection("2", result),
    ...unregisteredSection("3", result),
    ...errorsSection("4", run.dataErrors),
    ...narrativeSections(SIX_MONTH_NARRATIVE, ["II", "III", "IV"]),
  ];
}

/** The last sentence before `Nơi nhận`. */
export function sixMonthClosing(year: number): string {
  return `Trên đây là báo cáo sơ kết 6 tháng đầu năm ${year} phong trào thi đua “Dân vận khéo” của Ban Chỉ đạo./.`;
}

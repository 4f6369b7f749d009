import type { FileChild } from "docx";
import { formatVietnamTime } from "../../dashboard/format.ts";
import type { ScoreRun } from "../../jobs/score-spreadsheet.ts";
import { ANNUAL_NARRATIVE, narrativeSections } from "../narrative.ts";
import { bodyText, heading } from "../paragraphs.ts";
import { errorsSection } from "../errors-section.ts";
import { overviewSection } from "./overview-section.ts";
import { reviewSection } from "./review-section.ts";
import { targetsSection } from "./targets-section.ts";
import { teamsSection } from "./teams-section.ts";
import { titlesSection } from "./titles-section.ts";

/**
 * The trích yếu of the annual report.
 *
 * @example annualSubject(2024) // → "Kết quả phong trào thi đua “Dân vận khéo” năm 2024"
 */
export function annualSubject(year: number): string {
  return `Kết quả phong trào thi đua “Dân vận khéo” năm ${year}`;
}

/**
 * The body of the annual review (SPEC §3.1–§3.7): the figures of every tab of the year under I, then the narrative
 * the committee writes under II–IV.
 */
export function annualReportBody(run: ScoreRun): FileChild[] {
  return [
    bodyText(
      `Căn cứ kết quả chấm điểm lúc ${formatVietnamTime(run.startedAt)} (mã lần chấm ${run.runId}) trên bảng tính của phong trào, Ban Chỉ đạo báo cáo kết quả phong trào thi đua “Dân vận khéo” năm ${run.year} như sau:`,
    ),
    heading(1, "I", "KẾT QUẢ THỰC HIỆN"),
    ...overviewSection("1", run),
    ...targetsSection("2", run),
    ...titlesSection("3", run),
    ...teamsSection("4", run),
    ...reviewSection("5", run),
    ...errorsSection("6", run.dataErrors),
    ...narrativeSections(ANNUAL_NARRATIVE, ["II", "III", "IV"]),
  ];
}

/** The last sentence before `Nơi nhận`. */
export function annualClosing(year: number): string {
  return `Trên đây là báo cáo kết quả phong trào thi đua “Dân vận khéo” năm ${year} của Ban Chỉ đạo./.`;
}

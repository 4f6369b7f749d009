import type { FileChild } from "docx";
import type { Stage } from "../../../scoring/types.ts";
import { stageTabTitle } from "../../../sheets-schema/output/tab-names.ts";
import { formatVietnamTime } from "../../dashboard/format.ts";
import type { StageRun } from "../../jobs/score-spreadsheet.ts";
import { errorsSection } from "../errors-section.ts";
import { narrativeSections, STAGE_NARRATIVE } from "../narrative.ts";
import { bodyText, heading } from "../paragraphs.ts";
import { breakdownSection } from "./breakdown-section.ts";
import { titledUnitsSection } from "./titled-units-section.ts";
import { yearsSection } from "./years-section.ts";

/**
 * A stage as a title writes it, with an en dash.
 *
 * @example stageSpan({ first: 2021, last: 2025 }) // → "2021–2025"
 */
function stageSpan(stage: Stage): string {
  return `${stage.first}–${stage.last}`;
}

/**
 * The trích yếu of the stage report.
 *
 * @example stageSubject({ first: 2021, last: 2025 }) // → "Tổng kết giai đoạn 2021–2025 phong trào thi đua “Dân vận khéo”"
 */
export function stageSubject(stage: Stage): string {
  return `Tổng kết giai đoạn ${stageSpan(stage)} phong trào thi đua “Dân vận khéo”`;
}

/**
 * The body of the stage review (SPEC §3.8): the years side by side, the fields and kinds, the units proposed in
 * the most years and the tiêu biểu ones, the data to fix under I, then the narrative the committee writes under II–IV.
 */
export function stageReportBody(run: StageRun): FileChild[] {
  const result = run.stage;
  const first = result.years[0];
  const last = result.years.at(-1);
  const unfinished = last !== undefined && last < result.stage.last;
  return [
    bodyText(
      `Căn cứ kết quả chấm điểm lúc ${formatVietnamTime(run.startedAt)} (mã lần chấm ${run.runId}) trên bảng tính của phong trào, Ban Chỉ đạo báo cáo tổng kết giai đoạn ${stageSpan(result.stage)} phong trào thi đua “Dân vận khéo” như sau:`,
    ),
    bodyText(
      `Số liệu ${first === last ? `năm ${first}` : `các năm ${first}–${last}`}${unfinished ? ` (giai đoạn đến năm ${result.stage.last} chưa kết thúc)` : ""}. Mỗi năm được chấm lại theo tiêu chí, chỉ tiêu hiện hành ở trang tính Cấu hình, nên có thể khác báo cáo năm đã ban hành khi Cấu hình đã thay đổi. Số liệu của từng đơn vị, từng năm ở trang tính ${stageTabTitle(result.stage)}.`,
      { italics: true },
    ),
    heading(1, "I", "KẾT QUẢ THỰC HIỆN"),
    ...yearsSection("1", result),
    ...breakdownSection("2", result),
    ...titledUnitsSection("3", result),
    ...errorsSection("4", run.dataErrors),
    ...narrativeSections(STAGE_NARRATIVE, ["II", "III", "IV"]),
  ];
}

/** The last sentence before `Nơi nhận`. */
export function stageClosing(stage: Stage): string {
  return `Trên đây là báo cáo tổng kết giai đoạn ${stageSpan(stage)} phong trào thi đua “Dân vận khéo” của Ban Chỉ đạo./.`;
}

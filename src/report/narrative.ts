import type { FileChild } from "docx";
import { heading, placeholder } from "./paragraphs.ts";

/** A part of a report the committee writes itself: its heading and the prompt that stands in for its text. */
export interface NarrativePart {
  title: string;
  prompt: string;
}

/** The narrative of the annual report (SPEC §6). */
export const ANNUAL_NARRATIVE: readonly NarrativePart[] = [
  {
    title: "ĐÁNH GIÁ CHUNG",
    prompt:
      "Ban Chỉ đạo viết nhận xét chung: kết quả nổi bật, mô hình, điển hình tiêu biểu, cách làm hay, sự vào cuộc của cấp ủy, chính quyền, Mặt trận và các đoàn thể …",
  },
  {
    title: "TỒN TẠI, HẠN CHẾ",
    prompt:
      "Ban Chỉ đạo viết những tồn tại, hạn chế và nguyên nhân (các chỉ tiêu chưa đạt ở trên, đơn vị chưa đăng ký, dữ liệu còn lỗi) …",
  },
  {
    title: "PHƯƠNG HƯỚNG, NHIỆM VỤ",
    prompt: "Ban Chỉ đạo viết phương hướng, nhiệm vụ và giải pháp cho năm tới, đề xuất, kiến nghị …",
  },
];

/** The narrative of the six-month report (SPEC §3.8): what went well, what did not, the tasks of the second half. */
export const SIX_MONTH_NARRATIVE: readonly NarrativePart[] = [
  {
    title: "KẾT QUẢ ĐẠT ĐƯỢC",
    prompt:
      "Ban Chỉ đạo viết kết quả đạt được trong 6 tháng đầu năm: việc quán triệt, đăng ký, xây dựng mô hình, điển hình, cách làm hay, sự vào cuộc của cấp ủy, chính quyền, Mặt trận và các đoàn thể …",
  },
  {
    title: "TỒN TẠI, HẠN CHẾ",
    prompt:
      "Ban Chỉ đạo viết những tồn tại, hạn chế và nguyên nhân (đơn vị chưa đăng ký, đăng ký chưa báo cáo, dữ liệu còn lỗi) …",
  },
  {
    title: "NHIỆM VỤ 6 THÁNG CUỐI NĂM",
    prompt:
      "Ban Chỉ đạo viết nhiệm vụ, giải pháp 6 tháng cuối năm: đôn đốc đơn vị chưa đăng ký, hoàn thiện hồ sơ, bình chọn, chuẩn bị tổng kết năm …",
  },
];

/** The narrative of the stage report (SPEC §3.8): the overall judgement, the lessons, the next stage. */
export const STAGE_NARRATIVE: readonly NarrativePart[] = [
  {
    title: "ĐÁNH GIÁ CHUNG",
    prompt:
      "Ban Chỉ đạo viết đánh giá chung cả giai đoạn: kết quả nổi bật, mô hình, điển hình tiêu biểu, chuyển biến qua các năm, tồn tại, hạn chế và nguyên nhân …",
  },
  {
    title: "BÀI HỌC KINH NGHIỆM",
    prompt: "Ban Chỉ đạo viết những bài học kinh nghiệm rút ra qua giai đoạn …",
  },
  {
    title: "PHƯƠNG HƯỚNG GIAI ĐOẠN TỚI",
    prompt: "Ban Chỉ đạo viết phương hướng, nhiệm vụ, giải pháp cho giai đoạn tới, đề xuất, kiến nghị …",
  },
];

/**
 * The narrative headings, numbered by `numerals` (II, III, IV after the figures of section I), each over its
 * highlighted prompt, which the committee replaces with its own text.
 *
 * @example narrativeSections(STAGE_NARRATIVE, ["II", "III", "IV"]) // → "II. ĐÁNH GIÁ CHUNG", "[Ban Chỉ đạo viết …]", …
 */
export function narrativeSections(parts: readonly NarrativePart[], numerals: readonly string[]): FileChild[] {
  return parts.flatMap((part, i) => [heading(1, numerals[i] ?? "", part.title), placeholder(part.prompt)]);
}

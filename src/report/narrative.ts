import type { FileChild } from "docx";
import { heading, placeholder } from "./paragraphs.ts";

/**
 * The parts of a report the committee writes itself (SPEC §6): each a numbered heading over a highlighted prompt,
 * which the committee replaces with its own text.
 */
export const NARRATIVE = [
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
] as const;

/** The narrative headings numbered from `firstNumeral` on (II, III, IV after the figures of section I). */
export function narrativeSections(numerals: readonly string[]): FileChild[] {
  return NARRATIVE.flatMap((part, i) => [heading(1, numerals[i] ?? "", part.title), placeholder(part.prompt)]);
}

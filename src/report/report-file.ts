import type { ReviewKind } from "../../scoring/review-kind.ts";

/** The MIME type of a Word document (.docx). */
export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/**
 * What each review is called in a sentence (`Chưa có kết quả {words} năm {Y} …`) and in the file name.
 *
 * @example REVIEW_NAME["6-thang"] // → "sơ kết 6 tháng"
 */
export const REVIEW_NAME: Record<ReviewKind, { words: string; file: string }> = {
  nam: { words: "chấm điểm", file: "Dân vận khéo" },
  "6-thang": { words: "sơ kết 6 tháng", file: "Sơ kết 6 tháng Dân vận khéo" },
  "giai-doan": { words: "tổng kết giai đoạn chứa", file: "Tổng kết giai đoạn Dân vận khéo" },
};

/**
 * The file name of a report, in Vietnamese and in the ASCII that every browser and mail gateway accepts.
 *
 * @example reportFileName("nam", 2024) // → { ascii: "bao-cao-dan-van-kheo-2024.docx", unicode: "Báo cáo Dân vận khéo 2024.docx" }
 */
export function reportFileName(review: ReviewKind, year: number): { ascii: string; unicode: string } {
  const unicode = `Báo cáo ${REVIEW_NAME[review].file} ${year}.docx`;
  return { ascii: `${toAsciiSlug(unicode.replace(/\.docx$/, ""))}.docx`, unicode };
}

/**
 * A `Content-Disposition: attachment` header naming the file twice (RFC 6266): `filename` in ASCII for old clients,
 * `filename*` in UTF-8 for the rest.
 *
 * @example contentDisposition({ ascii: "bao-cao-2024.docx", unicode: "Báo cáo 2024.docx" })
 *   // → "attachment; filename=\"bao-cao-2024.docx\"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%202024.docx"
 */
export function contentDisposition(name: { ascii: string; unicode: string }): string {
  const encoded = encodeURIComponent(name.unicode).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${name.ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Lower-case ASCII words joined by hyphens: diacritics dropped, đ read as d.
 *
 * @example toAsciiSlug("Báo cáo Sơ kết 6 tháng 2024") // → "bao-cao-so-ket-6-thang-2024"
 */
function toAsciiSlug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

import { describe, expect, it } from "vitest";
import { contentDisposition, reportFileName } from "./report-file.ts";

describe("the report's file name", () => {
  it("is ASCII words for old clients and Vietnamese for the rest, per review", () => {
    expect(reportFileName("nam", 2024)).toEqual({
      ascii: "bao-cao-dan-van-kheo-2024.docx",
      unicode: "Báo cáo Dân vận khéo 2024.docx",
    });
    expect(reportFileName("6-thang", 2025).ascii).toBe("bao-cao-so-ket-6-thang-dan-van-kheo-2025.docx");
    expect(reportFileName("giai-doan", 2025).ascii).toBe("bao-cao-tong-ket-giai-doan-dan-van-kheo-2025.docx");
  });

  it("goes into Content-Disposition twice, the UTF-8 one percent-encoded (RFC 6266, RFC 8187)", () => {
    expect(contentDisposition({ ascii: "a.docx", unicode: "Đ (1)'*.docx" })).toBe(
      `attachment; filename="a.docx"; filename*=UTF-8''%C4%90%20%281%29%27%2A.docx`,
    );
  });
});

import { describe, expect, it } from "vitest";
import { INPUT_TABS } from "../tabs.ts";
import {
  ERRORS_TAB,
  LOG_TAB,
  generatedTabTitles,
  isGeneratedTabTitle,
  sixMonthTabTitle,
  stageTabTitle,
  yearlyTabTitle,
} from "./tab-names.ts";

describe("generated tab titles", () => {
  it("names every tab of a year in writing order", () => {
    expect(generatedTabTitles(2024)).toEqual([
      "Xếp hạng 2024",
      "Kết quả mô hình 2024",
      "Chỉ tiêu 2024",
      "Tổ, khối dân vận 2024",
      "Rà soát 2024",
      "Lỗi dữ liệu",
    ]);
  });

  it("recognises every generated title and the run log", () => {
    for (const title of [...generatedTabTitles(2023), LOG_TAB, ERRORS_TAB, yearlyTabTitle("review", 2030)]) {
      expect(isGeneratedTabTitle(title), title).toBe(true);
    }
  });

  it("never takes an input tab for a generated one, however its title is typed", () => {
    const titles = INPUT_TABS.map((t) => t.title);
    expect(titles).toEqual(["Đơn vị", "Đăng ký", "Tổ, khối dân vận", "Cấu hình"]);
    for (const title of [...titles, "Don vi", "dang ky", "To, khoi dan van", "Tổ, khối dân vận ", "Cấu hình 2024"]) {
      expect(isGeneratedTabTitle(title), title).toBe(false);
    }
  });

  it("does not claim tabs people may have made themselves", () => {
    for (const title of ["Xếp hạng", "Xếp hạng 2024 (bản sao)", "Ghi chú Xếp hạng 2024", "Chỉ tiêu năm 2024"]) {
      expect(isGeneratedTabTitle(title), title).toBe(false);
    }
  });

  it("names and recognises the tabs of the six-month and stage reviews", () => {
    expect(sixMonthTabTitle(2024)).toBe("Sơ kết 6 tháng 2024");
    expect(stageTabTitle({ first: 2021, last: 2025 })).toBe("Tổng kết 2021-2025");
    for (const title of ["Sơ kết 6 tháng 2024", "Tổng kết 2021-2025"])
      expect(isGeneratedTabTitle(title), title).toBe(true);
    for (const title of ["Sơ kết 6 tháng", "Tổng kết 2021", "Tổng kết giai đoạn 2021-2025", "Sơ kết 2024"]) {
      expect(isGeneratedTabTitle(title), title).toBe(false);
    }
  });

  it("recognises a generated title stored in decomposed Unicode", () => {
    expect(isGeneratedTabTitle("Xếp hạng 2024".normalize("NFD"))).toBe(true);
  });
});

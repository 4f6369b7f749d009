import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../scoring/settings.ts";
import { GENERATED_TAB_GUIDE, guideSheet, PARAMETER_GUIDE } from "./guide.ts";
import {
  generatedTabTitles,
  isGeneratedTabTitle,
  LOG_TAB,
  sixMonthTabTitle,
  stageTabTitle,
} from "./output/tab-names.ts";
import { PARAMETERS, readSettings } from "./read-settings.ts";
import { INPUT_TABS, REGISTRATION_COLUMNS, SETTING_COLUMNS, TEAM_COLUMNS, UNIT_COLUMNS } from "./tabs.ts";

const guide = guideSheet();
const text = guide.rows.map((r) => r.join(" | ")).join("\n");

describe("the Hướng dẫn tab", () => {
  it("has a section for every input tab, listing each of its headers with whether it is required", () => {
    for (const tab of INPUT_TABS) expect(text).toContain(`Trang “${tab.title}”`);
    for (const column of [...UNIT_COLUMNS, ...REGISTRATION_COLUMNS, ...TEAM_COLUMNS, ...SETTING_COLUMNS]) {
      expect(guide.rows.some((r) => r[0] === column.header && r[1] === (column.required ? "Có" : "Không"))).toBe(true);
    }
  });

  it("lists the accepted values of the enumerated columns", () => {
    const row = (header: string) => guide.rows.find((r) => r[0] === header)?.[2] ?? "";
    expect(row("Lĩnh vực")).toContain("Kinh tế; Văn hóa - xã hội; Quốc phòng - an ninh; Xây dựng hệ thống chính trị");
    expect(row("Loại đơn vị")).toContain("Tổ chức chính trị - xã hội");
    expect(row("Xếp loại")).toContain("Tốt; Khá; Trung bình; Yếu");
    expect(row("Bình chọn công khai")).toContain("Đánh dấu");
  });

  it("documents every parameter of Cấu hình, in the reader's order", () => {
    expect(PARAMETER_GUIDE.map((p) => p.name)).toEqual(PARAMETERS.map((p) => p.name));
    for (const p of PARAMETER_GUIDE)
      expect(guide.rows.some((r) => r[0] === p.name && r[1] === p.defaultValue)).toBe(true);
  });

  it("writes each default from DEFAULT_SETTINGS as people type it", () => {
    const shown = Object.fromEntries(PARAMETER_GUIDE.map((p) => [p.name, p.defaultValue]));
    expect(shown).toMatchObject({
      "Hạn đăng ký": "31/03",
      "Hạn báo cáo": "31/12",
      "Báo cáo vào năm sau": "Không",
      "Tỷ lệ đồng ý phải trên": "50%",
      "Sức lan tỏa tối thiểu": "Cao",
      "Số mô hình mục tiêu": "2",
      "Trọng số chỉ tiêu": "50",
      "Tỷ lệ danh hiệu tối thiểu": "25%",
      "Khối dân vận tốt trên": "75%",
      "Độ phủ thôn, khu phố": "100%",
    });
    expect(PARAMETER_GUIDE.every((p) => p.meaning.length > 0)).toBe(true);
  });

  it("gives as defaults exactly what the reader uses when a parameter is absent", () => {
    const grid = [["Tham số", "Giá trị"], ...PARAMETER_GUIDE.map((p) => [p.name, p.defaultValue])];
    expect(readSettings("Cấu hình", grid)).toEqual(DEFAULT_SETTINGS);
  });

  it("names every generated tab, and says they are overwritten at each run", () => {
    const titles = GENERATED_TAB_GUIDE.map((t) => t.title.replace("{năm}", "2024").replace("{giai đoạn}", "2021-2025"));
    expect(titles.every(isGeneratedTabTitle)).toBe(true);
    const reviews = [sixMonthTabTitle(2024), stageTabTitle({ first: 2021, last: 2025 })];
    expect(new Set(titles)).toEqual(new Set([...generatedTabTitles(2024), ...reviews, LOG_TAB]));
    expect(text).toContain("ghi đè");
  });

  it("tells offices to set the spreadsheet's locale to Việt Nam, or typed dates flip day and month", () => {
    const text = guideSheet().rows.flat().join("\n");
    expect(text).toContain("05/03/2024 là ngày 5 tháng 3");
    expect(text).toContain("khu vực (Locale) → Việt Nam");
  });

  it("fits in three columns, with the title and headings in bold", () => {
    expect(guide.rows.every((r) => r.length <= 3)).toBe(true);
    expect(guide.boldRows[0]).toBe(0);
    expect(guide.boldRows.every((r) => r >= 0 && r < guide.rows.length)).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { compactLabelKey } from "./normalise.ts";
import {
  type ColumnSpec,
  findTab,
  INPUT_TABS,
  locateInputTabs,
  REGISTRATION_COLUMNS,
  selectInputTabs,
  SETTING_COLUMNS,
  TEAM_COLUMNS,
  UNIT_COLUMNS,
} from "./tabs.ts";
import { ContractError } from "./types.ts";

describe("findTab", () => {
  it("finds a tab typed without diacritics or with extra spaces and another case", () => {
    expect(findTab(["Don vi", "Khác"], "Đơn vị")).toBe("Don vi");
    expect(findTab(["đơn vị ", "Khác"], "Đơn vị")).toBe("đơn vị ");
    expect(findTab(["To, khoi dan van"], "Tổ, khối dân vận")).toBe("To, khoi dan van");
  });

  it("does not take a generated tab such as Tổ, khối dân vận 2024 for the input tab", () => {
    expect(findTab(["Tổ, khối dân vận 2024"], "Tổ, khối dân vận")).toBeNull();
  });

  it("prefers the exact title over one without diacritics", () => {
    expect(findTab(["Dang ky", "Đăng ký"], "Đăng ký")).toBe("Đăng ký");
  });

  it("stops when two tabs fit equally", () => {
    expect(() => findTab(["Dang ky", "Đang ky"], "Đăng ký")).toThrow(ContractError);
  });
});

describe("locateInputTabs", () => {
  it("stops when a required tab is missing", () => {
    expect(() => locateInputTabs(["Đơn vị"])).toThrow('Không tìm thấy trang tính "Đăng ký"');
  });

  it("leaves the optional tabs null when absent", () => {
    expect(locateInputTabs(["Don vi", "Dang ky"])).toEqual({
      units: "Don vi",
      registrations: "Dang ky",
      teams: null,
      settings: null,
    });
  });
});

describe("selectInputTabs", () => {
  it("picks the input tabs among all the tabs, ignoring generated ones", () => {
    expect(selectInputTabs(["Xếp hạng 2024", "Cấu hình", "Đăng ký", "Lỗi dữ liệu", "Đơn vị"])).toEqual([
      "Đơn vị",
      "Đăng ký",
      "Cấu hình",
    ]);
  });
});

describe("the tab contract", () => {
  it("has headers that stay distinct without diacritics within every tab", () => {
    for (const columns of [UNIT_COLUMNS, REGISTRATION_COLUMNS, TEAM_COLUMNS, SETTING_COLUMNS]) {
      const keys = columns.flatMap((c: ColumnSpec) => [c.header, ...(c.aliases ?? [])].map(compactLabelKey));
      expect(new Set(keys).size).toBe(keys.length);
    }
    const titles = INPUT_TABS.map((t) => compactLabelKey(t.title));
    expect(new Set(titles).size).toBe(titles.length);
  });
});

describe("findTab and the other spelling of a title", () => {
  it('finds the registrations tab typed "Đăng kí" (kí for ký)', () => {
    expect(findTab(["Đơn vị", "Đăng kí"], "Đăng ký")).toBe("Đăng kí");
    expect(findTab(["Đơn vị", "dang ki"], "Đăng ký")).toBe("dang ki");
  });

  it("still refuses to guess between two tabs that both read as the registrations tab", () => {
    expect(() => findTab(["Đăng ký", "Đăng kí"], "Đăng ký")).toThrow(/2 trang tính/);
  });
});

import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../scoring/settings.ts";
import type { Settings } from "../scoring/types.ts";
import { PARAMETERS, readSettings } from "./read-settings.ts";
import { ContractError, type RawGrid } from "./types.ts";

const HEADERS = ["Tham số", "Giá trị"];

function thrown(f: () => unknown): ContractError {
  try {
    f();
  } catch (e) {
    if (e instanceof ContractError) return e;
    throw e;
  }
  throw new Error("did not throw");
}

describe("readSettings", () => {
  it("gives every default when the tab has only its headers", () => {
    expect(readSettings("Cấu hình", [HEADERS])).toEqual(DEFAULT_SETTINGS);
  });

  it("overrides the parameters given, names matched loosely", () => {
    const grid: RawGrid = [
      HEADERS,
      ["Hạn đăng ký", "10/10"],
      ["han bao cao", 45536], // 2024-09-01, the year is ignored
      ["Báo cáo vào năm sau", true],
      ["Tỷ lệ đồng ý phải trên (%)", "60%"],
      ["Sức lan toả tối thiểu", "TB"],
      ["Yêu cầu cấp uỷ công nhận", "x"],
      ["Tối thiểu tập thể", 1],
      ["Tối thiểu cá nhân", "1"],
      ["Tổ dân vận tốt trên", 0.8],
      ["Độ phủ thôn, khu phố", "90"],
    ];
    expect(readSettings("Cấu hình", grid)).toEqual({
      ...DEFAULT_SETTINGS,
      registrationDeadline: { day: 10, month: 10 },
      reportDeadline: { day: 1, month: 9 },
      reportInFollowingYear: true,
      approvalShareAbove: 0.6,
      minimumSpread: "medium",
      requireCommitteeRecognition: true,
      minimumCollective: 1,
      minimumIndividual: 1,
      villageTeamGoodAbove: 0.8,
      villageCoverage: 0.9,
    });
  });

  it("reads the four weights as separate parameters", () => {
    const grid: RawGrid = [
      HEADERS,
      ["Trọng số chỉ tiêu", 40],
      ["Trọng số tỷ lệ công nhận", "30%"],
      ["Trọng số bình chọn", "20"],
      ["Trọng số lĩnh vực", "10"],
    ];
    expect(readSettings("Cấu hình", grid).weights).toEqual({ quota: 40, recognitionRate: 30, vote: 20, fields: 10 });
  });

  it("reads weights typed as percentages, which Sheets keeps as fractions (40% arrives as 0.4), as points", () => {
    const grid: RawGrid = [
      HEADERS,
      ["Trọng số chỉ tiêu", 0.4],
      ["Trọng số tỷ lệ công nhận", 0.3],
      ["Trọng số bình chọn", "0,2"],
      ["Trọng số lĩnh vực", "10%\u200B"],
    ];
    expect(readSettings("Cấu hình", grid).weights).toEqual({ quota: 40, recognitionRate: 30, vote: 20, fields: 10 });
    const all = [
      HEADERS,
      ["Trọng số chỉ tiêu", 1],
      ["Trọng số tỷ lệ công nhận", 0],
      ["Trọng số bình chọn", 0],
      ["Trọng số lĩnh vực", 0],
    ];
    expect(readSettings("Cấu hình", all).weights).toEqual({ quota: 100, recognitionRate: 0, vote: 0, fields: 0 });
  });

  it("reads the min/max pairs as separate parameters", () => {
    const grid: RawGrid = [
      HEADERS,
      ["Tỷ lệ danh hiệu tối thiểu", "20%"],
      ["Tỷ lệ danh hiệu tối đa", "35%"],
      ["Số tiêu biểu tối thiểu", 2],
      ["Số tiêu biểu tối đa", 6],
    ];
    expect(readSettings("Cấu hình", grid)).toMatchObject({
      titleShareMin: 0.2,
      titleShareMax: 0.35,
      exemplaryMin: 2,
      exemplaryMax: 6,
    });
  });

  it("keeps the default for a parameter whose value is empty", () => {
    expect(readSettings("Cấu hình", [HEADERS, ["Hạn đăng ký", ""]]).registrationDeadline).toEqual({
      day: 31,
      month: 3,
    });
  });

  it("knows every parameter of SPEC §2.4", () => {
    expect(PARAMETERS).toHaveLength(25);
    expect(PARAMETERS.slice(-2).map((p) => p.name)).toEqual(["Ngày sơ kết 6 tháng", "Giai đoạn"]);
  });

  it("stops on an unknown parameter, naming its cell", () => {
    const grid: RawGrid = [HEADERS, ["Hạn đăng ký", "31/03"], [], ["", ""], [], [" ", false], ["Số mô hình tối đa", 3]];
    const e = thrown(() => readSettings("Cấu hình", grid));
    expect(e.where).toBe("'Cấu hình'!A7");
    expect(e.message).toMatch(/^Trang tính "Cấu hình": không có tham số "Số mô hình tối đa" \('Cấu hình'!A7\)/);
  });

  it("stops on a bad value, naming its cell and why", () => {
    const e = thrown(() => readSettings("Cấu hình", [HEADERS, ["Số mô hình tối thiểu", "hai"]]));
    expect(e.where).toBe("'Cấu hình'!B2");
    expect(e.message).toBe(
      `Trang tính "Cấu hình": giá trị của "Số mô hình tối thiểu" không dùng được ('Cấu hình'!B2): Số mô hình tối thiểu phải là số nguyên không âm`,
    );
  });

  it("stops when the weights do not sum to 100", () => {
    const e = thrown(() => readSettings("Cấu hình", [HEADERS, ["Trọng số lĩnh vực", 20]]));
    expect(e.message).toBe('Trang tính "Cấu hình": Tổng các trọng số phải bằng 100 (hiện là 110).');
  });

  it("stops when a parameter is given twice", () => {
    const e = thrown(() => readSettings("Cấu hình", [HEADERS, ["Hạn đăng ký", "31/03"], ["Han dang ky", "30/04"]]));
    expect(e.message).toBe(
      `Trang tính "Cấu hình": tham số "Hạn đăng ký" được ghi hai lần ('Cấu hình'!A2 và 'Cấu hình'!A3)`,
    );
  });

  it("stops when a value has no parameter name", () => {
    const e = thrown(() => readSettings("Cấu hình", [HEADERS, ["", "50%"]]));
    expect(e.where).toBe("'Cấu hình'!A2");
  });

  it("stops when the Giá trị column is missing", () => {
    expect(() => readSettings("Cấu hình", [["Tham số"], ["Hạn đăng ký"]])).toThrow(
      'Trang tính "Cấu hình" thiếu cột bắt buộc "Giá trị"',
    );
  });
});

describe("each parameter written as one would type it", () => {
  /** Settings where every parameter differs from its default (and the cross-setting rules still hold). */
  const OTHER: Settings = {
    registrationDeadline: { day: 5, month: 10 },
    reportDeadline: { day: 29, month: 2 },
    reportInFollowingYear: true,
    approvalShareAbove: 0.625,
    minimumSpread: "medium",
    requireCommitteeRecognition: true,
    minimumModels: 3,
    targetModels: 1200,
    minimumCollective: 1,
    minimumIndividual: 2,
    targetFields: 3,
    weights: { quota: 40.5, recognitionRate: 30, vote: 19.5, fields: 10 },
    titleShareMin: 0.2,
    titleShareMax: 0.35,
    exemplaryMin: 2,
    exemplaryMax: 7,
    villageTeamGoodAbove: 0.8,
    communeBlocGoodAbove: 0.755,
    villageCoverage: 0.9,
    titleAllocation: "perGroup",
    sixMonthCutoff: { day: 15, month: 7 },
    stage: { first: 2020, last: 2025 },
  };

  it("reads back to the value it was written from, for settings that are not the defaults", () => {
    const grid: RawGrid = [HEADERS, ...PARAMETERS.map((p) => [p.name, p.show(OTHER)])];
    expect(readSettings("Cấu hình", grid)).toEqual(OTHER);
  });

  it("turns each parameter back to its default when its default is written over another value", () => {
    const settings = structuredClone(OTHER);
    for (const p of PARAMETERS) expect(p.apply(settings, p.show(DEFAULT_SETTINGS)), p.name).toBeNull();
    expect(settings).toEqual(DEFAULT_SETTINGS);
  });

  it("writes the Vietnamese way: dd/mm, Có/Không, percentages and decimal commas", () => {
    const shown = Object.fromEntries(PARAMETERS.map((p) => [p.name, p.show(OTHER)]));
    expect(shown).toMatchObject({
      "Hạn đăng ký": "05/10",
      "Báo cáo vào năm sau": "Có",
      "Tỷ lệ đồng ý phải trên": "62,5%",
      "Sức lan tỏa tối thiểu": "Trung bình",
      "Số mô hình mục tiêu": "1.200",
      "Trọng số chỉ tiêu": "40,5",
      "Ngày sơ kết 6 tháng": "15/07",
      "Giai đoạn": "2020-2025",
    });
  });
});

describe("the settings of the six-month and stage reviews", () => {
  it("reads Ngày sơ kết 6 tháng as a day and month, 30/06 by default", () => {
    expect(readSettings("Cấu hình", [HEADERS]).sixMonthCutoff).toEqual({ day: 30, month: 6 });
    expect(readSettings("Cấu hình", [HEADERS, ["Ngay so ket 6 thang", "15/7"]]).sixMonthCutoff).toEqual({
      day: 15,
      month: 7,
    });
  });

  it("reads Giai đoạn as yyyy-yyyy with any dash, and Theo năm chấm as the default", () => {
    const read = (value: string) => readSettings("Cấu hình", [HEADERS, ["Giai đoạn", value]]).stage;
    expect(read("2021–2025")).toEqual({ first: 2021, last: 2025 });
    expect(read(" 2016 - 2020 ")).toEqual({ first: 2016, last: 2020 });
    expect(read("2024-2024")).toEqual({ first: 2024, last: 2024 });
    expect(read("Theo năm chấm")).toBeNull();
    expect(read("theo nam cham")).toBeNull();
  });

  it("stops on a stage that is not two years, runs backwards or is longer than ten years, naming the row", () => {
    const e = (value: string) =>
      thrown(() => readSettings("Cấu hình", [HEADERS, ["Hạn đăng ký", "31/03"], ["Giai đoạn", value]]));
    expect(e("2021").where).toBe("'Cấu hình'!B3");
    expect(e("2021").message).toBe(
      `Trang tính "Cấu hình": giá trị của "Giai đoạn" không dùng được ('Cấu hình'!B3): Giai đoạn "2021" phải ghi dạng năm đầu-năm cuối, ví dụ 2021-2025 (hoặc "Theo năm chấm")`,
    );
    expect(e("2025-2021").message).toContain("Giai đoạn 2025-2021: năm đầu 2025 sau năm cuối 2021");
    expect(e("2016-2030").message).toContain("Giai đoạn 2016-2030 dài 15 năm; một giai đoạn dài tối đa 10 năm");
  });
});

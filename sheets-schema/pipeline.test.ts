import { describe, expect, it } from "vitest";
import { score } from "../scoring/score.ts";
import { outputTabs } from "./output/write-tabs.ts";
import { scoreWorkbook } from "./pipeline.ts";
import { readWorkbook } from "./read-workbook.ts";
import { ContractError, type RawTabs } from "./types.ts";

const REGISTRATION_HEADERS = [
  "Năm",
  "Mã đơn vị",
  "Tên mô hình, điển hình",
  "Loại",
  "Lĩnh vực",
  "Hình thức",
  "Ngày đăng ký",
  "Bình chọn công khai",
  "Số phiếu đồng ý",
  "Tổng số phiếu",
  "Tập thể thừa nhận",
  "Sức lan tỏa",
];

/** Three xã in one cluster: two tie on 66 points, the third (named like a formula) has no registration. */
function workbook(): RawTabs {
  return {
    "Đơn vị": [
      ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Cụm thi đua"],
      ["XD", "Xã Đông", "Xã, thị trấn", "Cụm 1"],
      ["XT", "=Xã Tây", "Xã, thị trấn", "Cụm 1"],
      ["XB", "Xã Bắc", "Xã, thị trấn", "Cụm 1"],
    ],
    "Đăng ký": [
      REGISTRATION_HEADERS,
      [2024, "XD", "Chợ an toàn", "Tập thể", "Kinh tế", "Xây dựng mới", "01/03/2024", "Có", 8, 10, "Có", "Cao"],
      [2024, "XB", "Đường hoa", "Tập thể", "Văn hóa - xã hội", "Nhân rộng", "02/03/2024", "Có", 8, 10, "Có", "Cao"],
      [2024, "XX", "Không rõ đơn vị", "Tập thể", "Kinh tế", "Xây dựng mới", "02/03/2024", "Có", 8, 10, "Có", "Cao"],
    ],
  };
}

describe("scoreWorkbook", () => {
  // N = R = 1, F = 1, V = 0,8: 50·0,5 + 20·1 + 20·0,8 + 10·0,5 = 25 + 20 + 16 + 5 = 66.
  // cap = max(1, ⌊30% × 3⌋) = 1, and the two units tied at rank 1 straddle it: the Ban Chỉ đạo decides.
  it("turns raw tab values into ranking rows: ties share a rank, listed by name, the next rank skipped", () => {
    const { tabs } = scoreWorkbook(workbook(), 2024);
    const ranking = tabs.find((t) => t.title === "Xếp hạng 2024");
    const tie = "Đồng hạng tại ngưỡng – Ban Chỉ đạo xem xét";
    // 66 = 50·½ + 20·1 + 20·0,8 + 10·½: the four parts 25, 20, 16, 5.
    expect(ranking?.rows.slice(1).map((r) => r.slice(0, 19))).toEqual([
      ["Cụm 1", 1, "XB", "Xã Bắc", "Xã, thị trấn", 1, 1, 1, 1, 0, 1, 66, 25, 20, 16, 5, "Có", tie, ""],
      ["Cụm 1", 1, "XD", "Xã Đông", "Xã, thị trấn", 1, 1, 1, 1, 0, 1, 66, 25, 20, 16, 5, "Có", tie, ""],
      ["Cụm 1", 3, "XT", "=Xã Tây", "Xã, thị trấn", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "Không", "", "Chưa đạt chỉ tiêu"],
    ]);
  });

  it("lists a row it cannot use in Lỗi dữ liệu and scores the rest", () => {
    const { result, errors, tabs } = scoreWorkbook(workbook(), 2024);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ tab: "Đăng ký", value: "XX" });
    expect(tabs.find((t) => t.title === "Lỗi dữ liệu")?.rows[1]).toEqual([
      errors[0]?.tab,
      errors[0]?.cell,
      errors[0]?.value,
      errors[0]?.message,
    ]);
    expect(result.registrations.map((v) => v.registration.unitCode)).toEqual(["XB", "XD"]);
  });

  it("writes every generated tab of the year, and no input tab", () => {
    const { tabs } = scoreWorkbook(workbook(), 2024);
    expect(tabs.map((t) => t.title)).toEqual([
      "Xếp hạng 2024",
      "Kết quả mô hình 2024",
      "Chỉ tiêu 2024",
      "Tổ, khối dân vận 2024",
      "Rà soát 2024",
      "Lỗi dữ liệu",
    ]);
  });

  it("scores as if every year's records were kept, though it keeps only those of Y and Y − 1", () => {
    const tabs = workbook();
    const older = [
      2022,
      "XT",
      "Mô hình cũ",
      "Tập thể",
      "Kinh tế",
      "Xây dựng mới",
      "01/03/2022",
      "Có",
      8,
      10,
      "Có",
      "Cao",
    ];
    tabs["Đăng ký"]?.push(older, [
      2023,
      "XT",
      "Năm trước",
      "Tập thể",
      "Kinh tế",
      "Xây dựng mới",
      "01/03/2023",
      "Có",
      1,
      10,
      "Có",
      "Cao",
    ]);
    const { units, registrations, teams, settings, errors } = readWorkbook(tabs);
    const result = score({ year: 2024, settings, units, registrations, teams });
    expect(registrations.some((r) => r.year === 2022)).toBe(true);
    expect(scoreWorkbook(tabs, 2024)).toEqual({ result, errors, tabs: outputTabs(result, errors) });
  });

  it("throws the reader's ContractError unchanged when a required column is missing", () => {
    const tabs = workbook();
    tabs["Đăng ký"] = [REGISTRATION_HEADERS.filter((h) => h !== "Năm")];
    expect(() => scoreWorkbook(tabs, 2024)).toThrow(ContractError);
    expect(() => scoreWorkbook(tabs, 2024)).toThrow(/Năm/);
  });
});

describe("a unit whose registrations of the year were all rejected (§3.7)", () => {
  it("is warned to fix its rows in Lỗi dữ liệu, not that it registered nothing", () => {
    const tabs = workbook();
    tabs["Đăng ký"]?.push(
      [2024, "XT", "Chợ", "TT", "Kinh tế", "Mới", "31/02/2024", "Có", 8, 10, "Có", "Cao"], // no such date
      [2024, "XT", "Đường", "Không rõ", "Kinh tế", "Mới", "01/02/2024", "Có", 8, 10, "Có", "Cao"], // unknown Loại
      [2023, "XT", "Cầu", "Không rõ", "Kinh tế", "Mới", "01/02/2023", "Có", 8, 10, "Có", "Cao"], // another year
    );
    const { result } = scoreWorkbook(tabs, 2024);
    const xt = result.units.find((u) => u.unit.code === "XT");
    expect(xt?.flags.map((f) => f.message)).toContain("Có 2 dòng đăng ký bị lỗi – xem Lỗi dữ liệu");
    expect(xt?.flags.map((f) => f.code)).not.toContain("noRegistration");
  });
});

import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../scoring/settings.ts";
import { readSources } from "./read-sources.ts";
import { readWorkbook } from "./read-workbook.ts";
import { ContractError, type RawGrid, type RawTabs } from "./types.ts";

const UNIT_HEADER = ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Đơn vị cấp trên"];
const REG_HEADER = ["Năm", "Mã mô hình", "Mã đơn vị", "Tên mô hình, điển hình", "Loại", "Lĩnh vực", "Hình thức"];
const TEAM_HEADER = ["Năm", "Mã tổ", "Cấp", "Mã đơn vị", "Xếp loại"];

/** The main spreadsheet of a small province: its units and its rules, no registration of its own. */
function main(): RawTabs {
  return {
    "Đơn vị": [UNIT_HEADER, ["X1", "Xã 1", "Xã"], ["X2", "Xã 2", "Xã"], ["T1", "Thôn 1", "Thôn", "X1"]],
    "Cấu hình": [
      ["Tham số", "Giá trị"],
      ["Hạn đăng ký", "10/10"],
    ],
    "Nguồn dữ liệu": [["Mã bảng tính hoặc đường dẫn"], ["src-a"], ["src-b"]],
  };
}

function registrations(...rows: RawGrid): RawGrid {
  return [REG_HEADER, ...rows];
}

describe("readSources", () => {
  it("reads the units of the main spreadsheet and the registrations and teams of the sources, each with its source", () => {
    const book = readSources([
      { source: "", tabs: main() },
      {
        source: "src-a",
        name: "Xã 1",
        tabs: { "Đăng ký": registrations([2024, "M1", "X1", "Chợ", "TT", "KT", "Mới"]) },
      },
      {
        source: "src-b",
        name: "Xã 2",
        tabs: {
          "Đăng ký": registrations([2024, "M2", "X2", "Đường", "TT", "KT", "Mới"]),
          "Tổ, khối dân vận": [TEAM_HEADER, [2024, "TDV1", "Tổ", "T1", "Tốt"]],
        },
      },
    ]);
    expect(book.units.map((u) => [u.code, u.ref.source])).toEqual([
      ["X1", ""],
      ["X2", ""],
      ["T1", ""],
    ]);
    expect(book.registrations.map((r) => [r.modelId, r.ref.source, r.ref.row])).toEqual([
      ["M1", "src-a", 2],
      ["M2", "src-b", 2],
    ]);
    expect(book.teams.map((t) => [t.teamId, t.ref.source])).toEqual([["TDV1", "src-b"]]);
    expect(book.settings.registrationDeadline).toEqual({ day: 10, month: 10 });
    expect(book.errors).toEqual([]);
    expect(book.skipped).toEqual([]);
  });

  it("reads the same records as readWorkbook when everything is in the main spreadsheet", () => {
    const tabs: RawTabs = {
      ...main(),
      "Đăng ký": registrations(
        [2024, "M1", "X1", "Chợ", "TT", "KT", "Mới"],
        [2024, "M2", "X9", "Cầu", "TT", "KT", "Mới"],
      ),
    };
    const merged = readSources([{ source: "", tabs }]);
    const single = readWorkbook(tabs);
    expect(merged.units).toEqual(single.units);
    expect(merged.registrations).toEqual(single.registrations);
    expect(merged.settings).toEqual(single.settings);
    expect(merged.errors).toEqual(single.errors);
  });

  it("lists the errors of a source with the source's id and name, and the main spreadsheet's without", () => {
    const book = readSources([
      { source: "", tabs: { ...main(), "Đăng ký": registrations([2024, "M0", "X7", "Sai mã", "TT", "KT", "Mới"]) } },
      {
        source: "src-a",
        name: "Xã 1",
        tabs: { "Đăng ký": registrations([2024, "M1", "X9", "Cầu", "TT", "KT", "Mới"]) },
      },
    ]);
    expect(book.errors.map((e) => [e.cell, e.source, e.sourceName])).toEqual([
      ["'Đăng ký'!C2", undefined, undefined],
      ["'Đăng ký'!C2", "src-a", "Xã 1"],
    ]);
  });

  it("keeps the first of two units with one code in different spreadsheets; the later row is the error", () => {
    const book = readSources([
      { source: "", tabs: main() },
      {
        source: "src-a",
        name: "Huyện A",
        tabs: {
          "Đơn vị": [UNIT_HEADER, ["A1", "Xã A1", "Xã"], ["x1", "Xã 1 lần nữa", "Xã"]],
          "Đăng ký": registrations(
            [2024, "M1", "X1", "Chợ", "TT", "KT", "Mới"],
            [2024, "M2", "A1", "Đường", "TT", "KT", "Mới"],
          ),
        },
      },
    ]);
    expect(book.units.map((u) => [u.code, u.name])).toEqual([
      ["X1", "Xã 1"],
      ["X2", "Xã 2"],
      ["T1", "Thôn 1"],
      ["A1", "Xã A1"],
    ]);
    expect(book.errors).toEqual([
      {
        tab: "Đơn vị",
        cell: "'Đơn vị'!A3",
        value: "x1",
        message: 'Mã đơn vị "X1" bị trùng với dòng 2 của bảng tính chính',
        unitCode: "X1",
        source: "src-a",
        sourceName: "Huyện A",
      },
    ]);
    expect(book.registrations.map((r) => r.unitCode)).toEqual(["X1", "A1"]);
  });

  it("accepts a Đơn vị cấp trên defined in another spreadsheet, in either order", () => {
    const book = readSources([
      { source: "", tabs: { "Đơn vị": [UNIT_HEADER, ["H1", "Huyện 1", "Cơ quan", "X5"]] } },
      {
        source: "src-a",
        tabs: {
          "Đơn vị": [
            UNIT_HEADER,
            ["X5", "Xã 5", "Xã"],
            ["T5", "Thôn 5", "Thôn", "X5"],
            ["T6", "Thôn 6", "Thôn", "X404"],
          ],
          "Đăng ký": registrations(),
        },
      },
    ]);
    expect(book.units.map((u) => [u.code, u.parentCode])).toEqual([
      ["H1", "X5"],
      ["X5", null],
      ["T5", "X5"],
      ["T6", null],
    ]);
    expect(book.errors.map((e) => [e.cell, e.source])).toEqual([["'Đơn vị'!D4", "src-a"]]);
  });

  it("makes a Mã mô hình of one year met again in a later spreadsheet an error on the later row only", () => {
    const book = readSources([
      { source: "", tabs: main() },
      {
        source: "src-a",
        tabs: {
          "Đăng ký": registrations(
            [2024, "M1", "X1", "Chợ", "TT", "KT", "Mới"],
            [2023, "M1", "X1", "Chợ", "TT", "KT", "Mới"],
          ),
        },
      },
      {
        source: "src-b",
        name: "Xã 2",
        tabs: {
          "Đăng ký": registrations(
            [2023, "M9", "X2", "Khác", "TT", "KT", "Mới"],
            [2024, "m1", "X2", "Trùng", "TT", "KT", "Mới"],
          ),
        },
      },
    ]);
    expect(book.registrations.map((r) => `${r.modelId}/${r.year}/${r.ref.source}`)).toEqual([
      "M1/2024/src-a",
      "M1/2023/src-a",
      "M9/2023/src-b",
    ]);
    expect(book.errors.map((e) => [e.cell, e.source, e.message])).toEqual([
      ["'Đăng ký'!B3", "src-b", 'Mã mô hình "M1" của năm 2024 bị trùng với dòng 2 của nguồn "src-a"'],
    ]);
  });

  it("makes a Mã tổ of one year met again in a later spreadsheet an error on the later row", () => {
    const teams = (unit: string): RawGrid => [TEAM_HEADER, [2024, "TDV1", "Tổ", unit, "Tốt"]];
    const book = readSources([
      { source: "", tabs: { ...main(), "Đăng ký": registrations(), "Tổ, khối dân vận": teams("T1") } },
      { source: "src-a", name: "Xã 1", tabs: { "Tổ, khối dân vận": teams("X1") } },
    ]);
    expect(book.teams.map((t) => t.unitCode)).toEqual(["T1"]);
    expect(book.errors.map((e) => [e.cell, e.message])).toEqual([
      ["'Tổ, khối dân vận'!B2", 'Mã tổ "TDV1" của năm 2024 bị trùng với dòng 2 của bảng tính chính'],
    ]);
  });

  it("names the spreadsheet of a unit's bad row when another spreadsheet's rows use that unit", () => {
    const units = main()["Đơn vị"] as RawGrid;
    const book = readSources([
      {
        source: "",
        tabs: {
          ...main(),
          "Đơn vị": [...units.slice(0, 2), ["X2", "Xã 2", "Xa lạ"], ...units.slice(3)],
          "Đăng ký": registrations([2024, "M0", "B2", "Chợ", "TT", "KT", "Mới"]),
        },
      },
      {
        source: "src-a",
        name: "Huyện A",
        tabs: {
          "Đơn vị": [UNIT_HEADER, ["B1", "Xã B1", "Xã"], ["B2", "Xã B2", "Không rõ"]],
          "Đăng ký": registrations(
            [2024, "M1", "B1", "Cầu", "TT", "KT", "Mới"],
            [2024, "M2", "X2", "Đường", "TT", "KT", "Mới"],
          ),
          "Tổ, khối dân vận": [TEAM_HEADER, [2024, "TDV1", "Tổ", "X2", "Tốt"]],
        },
      },
    ]);
    const unitErrors = book.errors.filter((e) => e.message.startsWith("Đơn vị "));
    expect(unitErrors.map((e) => [e.cell, e.source, e.message])).toEqual([
      [
        "'Đăng ký'!C2",
        undefined,
        'Đơn vị "B2" có lỗi ở trang tính "Đơn vị" (dòng 3 của nguồn "Huyện A") nên dòng này chưa được chấm',
      ],
      [
        "'Đăng ký'!C3",
        "src-a",
        'Đơn vị "X2" có lỗi ở trang tính "Đơn vị" (dòng 3 của bảng tính chính) nên dòng này chưa được chấm',
      ],
      [
        "'Tổ, khối dân vận'!D2",
        "src-a",
        'Đơn vị "X2" có lỗi ở trang tính "Đơn vị" (dòng 3 của bảng tính chính) nên dòng này chưa được chấm',
      ],
    ]);
  });

  it("takes the rules from the main spreadsheet only, and says that a source's Cấu hình and Nguồn dữ liệu are not used", () => {
    const book = readSources([
      { source: "", tabs: { "Đơn vị": main()["Đơn vị"]!, "Đăng ký": registrations() } },
      {
        source: "src-a",
        name: "Huyện A",
        tabs: {
          "Cấu hình": [
            ["Tham số", "Giá trị"],
            ["Hạn đăng ký", "31/12"],
          ],
          "Nguồn dữ liệu": [["Mã bảng tính hoặc đường dẫn"], ["src-z"]],
        },
      },
      { source: "src-b", tabs: { "Cấu hình": [["Tham số", "Giá trị"]] } }, // a header alone says nothing
    ]);
    expect(book.settings).toEqual(DEFAULT_SETTINGS);
    expect(book.errors.map((e) => [e.tab, e.cell, e.source])).toEqual([
      ["Cấu hình", "'Cấu hình'!A1", "src-a"],
      ["Nguồn dữ liệu", "'Nguồn dữ liệu'!A1", "src-a"],
    ]);
    expect(book.errors[0]?.message).toContain("không được dùng");
  });

  it("leaves out a source whose tab lacks a required column, lists it, and reads the rest", () => {
    const book = readSources([
      { source: "", tabs: main() },
      {
        source: "src-a",
        name: "Huyện A",
        tabs: {
          "Đăng ký": [
            ["Năm", "Mã đơn vị"],
            [2024, "X1"],
          ],
        },
      },
      { source: "src-b", tabs: { "Đăng ký": registrations([2024, "M1", "X1", "Chợ", "TT", "KT", "Mới"]) } },
    ]);
    expect(book.registrations.map((r) => r.ref.source)).toEqual(["src-b"]);
    expect(book.skipped).toEqual([
      {
        source: "src-a",
        name: "Huyện A",
        message: expect.stringContaining("thiếu cột bắt buộc"),
        where: "'Đăng ký'!1:1",
      },
    ]);
    expect(book.errors).toEqual([
      {
        tab: "Đăng ký",
        cell: "'Đăng ký'!1:1",
        value: "",
        message: expect.stringMatching(/^Nguồn "Huyện A" không được chấm: Trang tính "Đăng ký" thiếu cột bắt buộc/),
        source: "src-a",
        sourceName: "Huyện A",
      },
    ]);
  });

  it("makes one ranking group of one cluster spelled differently in the main spreadsheet and a source", () => {
    const header = ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Cụm thi đua"];
    const book = readSources([
      {
        source: "",
        tabs: {
          "Đơn vị": [header, ["CB1", "Chi bộ 1", "Chi bộ", "Cụm 1"], ["CB2", "Chi bộ 2", "Chi bộ", "Cụm 1"]],
          "Đăng ký": registrations(),
        },
      },
      { source: "src-a", name: "Huyện A", tabs: { "Đơn vị": [header, ["CB3", "Chi bộ 3", "Chi bộ", " cụm  1 "]] } },
    ]);
    expect(book.units.map((u) => [u.code, u.cluster])).toEqual([
      ["CB1", "Cụm 1"],
      ["CB2", "Cụm 1"],
      ["CB3", "Cụm 1"],
    ]);
  });

  it("lists a source that lacks a required column at its row of Nguồn dữ liệu, naming the source's own cell", () => {
    const listedAt = {
      spreadsheetId: "src-a",
      name: "Huyện A",
      tab: "Nguồn dữ liệu",
      cell: "'Nguồn dữ liệu'!A2",
      value: "src-a",
    };
    const book = readSources([
      { source: "", tabs: main() },
      {
        source: "src-a",
        name: "Huyện A",
        listedAt,
        tabs: {
          "Đăng ký": [
            ["Năm", "Mã đơn vị"],
            [2024, "X1"],
          ],
        },
      },
      { source: "src-b", tabs: { "Đăng ký": registrations([2024, "M1", "X1", "Chợ", "TT", "KT", "Mới"]) } },
    ]);
    expect(book.registrations.map((r) => r.ref.source)).toEqual(["src-b"]);
    expect(book.errors).toEqual([
      {
        tab: "Nguồn dữ liệu",
        cell: "'Nguồn dữ liệu'!A2",
        value: "src-a",
        message: expect.stringMatching(
          /^Không đọc được nguồn "Huyện A": Trang tính "Đăng ký" thiếu cột bắt buộc .*\(ô 'Đăng ký'!1:1 của nguồn\)/,
        ),
      },
    ]);
  });

  it("reports a Mã mô hình met again in a later spreadsheet even on a row of a year not kept, as one spreadsheet does", () => {
    const sources = [
      { source: "", tabs: { ...main(), "Đăng ký": registrations([2019, "M1", "X1", "Chợ", "TT", "KT", "Mới"]) } },
      { source: "src-a", tabs: { "Đăng ký": registrations([2019, "M1", "X2", "Chợ", "TT", "KT", "Mới"]) } },
    ];
    const all = readSources(sources);
    const kept = readSources(sources, { years: [2024, 2023] });
    expect(kept.registrations).toEqual([]);
    expect(kept.errors).toEqual(all.errors);
    expect(all.errors.map((e) => [e.cell, e.source])).toEqual([["'Đăng ký'!B2", "src-a"]]);
  });

  it("stops the run when the main spreadsheet breaks the contract", () => {
    const tabs = { ...main(), "Đăng ký": [["Năm"], [2024]] };
    expect(() => readSources([{ source: "", tabs }])).toThrow(ContractError);
    const badRule = {
      ...main(),
      "Cấu hình": [
        ["Tham số", "Giá trị"],
        ["Không có", "1"],
      ],
    };
    expect(() =>
      readSources([
        { source: "", tabs: badRule },
        { source: "a", tabs: { "Đăng ký": registrations() } },
      ]),
    ).toThrow(ContractError);
  });

  it("stops the run when no spreadsheet read has a Đăng ký tab, or a Đơn vị tab", () => {
    expect(() =>
      readSources([
        { source: "", tabs: main() },
        { source: "a", tabs: {} },
      ]),
    ).toThrow(/"Đăng ký"/);
    expect(() => readSources([{ source: "", tabs: { "Đăng ký": registrations() } }])).toThrow(/"Đơn vị"/);
  });

  it("treats an entirely empty tab of a source as absent", () => {
    const book = readSources([
      { source: "", tabs: { ...main(), "Đăng ký": registrations() } },
      { source: "src-a", tabs: { "Đơn vị": [], "Đăng ký": [[""]] } },
    ]);
    expect(book.skipped).toEqual([]);
    expect(book.errors).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { errorsTab } from "./errors-tab.ts";

describe("Lỗi dữ liệu tab", () => {
  it("lists each data error with its tab, cell, value and message", () => {
    const tab = errorsTab([
      { tab: "Đăng ký", cell: "'Đăng ký'!H12", value: "31/02/2024", message: "Ngày không tồn tại." },
      { tab: "Đơn vị", cell: "'Đơn vị'!A5", value: "=1+1", message: "Mã đơn vị bị trùng." },
    ]);
    expect(tab.title).toBe("Lỗi dữ liệu");
    expect(tab.rows).toEqual([
      ["Trang tính", "Ô", "Giá trị", "Lỗi"],
      ["Đăng ký", "'Đăng ký'!H12", "31/02/2024", "Ngày không tồn tại."],
      ["Đơn vị", "'Đơn vị'!A5", "=1+1", "Mã đơn vị bị trùng."],
    ]);
  });

  it("is written with only its header when there is no error, so an old list is cleared", () => {
    expect(errorsTab([]).rows).toEqual([["Trang tính", "Ô", "Giá trị", "Lỗi"]]);
  });
});

describe("Lỗi dữ liệu tab of a run over several spreadsheets", () => {
  it("adds a Nguồn column naming each row's spreadsheet, the main one as Bảng tính chính", () => {
    const tab = errorsTab([
      { tab: "Đơn vị", cell: "'Đơn vị'!A5", value: "X", message: "Mã đơn vị bị trùng." },
      {
        tab: "Đăng ký",
        cell: "'Đăng ký'!H12",
        value: "31/02/2024",
        message: "Ngày không tồn tại.",
        source: "1AbC",
        sourceName: "Huyện A",
      },
      { tab: "Đăng ký", cell: "'Đăng ký'!B3", value: "", message: "Trống.", source: "1XyZ" },
    ]);
    expect(tab.rows).toEqual([
      ["Trang tính", "Ô", "Giá trị", "Lỗi", "Nguồn"],
      ["Đơn vị", "'Đơn vị'!A5", "X", "Mã đơn vị bị trùng.", "Bảng tính chính"],
      ["Đăng ký", "'Đăng ký'!H12", "31/02/2024", "Ngày không tồn tại.", "Huyện A"],
      ["Đăng ký", "'Đăng ký'!B3", "", "Trống.", "1XyZ"],
    ]);
  });
});

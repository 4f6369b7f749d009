import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../scoring/settings.ts";
import { readWorkbook } from "./read-workbook.ts";
import { ContractError, type RawTabs } from "./types.ts";

function tabs(): RawTabs {
  return {
    "Đơn vị": [
      ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Đơn vị cấp trên"],
      ["X1", "Xã 1", "Xã"],
      ["T1", "Thôn 1", "Thôn", "X1"],
      ["T2", "Thôn 2", "Huyện"],
    ],
    "Đăng ký": [
      ["Năm", "Mã đơn vị", "Tên mô hình, điển hình", "Loại", "Lĩnh vực", "Hình thức"],
      [2024, "X1", "Chợ", "TT", "KT", "Mới"],
      [2024, "T2", "Đường", "TT", "KT", "Mới"],
      [2024, "X9", "Cầu", "TT", "KT", "Mới"],
    ],
    "Tổ, khối dân vận": [
      ["Năm", "Mã tổ", "Cấp", "Mã đơn vị", "Xếp loại"],
      [2024, "TDV1", "Tổ", "T1", "Tốt"],
    ],
    "Cấu hình": [
      ["Tham số", "Giá trị"],
      ["Hạn đăng ký", "10/10"],
    ],
  };
}

describe("readWorkbook", () => {
  it("reads all four tabs and lists the bad rows of each, in tab order", () => {
    const book = readWorkbook(tabs());
    expect(book.units.map((u) => u.code)).toEqual(["X1", "T1"]);
    expect(book.registrations.map((r) => r.name)).toEqual(["Chợ"]);
    expect(book.teams.map((t) => t.teamId)).toEqual(["TDV1"]);
    expect(book.settings.registrationDeadline).toEqual({ day: 10, month: 10 });
    expect(book.errors.map((e) => e.cell)).toEqual(["'Đơn vị'!C4", "'Đăng ký'!B3", "'Đăng ký'!B4"]);
  });

  it("finds tabs typed without diacritics", () => {
    const t = tabs();
    const book = readWorkbook({ "Don vi": t["Đơn vị"]!, "dang ky ": t["Đăng ký"]! });
    expect(book.registrations).toHaveLength(1);
    expect(book.errors[0]?.tab).toBe("Don vi");
  });

  it("uses every default without a Cấu hình tab, or with an empty one", () => {
    const t = tabs();
    delete t["Cấu hình"];
    expect(readWorkbook(t).settings).toEqual(DEFAULT_SETTINGS);
    t["Cấu hình"] = [];
    expect(readWorkbook(t).settings).toEqual(DEFAULT_SETTINGS);
  });

  it("has no teams without a Tổ, khối dân vận tab", () => {
    const t = tabs();
    delete t["Tổ, khối dân vận"];
    expect(readWorkbook(t).teams).toEqual([]);
  });

  it("stops when a required tab is missing", () => {
    const t = tabs();
    delete t["Đăng ký"];
    expect(() => readWorkbook(t)).toThrow(new ContractError('Không tìm thấy trang tính "Đăng ký"', "'Đăng ký'"));
  });

  it("stops on a bad setting before reading any row", () => {
    const t = tabs();
    t["Cấu hình"]?.push(["Trọng số bình chọn", 50]);
    expect(() => readWorkbook(t)).toThrow(ContractError);
  });

  it("stops on a missing column of the teams tab even though the other tabs are sound", () => {
    const t = tabs();
    t["Tổ, khối dân vận"] = [["Năm", "Mã tổ", "Mã đơn vị"]];
    expect(() => readWorkbook(t)).toThrow('Trang tính "Tổ, khối dân vận" thiếu cột bắt buộc "Cấp"');
  });

  it("leaves out the registrations of a unit whose row has an error, saying why", () => {
    const book = readWorkbook(tabs());
    expect(book.errors[1]?.message).toBe(
      'Đơn vị "T2" có lỗi ở trang tính "Đơn vị" (dòng 4) nên dòng này chưa được chấm',
    );
  });
});

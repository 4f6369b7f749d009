import { describe, expect, it } from "vitest";
import { headerHits, locateColumns } from "./headers.ts";
import { REGISTRATION_COLUMNS, UNIT_COLUMNS } from "./tabs.ts";
import { ContractError } from "./types.ts";

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("did not throw");
}

describe("locateColumns", () => {
  it("finds columns typed without diacritics and in another order", () => {
    const cols = locateColumns("Đơn vị", ["Loai don vi", "Ten don vi", "Ma don vi"], UNIT_COLUMNS);
    expect(cols).toMatchObject({ code: 2, name: 1, type: 0 });
  });

  it("finds headers spelled with the other tone placement, another case or extra spaces", () => {
    const cols = locateColumns(
      "Đăng ký",
      [
        "NĂM",
        " Mã  đơn vị ",
        "Tên mô hình,điển hình",
        "Loại",
        "Lĩnh vực",
        "Hình thức",
        "Cấp uỷ công nhận",
        "Sức lan toả",
      ],
      REGISTRATION_COLUMNS,
    );
    expect(cols).toMatchObject({ year: 0, unitCode: 1, name: 2, committeeRecognised: 6, spread: 7 });
  });

  it("finds a column by another header offices give it", () => {
    const cols = locateColumns(
      "Đơn vị",
      ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Mã đơn vị cấp trên"],
      UNIT_COLUMNS,
    );
    expect(cols.parentCode).toBe(3);
  });

  it("ignores extra columns and marks absent optional ones -1", () => {
    const cols = locateColumns("Đơn vị", ["STT", "Mã đơn vị", "Tên đơn vị", "Ghi chú", "Loại đơn vị"], UNIT_COLUMNS);
    expect(cols).toEqual({ code: 1, name: 2, type: 4, parentCode: -1, cluster: -1, titleParticipation: -1 });
  });

  it("stops with the tab and column named when a required column is missing", () => {
    const e = thrown(() =>
      locateColumns(
        "Đăng ký",
        ["Mã đơn vị", "Tên mô hình, điển hình", "Loại", "Lĩnh vực", "Hình thức"],
        REGISTRATION_COLUMNS,
      ),
    );
    expect(e).toBeInstanceOf(ContractError);
    expect((e as ContractError).message).toBe('Trang tính "Đăng ký" thiếu cột bắt buộc "Năm"');
  });

  it("names every missing required column at once", () => {
    const e = thrown(() => locateColumns("Đơn vị", ["Mã đơn vị"], UNIT_COLUMNS)) as ContractError;
    expect(e.message).toBe('Trang tính "Đơn vị" thiếu cột bắt buộc "Tên đơn vị", "Loại đơn vị"');
  });

  it("stops when two columns read as the same header, naming both cells", () => {
    const headers = [
      "Mã mô hình",
      "Năm",
      "Mã đơn vị",
      "Tên mô hình, điển hình",
      "Loại",
      "nam",
      "Lĩnh vực",
      "Hình thức",
    ];
    // "nam" alone would be read as "Năm"; next to a real "Năm" column it is just an extra column.
    expect(() => locateColumns("Đăng ký", headers, REGISTRATION_COLUMNS)).not.toThrow();
    headers[5] = "NĂM";
    const e = thrown(() => locateColumns("Đăng ký", headers, REGISTRATION_COLUMNS)) as ContractError;
    expect(e).toBeInstanceOf(ContractError);
    expect(e.message).toBe(`Trang tính "Đăng ký" có hai cột "Năm" ('Đăng ký'!B1 và 'Đăng ký'!F1)`);
  });

  it("reports every required column missing when the tab has no header row", () => {
    expect(() => locateColumns("Đơn vị", undefined, UNIT_COLUMNS)).toThrow(ContractError);
  });
});

describe("headerHits", () => {
  it("lists every column read as each header: exact matches first, loose ones only without them", () => {
    const row = ["STT", "Nam", "Năm", "Ma don vi", "Mã đơn vị", "Ten don vi"];
    expect(headerHits(row, UNIT_COLUMNS)).toEqual([[4], [5], [], [], [], []]);
    expect(headerHits(["Năm", "x", "NĂM"], REGISTRATION_COLUMNS)[1]).toEqual([0, 2]);
    expect(headerHits(["STT", "Nam"], REGISTRATION_COLUMNS)[1]).toEqual([1]);
  });
});

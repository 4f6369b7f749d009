import { describe, expect, it } from "vitest";
import { readRegistrations } from "./read-registrations.ts";
import type { RawCell, RawGrid } from "./types.ts";

const UNITS = { known: new Set(["X1", "X2"]), rejected: new Map([["X3", 4]]) };

const HEADERS = [
  "Mã mô hình",
  "Năm",
  "Mã đơn vị",
  "Tên mô hình, điển hình",
  "Loại",
  "Lĩnh vực",
  "Hình thức",
  "Ngày đăng ký",
  "Ngày báo cáo",
  "Bình chọn công khai",
  "Số phiếu đồng ý",
  "Tổng số phiếu",
  "Tập thể thừa nhận",
  "Sức lan tỏa",
  "Cấp ủy công nhận",
  "Ghi chú",
];

/** A sound row of year 2024 for unit X1, with some cells replaced. */
function row(changes: Record<number, RawCell> = {}): RawCell[] {
  const cells: RawCell[] = [
    "MH1",
    2024,
    "X1",
    "Chợ an toàn",
    "Tập thể",
    "Kinh tế",
    "Xây dựng mới",
    "15/03/2024",
    45600,
    true,
    40,
    50,
    "x",
    "Cao",
    "",
    "ghi chú",
  ];
  for (const [i, v] of Object.entries(changes)) cells[Number(i)] = v;
  return cells;
}

function read(...rows: RawCell[][]) {
  return readRegistrations("Đăng ký", [HEADERS, ...rows] as RawGrid, UNITS);
}

describe("readRegistrations", () => {
  it("keeps the registrations of the years asked for, and still lists the errors of the others", () => {
    const grid = [
      HEADERS,
      row(),
      row({ 0: "MH2", 1: 2022, 3: " Chợ  an toàn ", 15: "\u200B" }),
      row({ 0: "MH3", 1: 2022, 4: "?" }),
      row({ 0: "MH4", 1: 2023 }),
      row({ 0: "MH5", 1: 2022, 3: " " }),
      row({ 0: "MH6", 1: "20x", 3: "" }),
    ];
    const all = readRegistrations("Đăng ký", grid as RawGrid, UNITS);
    const some = readRegistrations("Đăng ký", grid as RawGrid, UNITS, { years: [2024, 2023] });
    expect(some.registrations.map((r) => r.modelId)).toEqual(["MH1", "MH4"]);
    expect(some.registrations).toEqual(all.registrations.filter((r) => r.year !== 2022));
    expect(some.errors).toEqual(all.errors);
    expect(some.errors.map((e) => e.cell)).toEqual(["'Đăng ký'!E4", "'Đăng ký'!D6", "'Đăng ký'!B7", "'Đăng ký'!D7"]);
  });

  it("reads a sound row into a registration", () => {
    const { registrations, errors } = read(row());
    expect(errors).toEqual([]);
    expect(registrations).toEqual([
      {
        ref: { source: "", row: 2 },
        modelId: "MH1",
        year: 2024,
        unitCode: "X1",
        name: "Chợ an toàn",
        kind: "collective",
        field: "economy",
        form: "new",
        registeredOn: "2024-03-15",
        reportedOn: "2024-11-04",
        publicVote: true,
        votesFor: 40,
        votesCast: 50,
        acknowledged: true,
        spread: "high",
        committeeRecognised: false,
        note: "ghi chú",
      },
    ]);
  });

  it("reads an empty yes/no cell as no and empty optional cells as null", () => {
    const { registrations } = read(row({ 0: "", 7: "", 9: "", 10: "", 11: "", 12: "", 13: "" }));
    expect(registrations[0]).toMatchObject({
      modelId: null,
      registeredOn: null,
      publicVote: false,
      votesFor: null,
      votesCast: null,
      acknowledged: false,
      spread: null,
    });
  });

  it("reads checkbox columns given as booleans and as the strings TRUE/FALSE", () => {
    const { registrations } = read(row({ 9: "TRUE", 12: false, 14: true }));
    expect(registrations[0]).toMatchObject({ publicVote: true, acknowledged: false, committeeRecognised: true });
  });

  it("reports 31/02/2024 as it is, without shifting it", () => {
    const { registrations, errors } = read(row({ 7: "31/02/2024" }));
    expect(registrations).toEqual([]);
    expect(errors).toEqual([
      {
        tab: "Đăng ký",
        cell: "'Đăng ký'!H2",
        value: "31/02/2024",
        message: "Ngày 31/02/2024 không tồn tại",
        unitCode: "X1",
      },
    ]);
  });

  it("reads vote counts written 1.234 with the Vietnamese thousands separator", () => {
    const { registrations } = read(row({ 10: "1.234", 11: "1.500" }));
    expect(registrations[0]).toMatchObject({ votesFor: 1234, votesCast: 1500 });
  });

  it("reports votes in favour above votes cast on the Số phiếu đồng ý cell", () => {
    const { registrations, errors } = read(row({ 10: 60, 11: 50 }));
    expect(registrations).toEqual([]);
    expect(errors).toEqual([
      {
        tab: "Đăng ký",
        cell: "'Đăng ký'!K2",
        value: "60",
        message: "Số phiếu đồng ý (60) lớn hơn tổng số phiếu (50)",
        unitCode: "X1",
      },
    ]);
  });

  it("reports a vote count that is not whole", () => {
    const { errors } = read(row({ 11: 50.5 }));
    expect(errors.map((e) => [e.cell, e.message])).toEqual([["'Đăng ký'!L2", "Số phiếu phải là số nguyên không âm"]]);
  });

  it("reports a unit code that is not in Đơn vị", () => {
    const { registrations, errors } = read(row({ 2: "X9" }));
    expect(registrations).toEqual([]);
    expect(errors).toEqual([
      {
        tab: "Đăng ký",
        cell: "'Đăng ký'!C2",
        value: "X9",
        message: 'Không có đơn vị mã "X9" trong trang tính "Đơn vị"',
        unitCode: "X9",
      },
    ]);
  });

  it("names the unit of the row on each of its errors, the cells read before its Mã đơn vị included", () => {
    const { errors } = read(row({ 0: "", 1: "năm ngoái", 2: " x1 ", 7: "31/02/2024" }));
    expect(errors.map((e) => [e.cell, e.unitCode])).toEqual([
      ["'Đăng ký'!B2", "X1"],
      ["'Đăng ký'!H2", "X1"],
    ]);
  });

  it("names no unit on the errors of a row whose Mã đơn vị cannot be read", () => {
    const { errors } = read(row({ 2: "", 7: "31/02/2024" }), row({ 0: "MH2", 7: "31/02/2024" }));
    expect(errors.map((e) => [e.cell, e.unitCode])).toEqual([
      ["'Đăng ký'!C2", undefined],
      ["'Đăng ký'!H2", undefined],
      ["'Đăng ký'!H3", "X1"],
    ]);
    expect(errors.slice(0, 2).every((e) => !("unitCode" in e))).toBe(true);
  });

  it("says so when the unit's own row has an error", () => {
    const { errors } = read(row({ 2: "x3" }));
    expect(errors[0]?.message).toBe('Đơn vị "X3" có lỗi ở trang tính "Đơn vị" (dòng 4) nên dòng này chưa được chấm');
  });

  it("reports a Mã mô hình repeated within one year on the later row", () => {
    const { registrations, errors } = read(row(), row({ 0: "MH2" }), row({ 0: "mh1", 2: "X2" }));
    expect(registrations.map((r) => r.ref.row)).toEqual([2, 3]);
    expect(errors).toEqual([
      {
        tab: "Đăng ký",
        cell: "'Đăng ký'!A4",
        value: "mh1",
        message: 'Mã mô hình "MH1" của năm 2024 bị trùng với dòng 2',
        unitCode: "X2",
      },
    ]);
  });

  it("accepts the same Mã mô hình in different years", () => {
    const { registrations, errors } = read(row(), row({ 1: 2025 }));
    expect(errors).toEqual([]);
    expect(registrations).toHaveLength(2);
  });

  it("reports a year that is not a plausible whole year", () => {
    const { errors } = read(row({ 1: "24" }), row({ 0: "MH2", 1: 2024.5 }));
    expect(errors.map((e) => e.cell)).toEqual(["'Đăng ký'!B2", "'Đăng ký'!B3"]);
  });

  it("lists every bad cell of one row", () => {
    const { errors } = read(row({ 4: "Nhóm", 5: "Y tế", 7: "hôm qua", 13: "rất cao" }));
    expect(errors.map((e) => e.cell)).toEqual(["'Đăng ký'!E2", "'Đăng ký'!F2", "'Đăng ký'!H2", "'Đăng ký'!N2"]);
  });

  it("reads columns in another order, typed without diacritics, ignoring extra columns", () => {
    const grid: RawGrid = [
      ["STT", "Linh vuc", "Hinh thuc", "Ma don vi", "Ten mo hinh, dien hinh", "Loai", "Nam", "Người nhập"],
      [1, "VH-XH", "Nhân rộng", "X2", "Đường hoa", "CN", 2023, "Lan"],
    ];
    const { registrations, errors } = readRegistrations("Dang ky", grid, UNITS);
    expect(errors).toEqual([]);
    expect(registrations[0]).toMatchObject({
      year: 2023,
      unitCode: "X2",
      kind: "individual",
      field: "cultureSociety",
      form: "replicated",
      modelId: null,
      note: "",
    });
  });

  it("names the cells with the tab title as found in the spreadsheet", () => {
    const { errors } = readRegistrations("Dang ky", [HEADERS, row({ 2: "X9" })], UNITS);
    expect(errors[0]).toMatchObject({ tab: "Dang ky", cell: "'Dang ky'!C2" });
  });
});

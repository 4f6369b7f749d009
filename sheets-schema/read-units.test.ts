import { describe, expect, it } from "vitest";
import { readUnits } from "./read-units.ts";
import type { RawGrid } from "./types.ts";

const HEADERS = ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Đơn vị cấp trên", "Cụm thi đua", "Xét danh hiệu"];

describe("readUnits", () => {
  it("reads a unit with its code as an upper-case key", () => {
    const { units, errors } = readUnits("Đơn vị", [HEADERS, [" xa01 ", "Xã Hòa Bình", "Xã", "", "Cụm 1", "Có"]]);
    expect(errors).toEqual([]);
    expect(units).toEqual([
      {
        ref: { source: "", row: 2 },
        code: "XA01",
        name: "Xã Hòa Bình",
        type: "commune",
        parentCode: null,
        cluster: "Cụm 1",
        titleParticipation: true,
      },
    ]);
  });

  it("leaves Xét danh hiệu null when empty, for the unit type's default", () => {
    const { units } = readUnits("Đơn vị", [HEADERS, ["T1", "Thôn 1", "Thôn"]]);
    expect(units[0]?.titleParticipation).toBeNull();
    expect(units[0]?.cluster).toBeNull();
  });

  it("skips empty rows, rows of spaces and rows with only an unticked checkbox or an STT number", () => {
    const grid: RawGrid = [
      ["STT", ...HEADERS],
      [1, "X1", "Xã 1", "Xã"],
      [],
      [2, "  ", "", "\u00A0"],
      [3, "", "", "", "", "", false],
      [4, "X2", "Xã 2", "Xã"],
    ];
    const { units, errors } = readUnits("Đơn vị", grid);
    expect(errors).toEqual([]);
    expect(units.map((u) => [u.code, u.ref.row])).toEqual([
      ["X1", 2],
      ["X2", 6],
    ]);
  });

  it("reports a repeated code on the later row and leaves that row out", () => {
    const { units, errors } = readUnits("Đơn vị", [HEADERS, ["X1", "Xã 1", "Xã"], ["x1 ", "Xã khác", "Xã"]]);
    expect(units.map((u) => u.name)).toEqual(["Xã 1"]);
    expect(errors).toEqual([
      {
        tab: "Đơn vị",
        cell: "'Đơn vị'!A3",
        value: "x1 ",
        message: 'Mã đơn vị "X1" bị trùng với dòng 2',
        unitCode: "X1",
      },
    ]);
  });

  it("lists every bad cell of a row, not just the first", () => {
    const { units, errors } = readUnits("Đơn vị", [HEADERS, ["X1", "", "Huyện", "", "", "có lẽ"]]);
    expect(units).toEqual([]);
    expect(errors.map((e) => e.cell)).toEqual(["'Đơn vị'!B2", "'Đơn vị'!C2", "'Đơn vị'!F2"]);
    expect(errors[0]?.message).toBe('Ô bắt buộc "Tên đơn vị" đang để trống');
    expect(errors.map((e) => e.unitCode)).toEqual(["X1", "X1", "X1"]);
  });

  it("keeps a unit whose parent is unknown, without parent, and lists the parent cell", () => {
    const { units, errors } = readUnits("Đơn vị", [HEADERS, ["T1", "Thôn 1", "Thôn", "X9"]]);
    expect(units.map((u) => [u.code, u.parentCode])).toEqual([["T1", null]]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.cell).toBe("'Đơn vị'!D2");
    expect(errors[0]?.message).toContain('Không có đơn vị mã "X9"');
  });

  it("accepts a parent listed below its children", () => {
    const { units, errors } = readUnits("Đơn vị", [HEADERS, ["T1", "Thôn 1", "Thôn", "x1"], ["X1", "Xã 1", "Xã"]]);
    expect(errors).toEqual([]);
    expect(units[0]?.parentCode).toBe("X1");
  });

  it("names a cluster typed differently on several rows as first typed", () => {
    const { units } = readUnits("Đơn vị", [HEADERS, ["A", "A", "Xã", "", "Cụm 1"], ["B", "B", "Xã", "", " cụm  1 "]]);
    expect(units.map((u) => u.cluster)).toEqual(["Cụm 1", "Cụm 1"]);
  });

  it("tells which codes were left out, so their registrations can say why", () => {
    const read = readUnits("Đơn vị", [HEADERS, ["X1", "Xã 1", "Huyện"], ["X2", "Xã 2", "Xã"]]);
    expect([...read.known]).toEqual(["X2"]);
    expect([...read.rejected]).toEqual([["X1", 2]]);
  });

  it("names the spreadsheet in every row reference when given a source", () => {
    const { units } = readUnits("Đơn vị", [HEADERS, ["X1", "Xã 1", "Xã"]], { source: "huyen-b" });
    expect(units[0]?.ref).toEqual({ source: "huyen-b", row: 2 });
  });
});

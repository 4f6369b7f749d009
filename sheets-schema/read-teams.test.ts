import { describe, expect, it } from "vitest";
import { readTeams } from "./read-teams.ts";
import type { RawGrid } from "./types.ts";

const UNITS = { known: new Set(["T1", "X1"]), rejected: new Map<string, number>() };
const HEADERS = ["Năm", "Mã tổ", "Tên tổ", "Cấp", "Mã đơn vị", "Xếp loại"];

describe("readTeams", () => {
  it("reads a rated team and an unrated one", () => {
    const grid: RawGrid = [
      HEADERS,
      [2024, "tdv1", "Tổ 1", "Tổ dân vận", "T1", "Tốt"],
      [2024, "KDV1", "", "Khối", "X1"],
    ];
    const { teams, errors } = readTeams("Tổ, khối dân vận", grid, UNITS);
    expect(errors).toEqual([]);
    expect(teams).toEqual([
      {
        ref: { source: "", row: 2 },
        year: 2024,
        teamId: "TDV1",
        name: "Tổ 1",
        level: "villageTeam",
        unitCode: "T1",
        rating: "good",
      },
      {
        ref: { source: "", row: 3 },
        year: 2024,
        teamId: "KDV1",
        name: "",
        level: "communeBloc",
        unitCode: "X1",
        rating: null,
      },
    ]);
  });

  it("keeps the teams of the years asked for, and still lists the errors of the others", () => {
    const grid: RawGrid = [
      HEADERS,
      [2024, "A", "", "Tổ", "T1", "Tốt"],
      [2021, "B", "", "Tổ", "T9", "Tốt"],
      [2021, "C", "", "Tổ", "T1", "Khá"],
    ];
    const all = readTeams("Tổ, khối dân vận", grid, UNITS);
    const some = readTeams("Tổ, khối dân vận", grid, UNITS, { years: [2024, 2023] });
    expect(some.teams.map((t) => t.teamId)).toEqual(["A"]);
    expect(some.errors).toEqual(all.errors);
    expect(some.errors.map((e) => e.cell)).toEqual(["'Tổ, khối dân vận'!E3"]);
  });

  it("reports an unknown unit", () => {
    const { teams, errors } = readTeams("Tổ, khối dân vận", [HEADERS, [2024, "T", "", "Tổ", "T9", "Khá"]], UNITS);
    expect(teams).toEqual([]);
    expect(errors).toEqual([
      {
        tab: "Tổ, khối dân vận",
        cell: "'Tổ, khối dân vận'!E2",
        value: "T9",
        message: 'Không có đơn vị mã "T9" trong trang tính "Đơn vị"',
        unitCode: "T9",
      },
    ]);
  });

  it("reports a team rated twice in one year on the later row", () => {
    const grid: RawGrid = [
      HEADERS,
      [2024, "T", "", "Tổ", "T1", "Khá"],
      [2024, "t", "", "Tổ", "T1", "Tốt"],
      [2025, "T", "", "Tổ", "T1", "Tốt"],
    ];
    const { teams, errors } = readTeams("Tổ, khối dân vận", grid, UNITS);
    expect(teams.map((t) => t.ref.row)).toEqual([2, 4]);
    expect(errors.map((e) => [e.cell, e.message])).toEqual([
      ["'Tổ, khối dân vận'!B3", 'Mã tổ "T" của năm 2024 bị trùng với dòng 2'],
    ]);
  });

  it("reports a rating outside Tốt, Khá, Trung bình, Yếu", () => {
    const { errors } = readTeams("Tổ, khối dân vận", [HEADERS, [2024, "T", "", "Tổ", "T1", "Xuất sắc"]], UNITS);
    expect(errors[0]?.message).toBe('Không hiểu "Xuất sắc"; Xếp loại phải là một trong: Tốt, Khá, Trung bình, Yếu');
  });
});

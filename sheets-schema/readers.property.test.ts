import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quoteTab } from "./a1.ts";
import type { CellResult } from "./cell.ts";
import { readDate, readDayMonth } from "./dates.ts";
import { readNumber, readShare, readYear, wholeCountReader } from "./numbers.ts";
import { readRegistrations } from "./read-registrations.ts";
import { readSettings } from "./read-settings.ts";
import { readTeams } from "./read-teams.ts";
import { readUnits } from "./read-units.ts";
import { readWorkbook } from "./read-workbook.ts";
import { REGISTRATION_COLUMNS, SETTING_COLUMNS, TEAM_COLUMNS, UNIT_COLUMNS } from "./tabs.ts";
import { readCode, readText } from "./text-cells.ts";
import { ContractError, type DataError, type RawCell, type RawGrid } from "./types.ts";
import { readField, readForm, readKind, readRating, readSpread, readTeamLevel, readUnitType } from "./vocabulary.ts";
import { readYesNo } from "./yes-no.ts";

const RUNS = { numRuns: 200 };

// Values offices really type, so random rows also reach the paths behind a successful read.
const typical = fc.constantFrom<RawCell>(
  "Có",
  "x",
  "✓",
  "TRUE",
  "FALSE",
  "Không",
  "Đạt",
  "31/02/2024",
  "31/03/2024",
  "2024-03-05",
  "31/03",
  "1.234",
  "0,75",
  "30%",
  "VH-XH",
  "Kinh tế",
  "TT",
  "Cá nhân",
  "Xây dựng mới",
  "Duy trì",
  "Cao",
  "TB",
  "Tốt",
  "Yếu",
  "Tổ",
  "Khối",
  "Xã",
  "Thôn",
  "Chi bộ",
  "2024",
  "X1",
  "x1 ",
  "T1",
  "MH1",
  "",
  " ",
  "\u200B",
  "\u00A0",
  "Ð",
  "=1+1",
  "'",
  "Hạn đăng ký",
  2024,
  2023,
  45382,
  45382.5,
  0,
  1,
  60,
  -1,
  1e300,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  true,
  false,
);

const cell: fc.Arbitrary<RawCell> = fc.oneof(
  typical,
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ minLength: 2000, maxLength: 3000 }),
  fc.double(),
  fc.integer(),
  fc.boolean(),
);

const maybeCell = fc.option(cell, { nil: undefined });

const READERS: Record<string, (c: RawCell | undefined) => CellResult<unknown>> = {
  readYesNo,
  readDate,
  readDayMonth,
  readNumber,
  readShare,
  readYear,
  readVotes: wholeCountReader("Số phiếu"),
  readCode,
  readText,
  readUnitType,
  readKind,
  readField,
  readForm,
  readSpread,
  readTeamLevel,
  readRating,
};

function expectResult(result: CellResult<unknown>): void {
  if (result.ok) expect(result.value).not.toBeUndefined();
  else expect(result.message.length).toBeGreaterThan(0);
}

function expectDataErrors(errors: DataError[], tab: string): void {
  for (const e of errors) {
    expect(e.tab).toBe(tab);
    expect(e.cell.startsWith(`${quoteTab(tab)}!`)).toBe(true);
    expect(typeof e.value).toBe("string");
    expect(e.message.length).toBeGreaterThan(0);
  }
}

function grid(headers: readonly { header: string }[]): fc.Arbitrary<RawGrid> {
  const row = fc.array(maybeCell, { maxLength: headers.length + 2 }).map((cells) => cells as RawCell[]);
  return fc.array(row, { maxLength: 12 }).map((rows) => [headers.map((h) => h.header), ...rows]);
}

describe("every cell reader", () => {
  for (const [name, read] of Object.entries(READERS)) {
    it(`${name} returns a value or a message for any cell, never throws`, () => {
      fc.assert(
        fc.property(maybeCell, (c) => expectResult(read(c))),
        RUNS,
      );
    });
  }
});

describe("every tab reader", () => {
  const units = { known: new Set(["X1", "T1"]), rejected: new Map([["X2", 3]]) };

  it("readUnits lists bad cells as data errors and never throws on rows", () => {
    fc.assert(
      fc.property(grid(UNIT_COLUMNS), (g) => {
        const read = readUnits("Đơn vị", g);
        expectDataErrors(read.errors, "Đơn vị");
        for (const u of read.units) expect(u.code).toBe(u.code.toUpperCase());
      }),
      RUNS,
    );
  });

  it("readRegistrations lists bad cells as data errors and never throws on rows", () => {
    fc.assert(
      fc.property(grid(REGISTRATION_COLUMNS), (g) => {
        const read = readRegistrations("Đăng ký", g, units);
        expectDataErrors(read.errors, "Đăng ký");
        for (const r of read.registrations) expect(units.known.has(r.unitCode)).toBe(true);
      }),
      RUNS,
    );
  });

  it("readTeams lists bad cells as data errors and never throws on rows", () => {
    fc.assert(
      fc.property(grid(TEAM_COLUMNS), (g) =>
        expectDataErrors(readTeams("Tổ, khối dân vận", g, units).errors, "Tổ, khối dân vận"),
      ),
      RUNS,
    );
  });

  it("readSettings returns settings or throws a ContractError, nothing else", () => {
    fc.assert(
      fc.property(grid(SETTING_COLUMNS), (g) => {
        try {
          readSettings("Cấu hình", g);
        } catch (e) {
          expect(e).toBeInstanceOf(ContractError);
        }
      }),
      RUNS,
    );
  });
});

describe("readWorkbook", () => {
  it("returns or throws a ContractError for any grids under valid headers", () => {
    const tabs = fc.record({
      "Đơn vị": grid(UNIT_COLUMNS),
      "Đăng ký": grid(REGISTRATION_COLUMNS),
      "Tổ, khối dân vận": grid(TEAM_COLUMNS),
      // Mostly sound settings, so that the rows are read too.
      "Cấu hình": fc.oneof(fc.constant<RawGrid>([SETTING_COLUMNS.map((c) => c.header)]), grid(SETTING_COLUMNS)),
    });
    fc.assert(
      fc.property(tabs, (t) => {
        try {
          const book = readWorkbook(t);
          const codes = new Set(book.units.map((u) => u.code));
          for (const r of book.registrations) expect(codes.has(r.unitCode)).toBe(true);
          for (const team of book.teams) expect(codes.has(team.unitCode)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(ContractError);
        }
      }),
      RUNS,
    );
  });

  it("returns or throws a ContractError for any grids at all, headers included", () => {
    const anyGrid = fc.array(
      fc.array(maybeCell, { maxLength: 8 }).map((c) => c as RawCell[]),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(
        fc.dictionary(fc.oneof(fc.string(), fc.constantFrom("Đơn vị", "Đăng ký", "Cấu hình")), anyGrid),
        (t) => {
          try {
            readWorkbook(t);
          } catch (e) {
            expect(e).toBeInstanceOf(ContractError);
          }
        },
      ),
      RUNS,
    );
  });
});

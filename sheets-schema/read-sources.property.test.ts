import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreSources, scoreWorkbook } from "./pipeline.ts";
import type { RawGrid, RawTabs } from "./types.ts";

// SPEC §2.5: "The merged result equals the result of one spreadsheet holding the same rows in that order."
// Each spreadsheet of the run spells clusters, unit types and fields its own way (as offices do); the rows keep
// their sheet row in every layout (the rows of other spreadsheets are left empty), so even the cells agree.

const UNIT_HEADER = ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Cụm thi đua"];
const REG_HEADER = [
  "Năm",
  "Mã mô hình",
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

/** How spreadsheet number `s` of a run spells a value (one spelling per spreadsheet, cycling). */
const SPELLINGS: Record<string, readonly string[]> = {
  "Cụm Hòa Bình": ["Cụm Hòa Bình", "cụm hoà  bình", "CỤM HÒA BÌNH".normalize("NFD"), " Cụm Hoà Bình "],
  "Cụm 1": ["Cụm 1", "cụm 1", "CỤM  1", "Cụm 1 ".normalize("NFD")],
  "Chi bộ": ["Chi bộ", "chi bo", "CHI BỘ", "Chi bộ".normalize("NFD")],
  "Cơ quan, đơn vị": ["Cơ quan, đơn vị", "Cơ quan", "co quan, don vi", "CƠ QUAN"],
  "Xã, thị trấn": ["Xã, thị trấn", "Xã", "xa, thi tran", "Thị trấn"],
  "Kinh tế": ["Kinh tế", "KT", "kinh te", "KINH TẾ"],
  "Văn hóa - xã hội": ["Văn hóa - xã hội", "VH-XH", "Văn hoá – xã hội", "van hoa - xa hoi"],
  "Quốc phòng - an ninh": ["Quốc phòng - an ninh", "QP-AN", "quoc phong - an ninh", "Quốc phòng — an ninh"],
};
const spelt = (value: string, s: number): string => SPELLINGS[value]?.[s % 4] ?? value;

const unitArb = fc.record({
  type: fc.constantFrom("Chi bộ", "Cơ quan, đơn vị", "Xã, thị trấn"),
  cluster: fc.constantFrom("Cụm Hòa Bình", "Cụm 1", ""),
});
const registrationArb = (units: number) =>
  fc.record({
    year: fc.constantFrom(2024, 2024, 2023),
    model: fc.integer({ min: 1, max: 12 }),
    unit: fc.integer({ min: 0, max: units }), // `units` itself: a code no spreadsheet has
    kind: fc.constantFrom("TT", "CN"),
    field: fc.constantFrom("Kinh tế", "Văn hóa - xã hội", "Quốc phòng - an ninh"),
    form: fc.constantFrom("Mới", "Nhân rộng", "Duy trì"),
    votes: fc.integer({ min: 0, max: 10 }),
    acknowledged: fc.boolean(),
    spread: fc.constantFrom("Cao", "Thấp"),
  });
const workbookArb = fc.array(unitArb, { minLength: 1, maxLength: 10 }).chain((units) =>
  fc.record({
    units: fc.constant(units),
    registrations: fc.array(registrationArb(units.length), { maxLength: 25 }),
    spreadsheets: fc.integer({ min: 1, max: 4 }),
    cuts: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
  }),
);

type Book = typeof workbookArb extends fc.Arbitrary<infer T> ? T : never;

/** Which spreadsheet each of `n` rows goes to: contiguous runs, in order, cut at `cuts`. */
function spreadsheetOf(n: number, spreadsheets: number, cuts: readonly number[]): number[] {
  const bounds = cuts
    .slice(0, spreadsheets - 1)
    .map((c) => c % (n + 1))
    .sort((a, b) => a - b);
  return Array.from({ length: n }, (_, i) => bounds.filter((b) => b <= i).length);
}

/** The tabs of spreadsheet `s` (every row of the tab when `s` is null: the one-spreadsheet layout). */
function tabsOf(book: Book, s: number | null): RawTabs {
  const unitAt = spreadsheetOf(book.units.length, book.spreadsheets, book.cuts);
  const regAt = spreadsheetOf(book.registrations.length, book.spreadsheets, book.cuts.slice(3));
  const units: RawGrid = [UNIT_HEADER];
  book.units.forEach((u, i) => {
    const at = unitAt[i] ?? 0;
    units.push(s === null || s === at ? [`u${i}`, `Đơn vị ${i}`, spelt(u.type, at), spelt(u.cluster, at)] : []);
  });
  const registrations: RawGrid = [REG_HEADER];
  book.registrations.forEach((r, i) => {
    const at = regAt[i] ?? 0;
    const cells = [
      r.year,
      `M${r.model}`,
      `U${r.unit}`,
      `Mô hình ${i}`,
      r.kind,
      spelt(r.field, at),
      r.form,
      "01/02/2024",
      "Có",
      r.votes,
      10,
      r.acknowledged ? "Có" : "Không",
      r.spread,
    ];
    registrations.push(s === null || s === at ? cells : []);
  });
  return { "Đơn vị": units, "Đăng ký": registrations };
}

/** The result with the spreadsheet of every record (`ref.source`) left out: the one thing that differs. */
function withoutSources(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, v) => (key === "source" ? undefined : v)));
}

describe("a run split over spreadsheets", () => {
  it("gives the result of one spreadsheet holding the same rows in that order, however each spells its values", () => {
    fc.assert(
      fc.property(workbookArb, (book) => {
        const one = scoreWorkbook(tabsOf(book, null), 2024);
        const split = scoreSources(
          Array.from({ length: book.spreadsheets }, (_, s) => ({
            source: s === 0 ? "" : `src-${s}`,
            tabs: tabsOf(book, s),
          })),
          2024,
        );
        expect(withoutSources(split.result)).toEqual(withoutSources(one.result));
        // Every generated tab but `Lỗi dữ liệu` (whose `Nguồn` column and messages name the spreadsheet) is identical.
        const tabs = (tabs: typeof one.tabs) => tabs.filter((t) => t.title !== "Lỗi dữ liệu");
        expect(tabs(split.tabs)).toEqual(tabs(one.tabs));
        expect(split.errors.map((e) => [e.tab, e.cell, e.value])).toEqual(
          one.errors.map((e) => [e.tab, e.cell, e.value]),
        );
      }),
      { numRuns: 150 },
    );
  });
});

import fc from "fast-check";
import { describe, it } from "vitest";
import { round2 } from "./numbers.ts";
import { compareRankedRows, competitionRanks, type RankedRow, sortRankedRows, tieSizes } from "./ranking.ts";
import { aUnit } from "./testing.ts";

// Scores as the pipeline produces them: 0–100, two decimals, with many ties.
const scores = fc.array(
  fc.integer({ min: 0, max: 40 }).map((n) => round2(n * 2.5)),
  { maxLength: 40 },
);

describe("competitionRanks (properties)", () => {
  it("gives each score 1 + the number of strictly higher scores", () => {
    fc.assert(
      fc.property(scores, (s) => {
        const ranks = competitionRanks(s);
        return s.every((x, i) => ranks[i] === 1 + s.filter((y) => y > x).length);
      }),
      { numRuns: 200 },
    );
  });

  it("gives equal scores equal ranks and a higher score a smaller rank", () => {
    fc.assert(
      fc.property(scores, (s) => {
        const ranks = competitionRanks(s);
        return s.every((x, i) =>
          s.every((y, j) => (x === y ? ranks[i] === ranks[j] : x > y ? (ranks[i] ?? 0) < (ranks[j] ?? 0) : true)),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("skips exactly as many ranks as a tie group has extra members", () => {
    fc.assert(
      fc.property(scores, (s) => {
        const ranks = competitionRanks(s);
        const sizes = tieSizes(s);
        // The next rank after a tie group is its rank plus its size, or there is no lower score.
        return s.every((x, i) => {
          const lower = s.filter((y) => y < x);
          if (lower.length === 0) return true;
          const next = Math.min(...s.map((y, j) => (y < x ? (ranks[j] ?? 0) : Infinity)));
          return next === (ranks[i] ?? 0) + (sizes[i] ?? 0);
        });
      }),
      { numRuns: 200 },
    );
  });

  it("does not depend on the order of the scores", () => {
    fc.assert(
      fc.property(
        scores.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length }))),
        ([s, shuffled]) => {
          const rankOf = (list: number[]) => {
            const ranks = competitionRanks(list);
            return new Map(list.map((x, i) => [x, ranks[i]]));
          };
          const a = rankOf(s);
          const b = rankOf(shuffled);
          return [...a].every(([x, r]) => b.get(x) === r);
        },
      ),
      { numRuns: 200 },
    );
  });
});

// Rows as the lists have them: few groups and names, spelled with and without diacritics, Đ, case, many ties.
const letters = fc.constantFrom("a", "á", "à", "ă", "â", "ấ", "d", "đ", "Đ", "D", "o", "ô", "ơ", "A", " ", "1");
const word = fc.string({ unit: letters, minLength: 0, maxLength: 4 });
const rankedRow = fc.record({
  group: fc.constantFrom("Cụm 1", "Cụm 2", "cụm 1", "Đông", "Dương", "Xã", "Thôn, khu phố"),
  rank: fc.integer({ min: 1, max: 4 }),
  name: word,
  code: fc.constantFrom("A1", "a1", "B2", "Đ1"),
  source: fc.constantFrom("", "src"),
  row: fc.integer({ min: 2, max: 6 }),
});
const rowsOf = (list: { group: string; rank: number; name: string; code: string; source: string; row: number }[]) =>
  list.map(
    (r): RankedRow => ({
      unit: aUnit(r.code, { name: r.name, cluster: r.group, ref: { source: r.source, row: r.row } }),
      group: r.group,
      rank: r.rank,
    }),
  );

describe("sortRankedRows (properties)", () => {
  it("puts rows in the order of compareRankedRows, ranks or no ranks", () => {
    fc.assert(
      fc.property(fc.array(rankedRow, { maxLength: 60 }), fc.boolean(), (list, ranked) => {
        const rows = rowsOf(list).map((r) => (ranked ? r : { unit: r.unit, group: r.group }));
        const expected = [...rows].sort((a, b) => compareRankedRows({ rank: 0, ...a }, { rank: 0, ...b }));
        const sorted = sortRankedRows([...rows]);
        return sorted.length === expected.length && sorted.every((r, i) => r === expected[i]);
      }),
      { numRuns: 300 },
    );
  });
});

import fc from "fast-check";
import { describe, it } from "vitest";
import { round2 } from "./numbers.ts";
import { competitionRanks, tieSizes } from "./ranking.ts";

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

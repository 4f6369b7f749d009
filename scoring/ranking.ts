/**
 * Ranking inside a group (SPEC §3.3): standard competition ranking ("1, 2, 2, 4") by score, highest first,
 * and the row order of `Xếp hạng {Y}`.
 */
import { UNIT_TYPE_LABEL } from "./labels.ts";
import { compareCodes, compareVietnamese } from "./order.ts";
import type { Unit } from "./types.ts";

/**
 * The ranking group: the emulation cluster (Cụm thi đua), else the unit type's Vietnamese name.
 *
 * @example rankingGroupOf({ …, type: "partyCell", cluster: null }) // → "Chi bộ"
 * @example rankingGroupOf({ …, type: "partyCell", cluster: "Cụm 1" }) // → "Cụm 1"
 */
export function rankingGroupOf(unit: Unit): string {
  return unit.cluster ?? UNIT_TYPE_LABEL[unit.type];
}

/**
 * Competition ranks of the scores, aligned with the input: rank = 1 + how many scores are strictly higher.
 *
 * @example competitionRanks([70, 90, 70, 50]) // → [2, 1, 2, 4]
 */
export function competitionRanks(scores: readonly number[]): number[] {
  const descending = [...scores].sort((a, b) => b - a);
  const rankOf = new Map<number, number>();
  descending.forEach((s, i) => {
    if (!rankOf.has(s)) rankOf.set(s, i + 1);
  });
  return scores.map((s) => rankOf.get(s) ?? 0);
}

/**
 * How many scores equal each score (the size of its tie group), aligned with the input.
 *
 * @example tieSizes([70, 90, 70]) // → [2, 1, 2]
 */
export function tieSizes(scores: readonly number[]): number[] {
  const count = new Map<number, number>();
  for (const s of scores) count.set(s, (count.get(s) ?? 0) + 1);
  return scores.map((s) => count.get(s) ?? 0);
}

/** What the row order of `Xếp hạng {Y}` needs to know about a unit. */
export interface RankedRow {
  unit: Unit;
  group: string;
  rank: number;
}

/**
 * Row order of `Xếp hạng {Y}`: group, rank, then name (both in Vietnamese collation), then code and sheet row so
 * the order is total and does not depend on the order of the input rows.
 */
export function compareRankedRows(a: RankedRow, b: RankedRow): number {
  return (
    compareGroups(a.group, b.group) ||
    a.rank - b.rank ||
    compareVietnamese(a.unit.name, b.unit.name) ||
    compareCodes(a.unit.code, b.unit.code) ||
    compareCodes(a.unit.ref.source, b.unit.ref.source) ||
    a.unit.ref.row - b.unit.ref.row
  );
}

/**
 * Sorts `rows` in place into the order of `compareRankedRows` (a row without a rank, in the lists by group then name,
 * counts as rank 0) and returns them. The same order as `rows.sort(compareRankedRows)`: the few ranking groups are
 * put in Vietnamese order once, so that comparing two rows' groups is comparing two numbers; the collator, the slow
 * part of the sort (tools/bench), is then asked only about names.
 */
export function sortRankedRows<T extends { unit: Unit; group: string; rank?: number }>(rows: T[]): T[] {
  const groups = [...new Set(rows.map((r) => r.group))].sort(compareGroups);
  const groupOrder = new Map(groups.map((g, i) => [g, i]));
  const keyed = rows.map((row) => ({ row, group: groupOrder.get(row.group) ?? 0, rank: row.rank ?? 0 }));
  keyed.sort(
    (a, b) =>
      a.group - b.group ||
      a.rank - b.rank ||
      compareVietnamese(a.row.unit.name, b.row.unit.name) ||
      compareCodes(a.row.unit.code, b.row.unit.code) ||
      compareCodes(a.row.unit.ref.source, b.row.unit.ref.source) ||
      a.row.unit.ref.row - b.row.unit.ref.row,
  );
  keyed.forEach((k, i) => {
    rows[i] = k.row;
  });
  return rows;
}

/** Ranking groups in Vietnamese collation, then by code unit so two spellings are never equal. */
function compareGroups(a: string, b: string): number {
  // Most rows compared while sorting share their group, and the collator is the slow part of the sort.
  if (a === b) return 0;
  return compareVietnamese(a, b) || compareCodes(a, b);
}

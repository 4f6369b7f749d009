/**
 * How the dashboard folds 455+ units into a page a person can read (issue 9): ranking groups as collapsed sections
 * with their counts, the thôn of a group that takes no part in the title summarised per xã, and the proposed titles
 * per group. Pure, so each rule has a test; the markup is in ranking-table.tsx, proposed-list.tsx and villages.tsx.
 */
import { compareCodes, compareVietnamese } from "../../scoring/order.ts";
import type { TargetResult, UnitResult } from "../../scoring/types.ts";
import type { RankingGroup } from "./view-model.ts";

/** A ranking group with what its collapsed heading says. */
export interface GroupSection extends RankingGroup {
  /** Units proposed `Dân vận khéo`, tiêu biểu included. */
  proposed: number;
  exemplary: number;
  /** Units in a tie straddling the cap, left to the Ban Chỉ đạo. */
  tiesAtCap: number;
}

/** The ranking groups shown as tables, and those whose thôn are summarised per xã instead. */
export interface RankingLayout {
  sections: GroupSection[];
  /** Groups of thôn, khu phố only, none of them taking part in the title: their units are in `villagesByCommune`. */
  summarised: RankingGroup[];
  /** Whether the sections start open: only when they are few enough to read at once. */
  open: boolean;
}

/** Up to this many units in the ranking tables, every section starts open; above it, every one starts closed. */
export const OPEN_SECTIONS_UP_TO = 40;

const isProposed = (u: UnitResult) => u.title === "title" || u.title === "exemplary";

/**
 * Splits the ranking groups (in the order of `Xếp hạng {Y}`): a group made only of thôn, khu phố that take no part
 * in the title is hundreds of rows nobody compares at a meeting, so it is
 * summarised per xã; every other group is a section with its counts.
 *
 * @example rankingLayout([cum1, thon]).summarised // → [thon] (370 thôn not in the title)
 */
export function rankingLayout(groups: readonly RankingGroup[]): RankingLayout {
  const sections: GroupSection[] = [];
  const summarised: RankingGroup[] = [];
  for (const g of groups) {
    if (g.units.every((u) => u.unit.type === "village" && !u.takesPartInTitle)) summarised.push(g);
    else sections.push(groupSection(g));
  }
  const shown = sections.reduce((n, s) => n + s.units.length, 0);
  return { sections, summarised, open: shown <= OPEN_SECTIONS_UP_TO };
}

/** A group's counts for its heading. */
export function groupSection(g: RankingGroup): GroupSection {
  return {
    ...g,
    proposed: g.units.filter(isProposed).length,
    exemplary: g.units.filter((u) => u.title === "exemplary").length,
    tiesAtCap: g.units.filter((u) => u.title === "tieAtCap").length,
  };
}

/**
 * The units each group proposes a title (tiêu biểu first, as ranked) and those tied at the cap, which the Ban Chỉ đạo
 * decides; groups that propose nobody are left out. This is what the printed overview lists.
 *
 * @example proposedByGroup([cum1]) // → [{ group: "Cụm 1", units: [tiêu biểu, Dân vận khéo, …] }]
 */
export function proposedByGroup(groups: readonly RankingGroup[]): RankingGroup[] {
  return groups
    .map((g) => ({ group: g.group, units: g.units.filter((u) => isProposed(u) || u.title === "tieAtCap") }))
    .filter((g) => g.units.length > 0);
}

/** The thôn, khu phố of one xã and how many of them have a recognised model this year (target 5, SPEC §3.5). */
export interface CommuneVillages {
  /** Null for thôn whose `Đơn vị cấp trên` is empty or not a unit. */
  communeCode: string | null;
  communeName: string;
  /** In the order of the ranking (rank, then name). */
  villages: UnitResult[];
  covered: number;
  /** Without a recognised model or exemplar this year, by name. */
  uncovered: UnitResult[];
}

/** The name of the group of thôn with no known xã. */
export const NO_COMMUNE = "Chưa rõ xã, thị trấn";

/**
 * The given thôn per xã (the `Đơn vị cấp trên`), xã by name, with coverage taken from the village coverage target
 * (its `missing`: the rule decides who is covered, the page only counts).
 *
 * @example villagesByCommune(thon, units, coverage)[0] // → { communeName: "Xã An Bình", villages: [12 thôn], covered: 11, uncovered: [Thôn Đông] }
 */
export function villagesByCommune(
  villages: readonly UnitResult[],
  allUnits: readonly UnitResult[],
  coverage: Pick<TargetResult, "missing"> | undefined,
): CommuneVillages[] {
  const missing = new Set((coverage?.missing ?? []).map((m) => m.code));
  const names = new Map(allUnits.map((u) => [u.unit.code, u.unit.name]));
  const byCommune = new Map<string | null, UnitResult[]>();
  for (const v of villages) {
    const parent = v.unit.parentCode !== null && names.has(v.unit.parentCode) ? v.unit.parentCode : null;
    const list = byCommune.get(parent);
    if (list) list.push(v);
    else byCommune.set(parent, [v]);
  }
  const communes = [...byCommune].map(([code, list]): CommuneVillages => {
    const uncovered = list
      .filter((v) => missing.has(v.unit.code))
      .sort((a, b) => compareVietnamese(a.unit.name, b.unit.name) || compareCodes(a.unit.code, b.unit.code));
    return {
      communeCode: code,
      communeName: code === null ? NO_COMMUNE : (names.get(code) ?? code),
      villages: list,
      covered: list.length - uncovered.length,
      uncovered,
    };
  });
  // Xã by name; the thôn without a known xã last.
  return communes.sort(
    (a, b) =>
      Number(a.communeCode === null) - Number(b.communeCode === null) ||
      compareVietnamese(a.communeName, b.communeName) ||
      compareCodes(a.communeCode ?? "", b.communeCode ?? ""),
  );
}

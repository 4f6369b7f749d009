/**
 * Title proposal (đề xuất danh hiệu, SPEC §3.4).
 *
 * E = units that take part in the title; Q = those of E whose quota is met, ranked by score among themselves.
 * The top `cap` of Q are proposed "Dân vận khéo"; a tie group straddling the cap is left to the Ban Chỉ đạo.
 * Among the proposed, the top `Số tiêu biểu tối đa` are proposed "Dân vận khéo tiêu biểu"; a tie group straddling
 * that number stays "Dân vận khéo" and is flagged.
 *
 * With `Phân bổ suất danh hiệu` = `Theo cụm`, E, Q, the ranks and the cap are taken inside each ranking group; the
 * tiêu biểu are still chosen among every unit proposed. Every unit left without a title carries why (§3.7, `Lý do`).
 */
import { floorOfShare } from "./numbers.ts";
import { competitionRanks, tieSizes } from "./ranking.ts";
import type { NoTitleReason, Settings, TitleProposal, Unit } from "./types.ts";

/**
 * Xét danh hiệu: as typed, else yes for every unit type except Thôn, khu phố.
 *
 * @example takesPartInTitle({ …, type: "village", titleParticipation: null }) // → false
 * @example takesPartInTitle({ …, type: "village", titleParticipation: true }) // → true
 */
export function takesPartInTitle(unit: Unit): boolean {
  return unit.titleParticipation ?? unit.type !== "village";
}

/**
 * How many units may be proposed the title: max(1, ⌊Tỷ lệ danh hiệu tối đa × |E|⌋), 0 when E is empty.
 *
 * @example titleCap(10, 0.3) // → 3
 * @example titleCap(2, 0.3) // → 1
 * @example titleCap(0, 0.3) // → 0
 */
export function titleCap(eligibleCount: number, titleShareMax: number): number {
  if (eligibleCount === 0) return 0;
  return Math.max(1, floorOfShare(titleShareMax, eligibleCount));
}

/** What the title proposal needs to know about a unit. */
export interface TitleCandidate {
  code: string;
  /** The ranking group (§3.3): the allocation unit under `Theo cụm`. */
  group: string;
  score: number;
  takesPartInTitle: boolean;
  quotaMet: boolean;
}

export interface TitleDecision {
  title: TitleProposal;
  /** A tie group straddles Số tiêu biểu tối đa: stays "Dân vận khéo", the Ban Chỉ đạo decides. */
  tieAtExemplaryCap: boolean;
  /** Why no title (`Lý do`); null when proposed one or in a tie straddling the cap. */
  reason: NoTitleReason | null;
}

/**
 * Where a tie group stands against a cap.
 *
 * @example placeAgainstCap(2, 2, 3) // → "within"   (ranks 2–3, cap 3)
 * @example placeAgainstCap(3, 2, 3) // → "straddles" (ranks 3–4, cap 3)
 * @example placeAgainstCap(4, 1, 3) // → "beyond"
 */
export function placeAgainstCap(rank: number, tieSize: number, cap: number): "within" | "straddles" | "beyond" {
  if (rank + tieSize - 1 <= cap) return "within";
  return rank <= cap ? "straddles" : "beyond";
}

/**
 * The title decision of every candidate, by unit code. Candidates outside Q get "none" and the reason.
 *
 * @example proposeTitles([{ code: "A", score: 90, … }, { code: "B", score: 80, … }, …10 units], DEFAULT_SETTINGS)
 *   // → Map { "A" → { title: "exemplary", … }, …, "J" → { title: "none", reason: { code: "beyondCap", lowestProposed: 85 } } }
 */
export function proposeTitles(candidates: readonly TitleCandidate[], settings: Settings): Map<string, TitleDecision> {
  const decisions = new Map<string, TitleDecision>();
  for (const c of candidates) {
    const reason: NoTitleReason | null = !c.takesPartInTitle
      ? { code: "notTakingPart" }
      : !c.quotaMet
        ? { code: "quotaNotMet" }
        : null; // in Q: decided below
    decisions.set(c.code, { title: "none", tieAtExemplaryCap: false, reason });
  }

  const proposed: TitleCandidate[] = [];
  for (const pool of allocations(
    candidates.filter((c) => c.takesPartInTitle),
    settings,
  )) {
    const cap = titleCap(pool.length, settings.titleShareMax);
    const qualified = pool.filter((c) => c.quotaMet);
    const within: TitleCandidate[] = [];
    const beyond: TitleCandidate[] = [];
    forEachRanked(qualified, (c, rank, size) => {
      const place = placeAgainstCap(rank, size, cap);
      if (place === "within") within.push(c);
      else if (place === "beyond") beyond.push(c);
      else decisions.set(c.code, { title: "tieAtCap", tieAtExemplaryCap: false, reason: null });
    });
    const lowestProposed = within.length === 0 ? null : Math.min(...within.map((c) => c.score));
    for (const c of beyond) {
      decisions.set(c.code, { title: "none", tieAtExemplaryCap: false, reason: { code: "beyondCap", lowestProposed } });
    }
    proposed.push(...within);
  }

  forEachRanked(proposed, (c, rank, size) => {
    const place = placeAgainstCap(rank, size, settings.exemplaryMax);
    decisions.set(c.code, {
      title: place === "within" ? "exemplary" : "title",
      tieAtExemplaryCap: place === "straddles",
      reason: null,
    });
  });
  return decisions;
}

/**
 * The pools that share title places: every unit of E (`Toàn bộ`), or the units of E of each ranking group
 * (`Theo cụm`), in order of first appearance.
 */
function allocations(eligible: readonly TitleCandidate[], settings: Settings): TitleCandidate[][] {
  switch (settings.titleAllocation) {
    case "whole":
      return [eligible.slice()];
    case "perGroup": {
      const groups = new Map<string, TitleCandidate[]>();
      for (const c of eligible) {
        const group = groups.get(c.group);
        if (group) group.push(c);
        else groups.set(c.group, [c]);
      }
      return [...groups.values()];
    }
    default:
      return unreachable(settings.titleAllocation);
  }
}

function unreachable(value: never): never {
  throw new Error(`Unhandled allocation: ${String(value)}`);
}

/** Calls `visit` with each candidate's competition rank and tie-group size among `candidates`. */
function forEachRanked(
  candidates: readonly TitleCandidate[],
  visit: (candidate: TitleCandidate, rank: number, tieSize: number) => void,
): void {
  const scores = candidates.map((c) => c.score);
  const ranks = competitionRanks(scores);
  const sizes = tieSizes(scores);
  candidates.forEach((c, i) => visit(c, ranks[i] ?? 0, sizes[i] ?? 0));
}

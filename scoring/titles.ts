/**
 * Title proposal (đề xuất danh hiệu, SPEC §3.4).
 *
 * E = units that take part in the title; Q = those of E whose quota is met, ranked by score among themselves.
 * The top `cap` of Q are proposed "Dân vận khéo"; a tie group straddling the cap is left to the Ban Chỉ đạo.
 * Among the proposed, the top `Số tiêu biểu tối đa` are proposed "Dân vận khéo tiêu biểu"; a tie group straddling
 * that number stays "Dân vận khéo" and is flagged.
 */
import { floorOfShare } from "./numbers.ts";
import { competitionRanks, tieSizes } from "./ranking.ts";
import type { Settings, TitleProposal, Unit } from "./types.ts";

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
  score: number;
  takesPartInTitle: boolean;
  quotaMet: boolean;
}

export interface TitleDecision {
  title: TitleProposal;
  /** A tie group straddles Số tiêu biểu tối đa: stays "Dân vận khéo", the Ban Chỉ đạo decides. */
  tieAtExemplaryCap: boolean;
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
 * The title decision of every candidate, by unit code. Candidates outside Q get "none".
 *
 * @example proposeTitles([{ code: "A", score: 90, … }, { code: "B", score: 80, … }, …10 units], DEFAULT_SETTINGS)
 *   // → Map { "A" → { title: "exemplary", … }, … }
 */
export function proposeTitles(candidates: readonly TitleCandidate[], settings: Settings): Map<string, TitleDecision> {
  const eligible = candidates.filter((c) => c.takesPartInTitle);
  const cap = titleCap(eligible.length, settings.titleShareMax);
  const decisions = new Map<string, TitleDecision>();
  for (const c of candidates) decisions.set(c.code, { title: "none", tieAtExemplaryCap: false });

  const qualified = eligible.filter((c) => c.quotaMet);
  const proposed: TitleCandidate[] = [];
  forEachRanked(qualified, (c, rank, size) => {
    const place = placeAgainstCap(rank, size, cap);
    if (place === "within") proposed.push(c);
    if (place === "straddles") decisions.set(c.code, { title: "tieAtCap", tieAtExemplaryCap: false });
  });

  forEachRanked(proposed, (c, rank, size) => {
    const place = placeAgainstCap(rank, size, settings.exemplaryMax);
    decisions.set(c.code, {
      title: place === "within" ? "exemplary" : "title",
      tieAtExemplaryCap: place === "straddles",
    });
  });
  return decisions;
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

/**
 * Tổ dân vận and khối dân vận of the scored year (SPEC §3.5 targets 3–4 and the team flags):
 * the share rated Tốt per xã, and the teams rated Yếu or not rated.
 */
import { RATING_LABEL, TEAM_LEVEL_LABEL } from "./labels.ts";
import { isAbove } from "./numbers.ts";
import { compareCodes, compareVietnamese } from "./order.ts";
import type { CommuneTeamSummary, Settings, Team, TeamFlag, TeamLevel, Unit } from "./types.ts";

/** Teams rated Tốt out of all teams; unrated teams count in the denominator. */
export interface GoodShare {
  teams: number;
  good: number;
  /** good / teams; null when there is no team. */
  share: number | null;
}

/**
 * @example goodShare([good, good, weak, unrated]) // → { teams: 4, good: 2, share: 0.5 }
 */
export function goodShare(teams: readonly Team[]): GoodShare {
  const good = teams.filter((t) => t.rating === "good").length;
  return { teams: teams.length, good, share: teams.length === 0 ? null : good / teams.length };
}

/** The teams of one level in one year. */
export function teamsOf(teams: readonly Team[], level: TeamLevel, year: number): Team[] {
  return teams.filter((t) => t.level === level && t.year === year);
}

/**
 * The xã a tổ dân vận belongs to: the `Đơn vị cấp trên` of its thôn. A tổ typed directly against a xã belongs to
 * that xã. Null when the chain does not lead to a known unit.
 *
 * @example communeOfTeam({ …, unitCode: "X1-T1" }, units) // → "X1" when thôn X1-T1 has parentCode "X1"
 */
export function communeOfTeam(team: Team, unitsByCode: ReadonlyMap<string, Unit>): string | null {
  const unit = unitsByCode.get(team.unitCode);
  if (!unit) return null;
  if (unit.type === "commune") return unit.code;
  return unit.parentCode !== null && unitsByCode.has(unit.parentCode) ? unit.parentCode : null;
}

/**
 * The share of tổ dân vận rated Tốt in each xã, for every unit of type Xã, thị trấn (a xã without any tổ shows 0
 * teams, so missing ratings are seen) and any other unit some tổ leads to. Ordered by xã name, then code.
 */
export function communeTeamSummaries(
  units: readonly Unit[],
  villageTeams: readonly Team[],
  settings: Settings,
): CommuneTeamSummary[] {
  const unitsByCode = new Map(units.map((u) => [u.code, u]));
  const teamsByCommune = new Map<string, Team[]>();
  for (const u of units) if (u.type === "commune") teamsByCommune.set(u.code, []);
  for (const t of villageTeams) {
    const commune = communeOfTeam(t, unitsByCode);
    if (commune === null) continue;
    const teams = teamsByCommune.get(commune);
    if (teams) teams.push(t);
    else teamsByCommune.set(commune, [t]);
  }
  const summaries = [...teamsByCommune].map(([communeCode, teams]): CommuneTeamSummary => {
    const { teams: count, good, share } = goodShare(teams);
    return {
      communeCode,
      communeName: unitsByCode.get(communeCode)?.name ?? communeCode,
      teams: count,
      good,
      share,
      met: share !== null && isAbove(share, settings.villageTeamGoodAbove),
    };
  });
  return summaries.sort(
    (a, b) => compareVietnamese(a.communeName, b.communeName) || compareCodes(a.communeCode, b.communeCode),
  );
}

/**
 * Every team rated Yếu or not rated, tổ before khối, then by unit code, team id and sheet row.
 *
 * @example teamFlags([{ …, level: "villageTeam", name: "Tổ 3", rating: null }])
 *   // → [{ team, code: "unrated", message: "Tổ dân vận “Tổ 3” chưa được xếp loại" }]
 */
export function teamFlags(teams: readonly Team[]): TeamFlag[] {
  const flags: TeamFlag[] = [];
  if (teams.length === 0) return flags; // most units: no copy to sort
  for (const team of [...teams].sort(compareTeams)) {
    if (team.rating === null) flags.push({ team, code: "unrated", message: `${teamTitle(team)} chưa được xếp loại` });
    else if (team.rating === "weak") {
      flags.push({ team, code: "weak", message: `${teamTitle(team)} xếp loại ${RATING_LABEL.weak}` });
    }
  }
  return flags;
}

/**
 * How a person recognises a team: its level and name (the id when it has no name).
 *
 * @example teamTitle({ …, level: "communeBloc", name: "", teamId: "K01" }) // → "Khối dân vận “K01”"
 */
export function teamTitle(team: Team): string {
  return `${TEAM_LEVEL_LABEL[team.level]} “${team.name || team.teamId}”`;
}

const LEVEL_ORDER: Record<TeamLevel, number> = { villageTeam: 0, communeBloc: 1 };

function compareTeams(a: Team, b: Team): number {
  return (
    LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
    compareCodes(a.unitCode, b.unitCode) ||
    compareCodes(a.teamId, b.teamId) ||
    compareCodes(a.ref.source, b.ref.source) ||
    a.ref.row - b.ref.row
  );
}

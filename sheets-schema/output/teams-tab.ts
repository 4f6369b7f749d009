import { RATING_LABEL, TEAM_FLAG_LABEL, TEAM_LEVEL_LABEL, targetVerdictLabel } from "../../scoring/labels.ts";
import type { CommuneTeamSummary, ScoringResult, TeamFlag } from "../../scoring/types.ts";
import type { CellHighlight, OutputCell, OutputTab } from "../types.ts";
import { yearlyTabTitle } from "./tab-names.ts";
import { communeName } from "./unit-names.ts";

/** The header of the first section (frozen): tổ dân vận per xã. */
export const COMMUNE_TEAM_HEADERS = ["Xã", "Số tổ dân vận", "Số tổ Tốt", "Tỷ lệ Tốt", "Đánh giá"] as const;

/** The header of the second section, after one blank row: every team rated `Yếu` or not rated. */
export const FLAGGED_TEAM_HEADERS = ["Mã tổ", "Tên tổ", "Cấp", "Mã đơn vị", "Xã", "Xếp loại", "Cảnh báo"] as const;

const SHARE = COMMUNE_TEAM_HEADERS.indexOf("Tỷ lệ Tốt");
const VERDICT = COMMUNE_TEAM_HEADERS.indexOf("Đánh giá");
const RATING = FLAGGED_TEAM_HEADERS.indexOf("Xếp loại");

function communeRow(c: CommuneTeamSummary): OutputCell[] {
  return [c.communeName, c.teams, c.good, c.share, targetVerdictLabel(c.met)];
}

function flaggedTeamRow(f: TeamFlag, result: ScoringResult): OutputCell[] {
  const t = f.team;
  return [
    t.teamId,
    t.name,
    TEAM_LEVEL_LABEL[t.level],
    t.unitCode,
    communeName(result, t.unitCode),
    t.rating === null ? TEAM_FLAG_LABEL.unrated : RATING_LABEL[t.rating],
    f.message,
  ];
}

/**
 * `Tổ, khối dân vận {Y}`: two sections in one tab. First, per xã, the tổ dân vận counted, those rated `Tốt`, the
 * share (a percentage) and the verdict against `Tổ dân vận tốt trên`; then a blank row, a second header row and the
 * teams rated `Yếu` or not rated, each with the xã it belongs to. Highlighted: `Đánh giá` of a xã below target and `Xếp loại` of each flagged team.
 */
export function teamsTab(result: ScoringResult): OutputTab {
  const highlights: CellHighlight[] = [];
  const rows: OutputCell[][] = [[...COMMUNE_TEAM_HEADERS]];
  for (const c of result.communeTeams) {
    if (!c.met) highlights.push({ row: rows.length, column: VERDICT });
    rows.push(communeRow(c));
  }
  rows.push([], [...FLAGGED_TEAM_HEADERS]);
  for (const f of result.teamFlags) {
    highlights.push({ row: rows.length, column: RATING });
    rows.push(flaggedTeamRow(f, result));
  }
  return {
    title: yearlyTabTitle("teams", result.year),
    rows,
    highlights,
    // Column 3 is `Mã đơn vị` (text) in the second section; the gateway formats only numeric cells.
    percentColumns: [SHARE],
  };
}

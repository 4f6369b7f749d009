import { formatGoal } from "../../scoring/format.ts";
import { targetVerdictLabel } from "../../scoring/labels.ts";
import type { ScoringResult, TargetResult } from "../../scoring/types.ts";
import type { CellHighlight, OutputCell, OutputTab } from "../types.ts";
import { yearlyTabTitle } from "./tab-names.ts";
import { communeName } from "./unit-names.ts";

/**
 * SPEC §5 lists the first four; `Chi tiết` is appended for the rules' own detail (the counts behind a share, the thôn
 * still missing), which a verdict alone does not explain.
 */
export const TARGETS_HEADERS = ["Chỉ tiêu", "Mục tiêu", "Thực hiện", "Đánh giá", "Chi tiết"] as const;

const ACTUAL = TARGETS_HEADERS.indexOf("Thực hiện");
const VERDICT = TARGETS_HEADERS.indexOf("Đánh giá");

function targetRow(t: TargetResult): OutputCell[] {
  return [t.label, formatGoal(t.goal, t.unit), t.actual, targetVerdictLabel(t.met), t.detail];
}

/**
 * `Chỉ tiêu {Y}`: one row per target (SPEC §3.5) in the rules' order. `Thực hiện` is a number — a share as a
 * fraction (formatted as a percentage cell by cell, since counts share the column) or a count — and empty when
 * there is nothing to measure. `Đánh giá` is highlighted when the target is not met.
 */
export function targetsTab(result: ScoringResult): OutputTab {
  const highlights: CellHighlight[] = [];
  const percentCells: CellHighlight[] = [];
  result.targets.forEach((t, i) => {
    const row = i + 1;
    if (!t.met) highlights.push({ row, column: VERDICT });
    if (t.unit === "share" && t.actual !== null) percentCells.push({ row, column: ACTUAL });
  });
  return {
    title: yearlyTabTitle("targets", result.year),
    rows: [[...TARGETS_HEADERS], ...result.targets.map(targetRow), ...missingSection(result)],
    highlights,
    percentColumns: [],
    percentCells,
  };
}

/** Heading of the list under the targets: every unit a target found missing, one per row (a cell could not hold them). */
export const MISSING_HEADERS = ["Chưa đạt ở chỉ tiêu", "Mã đơn vị", "Tên đơn vị", "Xã"] as const;

/** `Xã` says where each missing thôn is, so the xã can be asked to act; empty when its xã is not known. */
function missingSection(result: ScoringResult): OutputCell[][] {
  const rows = result.targets.flatMap((t) =>
    t.missing.map((u): OutputCell[] => [t.label, u.code, u.name, communeName(result, u.code)]),
  );
  return rows.length === 0 ? [] : [[], [...MISSING_HEADERS], ...rows];
}

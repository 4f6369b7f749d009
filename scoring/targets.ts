/**
 * The district's targets (chỉ tiêu, SPEC §3.5), each with its goal, the actual figure and the verdict.
 *
 * A share target with nothing to measure (no unit taking part, no tổ, no thôn…) has `actual` null and is not met:
 * "Đạt" would claim something nobody checked, and the detail says why, so the missing data gets entered.
 */
import { meetsGoal } from "./goal.ts";
import { TARGET_LABEL, TIE_AT_EXEMPLARY_CAP_NOTE, TITLE_LABEL } from "./labels.ts";
import { compareCodes, compareVietnamese } from "./order.ts";
import { goodShare } from "./teams.ts";
import type { CommuneTeamSummary, Goal, Settings, TargetId, TargetResult, Team, Unit, UnitResult } from "./types.ts";

/** Everything the targets are computed from, once units are scored and titles proposed. */
export interface TargetInput {
  settings: Settings;
  units: readonly UnitResult[];
  /** Codes of the units with at least one recognised registration in year Y, of any Hình thức. */
  unitsWithRecognised: ReadonlySet<string>;
  villageTeams: readonly Team[]; // tổ dân vận of year Y
  communeBlocs: readonly Team[]; // khối dân vận of year Y
  communeTeams: readonly CommuneTeamSummary[];
}

/** All targets in the order of `Chỉ tiêu {Y}`; the per-xã tổ dân vận targets follow the district-wide one. */
export function checkTargets(input: TargetInput): TargetResult[] {
  return [
    titleShareTarget(input.units, input.settings),
    exemplaryCountTarget(input.units, input.settings),
    villageTeamsTarget(input.villageTeams, input.settings),
    ...input.communeTeams.map((c) => communeVillageTeamsTarget(c, input.settings)),
    communeBlocsTarget(input.communeBlocs, input.settings),
    villageCoverageTarget(input.units, input.unitsWithRecognised, input.settings),
    quotaShareTarget(input.units),
  ];
}

/**
 * 1. Share of the units taking part in the title that are proposed it (tiêu biểu included), within
 * [Tỷ lệ danh hiệu tối thiểu, Tỷ lệ danh hiệu tối đa].
 *
 * @example 3 of 10 units proposed, default settings → { goal: { kind: "between", min: 0.25, max: 0.3 }, actual: 0.3,
 *   met: true, … }
 */
export function titleShareTarget(units: readonly UnitResult[], settings: Settings): TargetResult {
  const eligible = units.filter((u) => u.takesPartInTitle);
  const proposed = eligible.filter((u) => u.title === "title" || u.title === "exemplary").length;
  const ties = eligible.filter((u) => u.title === "tieAtCap").length;
  const goal: Goal = { kind: "between", min: settings.titleShareMin, max: settings.titleShareMax };
  return shareTarget("titleShare", goal, proposed, eligible.length, {
    empty: "Không có đơn vị nào xét danh hiệu",
    detail: [
      `${proposed}/${eligible.length} đơn vị xét danh hiệu được đề xuất`,
      ties > 0 ? `${ties} đơn vị đồng hạng tại ngưỡng – Ban Chỉ đạo xem xét` : "",
    ],
  });
}

/**
 * 2. Number of units proposed "Dân vận khéo tiêu biểu", within [Số tiêu biểu tối thiểu, Số tiêu biểu tối đa].
 * The denominator is the number of units proposed "Dân vận khéo" (tiêu biểu included).
 *
 * @example 4 tiêu biểu, default settings → { goal: { kind: "between", min: 3, max: 5 }, actual: 4, unit: "count",
 *   met: true, … }
 */
export function exemplaryCountTarget(units: readonly UnitResult[], settings: Settings): TargetResult {
  const exemplary = units.filter((u) => u.title === "exemplary").length;
  const proposed = units.filter((u) => u.title === "title" || u.title === "exemplary").length;
  const ties = units.filter((u) => u.flags.some((f) => f.code === "tieAtExemplaryCap")).length;
  const goal: Goal = { kind: "between", min: settings.exemplaryMin, max: settings.exemplaryMax };
  return {
    ...base("exemplaryCount", goal),
    actual: exemplary,
    unit: "count",
    numerator: exemplary,
    denominator: proposed,
    met: meetsGoal(goal, exemplary),
    detail: joinDetail([
      `${exemplary} trong ${proposed} đơn vị được đề xuất “${TITLE_LABEL.title}”`,
      ties > 0 ? `${ties} đơn vị ${TIE_AT_EXEMPLARY_CAP_NOTE}` : "",
    ]),
  };
}

/**
 * 3. Share of tổ dân vận of year Y rated Tốt, strictly above Tổ dân vận tốt trên (district-wide).
 *
 * @example 8 Tốt of 10 tổ → { goal: { kind: "above", min: 0.7 }, actual: 0.8, met: true,
 *   detail: "8/10 tổ dân vận xếp loại Tốt" }
 */
export function villageTeamsTarget(villageTeams: readonly Team[], settings: Settings): TargetResult {
  const { teams, good } = goodShare(villageTeams);
  const unrated = villageTeams.filter((t) => t.rating === null).length;
  return shareTarget("villageTeamsGood", { kind: "above", min: settings.villageTeamGoodAbove }, good, teams, {
    empty: "Không có tổ dân vận nào",
    detail: [
      `${good}/${teams} tổ dân vận xếp loại Tốt`,
      unrated > 0 ? `${unrated} tổ chưa xếp loại (vẫn tính vào tổng số)` : "",
    ],
  });
}

/** 3, for one xã: its share of tổ dân vận rated Tốt. */
export function communeVillageTeamsTarget(commune: CommuneTeamSummary, settings: Settings): TargetResult {
  const target = shareTarget(
    "villageTeamsGood",
    { kind: "above", min: settings.villageTeamGoodAbove },
    commune.good,
    commune.teams,
    {
      empty: "Không có tổ dân vận nào",
      detail: [`${commune.good}/${commune.teams} tổ dân vận xếp loại Tốt`],
    },
  );
  return { ...target, label: `${target.label} – ${commune.communeName}`, communeCode: commune.communeCode };
}

/** 4. Share of khối dân vận of year Y rated Tốt, strictly above Khối dân vận tốt trên. */
export function communeBlocsTarget(communeBlocs: readonly Team[], settings: Settings): TargetResult {
  const { teams, good } = goodShare(communeBlocs);
  return shareTarget("communeBlocsGood", { kind: "above", min: settings.communeBlocGoodAbove }, good, teams, {
    empty: "Không có khối dân vận nào",
    detail: [`${good}/${teams} khối dân vận xếp loại Tốt`],
  });
}

/**
 * 5. Share of Thôn, khu phố with at least one recognised registration in year Y (any Hình thức), at least
 * Độ phủ thôn, khu phố; the detail lists the missing ones by name.
 *
 * @example 1 of 2 thôn covered → { goal: { kind: "atLeast", min: 1 }, actual: 0.5, met: false,
 *   detail: "Chưa có mô hình, điển hình được công nhận: Thôn Đông (X1-T2)" }
 */
export function villageCoverageTarget(
  units: readonly UnitResult[],
  unitsWithRecognised: ReadonlySet<string>,
  settings: Settings,
): TargetResult {
  const villages = units.map((u) => u.unit).filter((u) => u.type === "village");
  const missing = villages
    .filter((u) => !unitsWithRecognised.has(u.code))
    .sort((a, b) => compareVietnamese(a.name, b.name) || compareCodes(a.code, b.code));
  const covered = villages.length - missing.length;
  return shareTarget("villageCoverage", { kind: "atLeast", min: settings.villageCoverage }, covered, villages.length, {
    empty: "Không có thôn, khu phố nào",
    detail: [coverageDetail(missing, new Map(units.map((u) => [u.unit.code, u.unit.name])))],
    missing: missing.map((u) => ({ code: u.code, name: u.name })),
  });
}

/** Names at most this many missing thôn in the detail; the full list is `missing` (a province can miss thousands). */
const MISSING_NAMED = 20;

/** Each missing thôn with its code and, when known, its xã (`Đơn vị cấp trên`): names repeat across xã. */
function coverageDetail(missing: readonly Unit[], namesByCode: ReadonlyMap<string, string>): string {
  if (missing.length === 0) return "Mọi thôn, khu phố đều có mô hình, điển hình được công nhận";
  const named = missing
    .slice(0, MISSING_NAMED)
    .map((u) => {
      const commune = u.parentCode === null ? undefined : namesByCode.get(u.parentCode);
      return commune === undefined ? `${u.name} (${u.code})` : `${u.name} (${u.code}, ${commune})`;
    })
    .join(", ");
  const rest = missing.length - MISSING_NAMED;
  return rest > 0
    ? `Chưa có mô hình, điển hình được công nhận: ${named} và ${rest} thôn, khu phố khác (danh sách đầy đủ bên dưới)`
    : `Chưa có mô hình, điển hình được công nhận: ${named}`;
}

/** 6. Share of all units whose quota is met; the goal is every unit (000: at least one model a year each). */
export function quotaShareTarget(units: readonly UnitResult[]): TargetResult {
  const met = units.filter((u) => u.quotaMet).length;
  return shareTarget("quotaShare", { kind: "atLeast", min: 1 }, met, units.length, {
    empty: "Không có đơn vị nào",
    detail: [`${met}/${units.length} đơn vị đạt chỉ tiêu`],
  });
}

interface ShareRule {
  /** The detail when the denominator is 0. */
  empty: string;
  /** Parts of the detail; empty parts are left out. */
  detail: string[];
  /** The units found missing, when the target lists them. */
  missing?: TargetResult["missing"];
}

function shareTarget(id: TargetId, goal: Goal, numerator: number, denominator: number, rule: ShareRule): TargetResult {
  const actual = denominator === 0 ? null : numerator / denominator;
  return {
    ...base(id, goal),
    actual,
    unit: "share",
    numerator,
    denominator,
    met: actual !== null && meetsGoal(goal, actual),
    detail: actual === null ? rule.empty : joinDetail(rule.detail),
    missing: rule.missing ?? [],
  };
}

function base(id: TargetId, goal: Goal): Pick<TargetResult, "id" | "label" | "communeCode" | "goal" | "missing"> {
  return { id, label: TARGET_LABEL[id], communeCode: null, goal, missing: [] };
}

function joinDetail(parts: readonly string[]): string {
  return parts.filter((p) => p !== "").join("; ");
}

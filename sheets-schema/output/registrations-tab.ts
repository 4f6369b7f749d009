import {
  CRITERION_LABEL,
  FIELD_LABEL,
  FORM_LABEL,
  KIND_LABEL,
  criterionVerdictLabel,
  yesNoLabel,
} from "../../scoring/labels.ts";
import type { Criterion, CriterionVerdict, RegistrationVerdict, ScoringResult } from "../../scoring/types.ts";
import type { CellHighlight, OutputCell, OutputTab } from "../types.ts";
import { yearlyTabTitle } from "./tab-names.ts";
import { unitNames } from "./unit-names.ts";

/** The columns before the criteria. */
export const REGISTRATION_LEADING_HEADERS = [
  "Mã mô hình",
  "Mã đơn vị",
  "Tên đơn vị",
  "Tên mô hình, điển hình",
  "Loại",
  "Lĩnh vực",
  "Hình thức",
] as const;

/** The columns after the criteria. */
export const REGISTRATION_TRAILING_HEADERS = ["Công nhận", "Lý do"] as const;

/**
 * The header row of `Kết quả mô hình {Y}`: one column per criterion in force, between the fixed ones.
 *
 * @example registrationHeaders(["registeredOnTime", "democraticVote", "acknowledged", "spread"])
 *   // → ["Mã mô hình", …, "Hình thức", "Đăng ký", "Bình chọn dân chủ", "Tập thể thừa nhận", "Sức lan tỏa",
 *   //    "Công nhận", "Lý do"]
 */
export function registrationHeaders(criteria: readonly Criterion[]): string[] {
  return [
    ...REGISTRATION_LEADING_HEADERS,
    ...criteria.map((c) => CRITERION_LABEL[c]),
    ...REGISTRATION_TRAILING_HEADERS,
  ];
}

function registrationRow(v: RegistrationVerdict, criteria: readonly Criterion[], unitName: string): OutputCell[] {
  const r = v.registration;
  // Made at its full length: pushing onto the six leading cells would grow every row to twice what it needs.
  const length = REGISTRATION_LEADING_HEADERS.length + criteria.length + REGISTRATION_TRAILING_HEADERS.length;
  const row = new Array<OutputCell>(length);
  row[0] = r.modelId ?? "";
  row[1] = r.unitCode;
  row[2] = unitName;
  row[3] = r.name;
  row[4] = KIND_LABEL[r.kind];
  row[5] = FIELD_LABEL[r.field];
  row[6] = FORM_LABEL[r.form];
  const first = REGISTRATION_LEADING_HEADERS.length;
  let reasons = "";
  for (let j = 0; j < criteria.length; j++) {
    const verdict = criterionVerdict(v, criteria[j] as Criterion);
    row[first + j] = verdict ? criterionVerdictLabel(verdict.passed) : null;
    if (verdict && !verdict.passed) reasons = reasons === "" ? verdict.reason : `${reasons}; ${verdict.reason}`;
  }
  row[first + criteria.length] = yesNoLabel(v.recognised);
  row[first + 1 + criteria.length] = reasons;
  return row;
}

function criterionVerdict(v: RegistrationVerdict, criterion: Criterion): CriterionVerdict | undefined {
  // A loop rather than `find`: no closure per cell, for the ten thousand rows of a province.
  for (const cv of v.criteria) if (cv.criterion === criterion) return cv;
  return undefined;
}

/**
 * `Kết quả mô hình {Y}`: one row per registration of the scored year (every `Hình thức`) with its unit's name, each criterion in force
 * as `Đạt` / `Không đạt`, the recognition as `Có` / `Không`, and the reasons of the failed criteria.
 * Every failed criterion cell is highlighted.
 */
export function registrationsTab(result: ScoringResult): OutputTab {
  const criteria = result.criteriaInForce;
  const first = REGISTRATION_LEADING_HEADERS.length;
  const rows: OutputCell[][] = [registrationHeaders(criteria)];
  const highlights: CellHighlight[] = [];
  const names = unitNames(result);
  for (const v of result.registrations) {
    rows.push(registrationRow(v, criteria, names.get(v.registration.unitCode) ?? ""));
    const row = rows.length - 1;
    for (let j = 0; j < criteria.length; j++) {
      if (criterionVerdict(v, criteria[j] as Criterion)?.passed === false) highlights.push({ row, column: first + j });
    }
  }
  return { title: yearlyTabTitle("registrations", result.year), rows, highlights, percentColumns: [] };
}

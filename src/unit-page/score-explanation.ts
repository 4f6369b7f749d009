/**
 * How a unit's score was reached (SPEC §3.2, §3.7), in words and with its own figures: what the unit page shows
 * under the score. Pure, from the stored result; the parts themselves come from scoring, never recomputed here.
 */
import { formatNumber, formatPercent } from "../../scoring/format.ts";
import { SCORE_PART_LABEL } from "../../scoring/labels.ts";
import type { ScoreParts, ScoreRules, UnitResult } from "../../scoring/types.ts";

/** One part of the score: its name, its value, the rule in words and the rule with the unit's figures. */
export interface ExplainedPart {
  part: keyof ScoreParts;
  label: string;
  value: number;
  /** The rule, e.g. "Trọng số chỉ tiêu × min(R/T, 1)". */
  rule: string;
  /** The rule with the unit's figures, e.g. "50 × min(1/2, 1) = 25"; null when the result carries no settings. */
  working: string | null;
}

/** One input of the formula: its letter, its value as written, and what it counts. */
export interface FormulaInput {
  letter: string;
  value: string;
  meaning: string;
}

/**
 * The inputs R, N, T, V, F, Ft of a unit's score; T and Ft only when the result carries its settings.
 *
 * @example scoreInputs({ recognised: 1, counted: 3, meanApproval: 0.8, fields: 1, … }, { targetModels: 2, targetFields: 2, … })
 *   // → [{ letter: "R", value: "1", … }, { letter: "N", value: "3", … }, { letter: "T", value: "2", … },
 *   //    { letter: "V", value: "80%", … }, { letter: "F", value: "1", … }, { letter: "Ft", value: "2", … }]
 */
export function scoreInputs(unit: UnitResult, rules: ScoreRules | null): FormulaInput[] {
  const inputs: FormulaInput[] = [
    { letter: "R", value: formatNumber(unit.recognised), meaning: "mô hình, điển hình tính chỉ tiêu được công nhận" },
    { letter: "N", value: formatNumber(unit.counted), meaning: "đăng ký tính chỉ tiêu (Xây dựng mới, Nhân rộng)" },
  ];
  if (rules) inputs.push({ letter: "T", value: formatNumber(rules.targetModels), meaning: "Số mô hình mục tiêu" });
  inputs.push(
    {
      letter: "V",
      value: formatPercent(unit.meanApproval),
      meaning: "tỷ lệ phiếu đồng ý bình quân của các mô hình được công nhận",
    },
    { letter: "F", value: formatNumber(unit.fields), meaning: "số lĩnh vực của các mô hình được công nhận" },
  );
  if (rules) inputs.push({ letter: "Ft", value: formatNumber(rules.targetFields), meaning: "Số lĩnh vực mục tiêu" });
  return inputs;
}

/**
 * The four parts with their rule and working. With no counted registration (N = 0) every part is 0 and the working
 * says so, since R/N cannot be written.
 *
 * @example explainScore({ recognised: 1, counted: 3, meanApproval: 0.8, fields: 1, parts: { quota: 25, … } }, DEFAULT_RULES)[0]
 *   // → { part: "quota", label: "Điểm chỉ tiêu", value: 25, rule: "Trọng số chỉ tiêu × min(R/T, 1)",
 *   //     working: "50 × min(1/2, 1) = 25" }
 */
export function explainScore(unit: UnitResult, rules: ScoreRules | null): ExplainedPart[] {
  const r = formatNumber(unit.recognised);
  const w = rules?.weights;
  const working = (text: (w: ScoreRules["weights"], rules: ScoreRules) => string, value: number): string | null => {
    if (!rules || !w) return null;
    if (unit.counted === 0) return "N = 0: không có đăng ký tính chỉ tiêu nên bằng 0";
    return `${text(w, rules)} = ${formatNumber(value)}`;
  };
  const { parts } = unit;
  return [
    {
      part: "quota",
      label: SCORE_PART_LABEL.quota,
      value: parts.quota,
      rule: "Trọng số chỉ tiêu × min(R/T, 1)",
      working: working(
        (w, s) => `${formatNumber(w.quota)} × min(${r}/${formatNumber(s.targetModels)}, 1)`,
        parts.quota,
      ),
    },
    {
      part: "recognitionRate",
      label: SCORE_PART_LABEL.recognitionRate,
      value: parts.recognitionRate,
      rule: "Trọng số tỷ lệ công nhận × R/N",
      working: working(
        (w) => `${formatNumber(w.recognitionRate)} × ${r}/${formatNumber(unit.counted)}`,
        parts.recognitionRate,
      ),
    },
    {
      part: "vote",
      label: SCORE_PART_LABEL.vote,
      value: parts.vote,
      rule: "Trọng số bình chọn × V",
      working: working((w) => `${formatNumber(w.vote)} × ${formatPercent(unit.meanApproval)}`, parts.vote),
    },
    {
      part: "fields",
      label: SCORE_PART_LABEL.fields,
      value: parts.fields,
      rule: "Trọng số lĩnh vực × min(F/Ft, 1)",
      working: working(
        (w, s) => `${formatNumber(w.fields)} × min(${formatNumber(unit.fields)}/${formatNumber(s.targetFields)}, 1)`,
        parts.fields,
      ),
    },
  ];
}

/**
 * What `Đạt chỉ tiêu` asks (§3.2), with the unit's figures; null when the result carries no settings.
 *
 * @example quotaRule({ recognised: 1, recognisedCollective: 1, recognisedIndividual: 0, … }, { minimumModels: 1, minimumCollective: 0, minimumIndividual: 0, … })
 *   // → "Cần ít nhất 1 mô hình, điển hình được công nhận (đơn vị có 1)"
 */
export function quotaRule(unit: UnitResult, rules: ScoreRules | null): string | null {
  if (!rules) return null;
  const asks = [
    `ít nhất ${formatNumber(rules.minimumModels)} mô hình, điển hình được công nhận (đơn vị có ${unit.recognised})`,
  ];
  if (rules.minimumCollective > 0) {
    asks.push(`ít nhất ${formatNumber(rules.minimumCollective)} tập thể (đơn vị có ${unit.recognisedCollective})`);
  }
  if (rules.minimumIndividual > 0) {
    asks.push(`ít nhất ${formatNumber(rules.minimumIndividual)} cá nhân (đơn vị có ${unit.recognisedIndividual})`);
  }
  return `Cần ${asks.join(", ")}`;
}

import type { sheets_v4 } from "@googleapis/sheets";
import { NO, YES, type InputRule } from "../../sheets-schema/input-rules.ts";

type Rule = sheets_v4.Schema$DataValidationRule;

/**
 * The Sheets data validation rule of a column's contract rule. Every rule is strict (a value outside it is refused
 * when typed; values already there stay and are only marked); dropdowns show the list. `unitCodes` is the range of
 * the unit codes, e.g. `'Đơn vị'!A2:A`. With `unitsElsewhere` (a spreadsheet scored with others, whose units may be
 * declared in another one), a unit code not in that range is marked but accepted.
 *
 * @example sheetsRule({ kind: "count" }, "'Đơn vị'!A2:A")
 *   // → { condition: { type: "NUMBER_GREATER_THAN_EQ", values: [{ userEnteredValue: "0" }] }, strict: true, inputMessage: "…" }
 */
export function sheetsRule(rule: InputRule, unitCodes: string, options: { unitsElsewhere?: boolean } = {}): Rule {
  switch (rule.kind) {
    case "oneOf":
      return dropdown(rule.values, "Chọn một giá trị trong danh sách.");
    case "yesNoList":
      return dropdown([YES, NO], `Chọn ${YES} hoặc ${NO}; để trống là theo mặc định.`);
    case "checkbox":
      return { condition: { type: "BOOLEAN" }, strict: true };
    case "unitCode":
      return {
        condition: { type: "ONE_OF_RANGE", values: [{ userEnteredValue: `=${unitCodes}` }] },
        inputMessage: options.unitsElsewhere
          ? "Mã đơn vị khai ở trang “Đơn vị” của bảng tính này hoặc của bảng tính chính (mã không có ở đây chỉ được đánh dấu)."
          : "Chọn mã đơn vị có trong trang “Đơn vị”.",
        strict: !options.unitsElsewhere,
        showCustomUi: true,
      };
    case "date":
      return {
        condition: { type: "DATE_IS_VALID" },
        inputMessage: "Ngày dạng ngày/tháng/năm, ví dụ 31/03/2024.",
        strict: true,
      };
    case "year":
      return {
        condition: {
          type: "NUMBER_BETWEEN",
          values: [{ userEnteredValue: String(rule.min) }, { userEnteredValue: String(rule.max) }],
        },
        inputMessage: `Năm 4 chữ số, từ ${rule.min} đến ${rule.max}.`,
        strict: true,
      };
    case "count":
      return {
        condition: { type: "NUMBER_GREATER_THAN_EQ", values: [{ userEnteredValue: "0" }] },
        inputMessage: "Số phiếu: số nguyên không âm.",
        strict: true,
      };
    default: {
      const never: never = rule;
      return never;
    }
  }
}

function dropdown(values: readonly string[], inputMessage: string): Rule {
  return {
    condition: { type: "ONE_OF_LIST", values: values.map((v) => ({ userEnteredValue: v })) },
    inputMessage,
    strict: true,
    showCustomUi: true,
  };
}

/**
 * True when the rule read back from a cell is the one planned. Google leaves false booleans and empty lists out of
 * its JSON and key order is not guaranteed, so both are compared in a canonical form.
 */
export function sameRule(found: unknown, planned: Rule): boolean {
  return canonical(found) === canonical(planned);
}

function canonical(value: unknown): string {
  return JSON.stringify(prune(value)) ?? "";
}

function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map(prune);
  if (value === null || value === false || value === "") return undefined;
  if (typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = prune((value as Record<string, unknown>)[key]);
    if (v !== undefined) out[key] = v;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

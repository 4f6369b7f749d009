import { z } from "@hono/zod-openapi";
import { formatNumber } from "../../scoring/format.ts";

/**
 * Makes every zod message Vietnamese: zod 4's own Vietnamese locale, and, for the messages where that locale still
 * names types in English ("mong đợi string, nhận được undefined", "Quá nhỏ: mong đợi number >=2000"), sentences of
 * ours. Called once, where the app is composed; zod's configuration is global.
 */
export function useVietnameseZodMessages(): void {
  z.config(z.locales.vi());
  z.config({ customError: vietnameseMessage });
}

/** What a JSON value is called in a message. */
const TYPE_NAME: Record<string, string> = {
  string: "chuỗi ký tự",
  number: "số",
  int: "số nguyên",
  bigint: "số nguyên",
  boolean: "giá trị đúng/sai",
  object: "đối tượng",
  array: "mảng",
  null: "giá trị rỗng (null)",
  undefined: "không có giá trị",
  // A query parameter read as a number (`z.coerce.number()`) is NaN when it is missing or not a number.
  nan: "giá trị không phải số (hoặc bỏ trống)",
};

function typeOf(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "array";
  if (typeof input === "number" && !Number.isFinite(input)) return "nan";
  if (typeof input === "number" && !Number.isInteger(input)) return "number";
  return typeof input;
}

/**
 * The messages zod's Vietnamese locale leaves half in English; undefined lets the locale answer the others.
 *
 * @example vietnameseMessage({ code: "invalid_type", expected: "number", input: "2024" }) // → "cần số, nhận được chuỗi ký tự"
 * @example vietnameseMessage({ code: "too_small", origin: "number", minimum: 2000, inclusive: true }) // → "phải từ 2.000 trở lên"
 */
export const vietnameseMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type": {
      const expected = TYPE_NAME[issue.expected] ?? issue.expected;
      if (issue.input === undefined) return `thiếu giá trị (cần ${expected})`;
      return `cần ${expected}, nhận được ${TYPE_NAME[typeOf(issue.input)] ?? typeOf(issue.input)}`;
    }
    case "too_small":
      return bound(issue.origin, Number(issue.minimum), issue.inclusive ?? true, "min");
    case "too_big":
      return bound(issue.origin, Number(issue.maximum), issue.inclusive ?? true, "max");
    default:
      return undefined;
  }
};

function bound(origin: string, limit: number, inclusive: boolean, side: "min" | "max"): string | undefined {
  const n = formatNumber(limit);
  switch (origin) {
    case "number":
    case "int":
    case "bigint":
      if (side === "min") return inclusive ? `phải từ ${n} trở lên` : `phải lớn hơn ${n}`;
      return inclusive ? `không được lớn hơn ${n}` : `phải nhỏ hơn ${n}`;
    case "string":
      return side === "min" ? `cần ít nhất ${n} ký tự` : `tối đa ${n} ký tự`;
    case "array":
    case "set":
      return side === "min" ? `cần ít nhất ${n} phần tử` : `tối đa ${n} phần tử`;
    default:
      return undefined;
  }
}

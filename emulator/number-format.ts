import { localeRules, type LocaleRules } from "./locale.ts";
import type { NumberFormat } from "./model.ts";

/**
 * The text Sheets shows for a number (FORMATTED_VALUE): the cell's number format when it has one (the common
 * patterns: `0`, `0.00`, `#,##0`, `0.0%`, `0.00E+00`, `dd/mm/yyyy`, `h:mm`), otherwise Sheets' automatic format,
 * with the spreadsheet locale's separators. An approximation of Google's formatter, not all of its pattern language.
 */
export function formatNumber(value: number, format: NumberFormat | undefined, locale: string): string {
  const rules = localeRules(locale);
  const type = format?.type ?? "NUMBER";
  if (type === "DATE" || type === "TIME" || type === "DATE_TIME") {
    return formatDateTime(value, format?.pattern || defaultDatePattern(type, rules));
  }
  if (type === "TEXT") return automatic(value, rules);
  if (!format?.pattern) {
    if (type === "PERCENT") return formatPattern(value, "0.00%", rules);
    if (type === "SCIENTIFIC") return formatPattern(value, "0.00E+00", rules);
    if (type === "CURRENCY") return formatPattern(value, "$#,##0.00", rules);
    return automatic(value, rules);
  }
  return formatPattern(value, format.pattern, rules);
}

/** True for the number format types whose values are serial dates and times. */
export function isDateTimeFormat(format: NumberFormat | undefined): boolean {
  return format?.type === "DATE" || format?.type === "TIME" || format?.type === "DATE_TIME";
}

/** Sheets' automatic format: integers in full, up to 10 decimals otherwise, scientific for huge or tiny values. */
function automatic(value: number, rules: LocaleRules): string {
  const abs = Math.abs(value);
  let text: string;
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-9)) {
    const [mantissa = "0", exp = "0"] = value.toExponential(5).split("e");
    const m = mantissa.includes(".") ? mantissa.replace(/0+$/, "").replace(/\.$/, "") : mantissa;
    const e = Number(exp);
    text = `${m}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  } else {
    text = Number.isInteger(value) ? String(value) : String(Number(value.toFixed(10)));
  }
  return text.replace(".", rules.decimal);
}

function defaultDatePattern(type: string, rules: LocaleRules): string {
  const date = rules.dateOrder === "MDY" ? "m/d/yyyy" : rules.dateOrder === "YMD" ? "yyyy-mm-dd" : "dd/mm/yyyy";
  if (type === "TIME") return "h:mm:ss";
  if (type === "DATE_TIME") return `${date} h:mm:ss`;
  return date;
}

/** Number patterns: literal prefix/suffix, digit placeholders `0#`, grouping `,`, decimals, `%`, `E+00`. */
function formatPattern(value: number, pattern: string, rules: LocaleRules): string {
  const sections = pattern.split(";");
  let section = sections[0] ?? "";
  let v = value;
  if (value < 0 && sections[1] !== undefined) {
    section = sections[1];
    v = -value;
  } else if (value === 0 && sections[2] !== undefined) {
    section = sections[2];
  }
  const m = /^((?:"[^"]*"|\\.|[^0#?.,%E])*)([0#?,]*(?:\.[0#?]*)?(?:E[+-]0+)?)(.*)$/.exec(section);
  if (!m) return automatic(value, rules);
  const [, prefixRaw = "", numeric = "", suffixRaw = ""] = m;
  const prefix = literal(prefixRaw);
  const suffix = literal(suffixRaw);
  if (section.includes("%")) v *= 100;
  const [intPart = "", fracPart = ""] = numeric.split("E")[0]?.split(".") ?? [];
  const minInt = (intPart.match(/0/g) ?? []).length;
  const maxDec = (fracPart.match(/[0#?]/g) ?? []).length;
  const minDec = (fracPart.match(/0/g) ?? []).length;
  const grouping = intPart.includes(",");
  let body: string;
  const exp = /E([+-])(0+)/.exec(numeric);
  if (exp) {
    const e = v === 0 ? 0 : Math.floor(Math.log10(Math.abs(v)));
    const mantissa = fixed(Math.abs(v) / 10 ** e, minInt, minDec, maxDec, false, rules);
    const expText = String(Math.abs(e)).padStart(exp[2]?.length ?? 2, "0");
    body = `${mantissa}E${e < 0 ? "-" : exp[1] === "+" ? "+" : ""}${expText}`;
  } else {
    body = fixed(Math.abs(v), minInt, minDec, maxDec, grouping, rules);
  }
  const negative = v < 0 && sections[1] === undefined && Number(body.replace(/\D/g, "")) !== 0;
  return `${negative ? "-" : ""}${prefix}${body}${suffix}`;
}

function fixed(
  v: number,
  minInt: number,
  minDec: number,
  maxDec: number,
  grouping: boolean,
  rules: LocaleRules,
): string {
  const rounded = (Math.round(v * 10 ** maxDec + Number.EPSILON) / 10 ** maxDec).toFixed(maxDec);
  let [int = "0", dec = ""] = rounded.split(".");
  if (int === "0" && minInt === 0) int = "";
  int = int.padStart(minInt, "0");
  if (grouping) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, rules.group);
  while (dec.length > minDec && dec.endsWith("0")) dec = dec.slice(0, -1);
  return dec ? `${int}${rules.decimal}${dec}` : int || "0";
}

function literal(text: string): string {
  return text.replace(
    /"([^"]*)"|\\(.)|[_*](.)?/g,
    (_all, quoted: string | undefined, escaped: string | undefined) => quoted ?? escaped ?? "",
  );
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Date and time patterns (`dd/mm/yyyy`, `m/d/yyyy h:mm`, `yyyy-mm-dd`); `m` after `h` or before `s` is minutes. */
function formatDateTime(serial: number, pattern: string): string {
  const totalSeconds = Math.round(serial * 86_400);
  const days = Math.floor(totalSeconds / 86_400);
  const secs = totalSeconds - days * 86_400;
  const date = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000);
  const parts = {
    y: date.getUTCFullYear(),
    mo: date.getUTCMonth(),
    d: date.getUTCDate(),
    wd: date.getUTCDay(),
    h: Math.floor(secs / 3600),
    mi: Math.floor((secs % 3600) / 60),
    s: secs % 60,
  };
  const ampm = /am\/pm|a\/p/i.test(pattern);
  const tokens = pattern.match(/"[^"]*"|\\.|am\/pm|a\/p|y+|m+|d+|h+|s+|[^ymdhs"\\]+/gi) ?? [];
  let out = "";
  tokens.forEach((token, i) => {
    const lower = token.toLowerCase();
    const before = tokens
      .slice(0, i)
      .reverse()
      .find((t) => /^[ymdhs]/i.test(t))?.[0]
      ?.toLowerCase();
    const after = tokens
      .slice(i + 1)
      .find((t) => /^[ymdhs]/i.test(t))?.[0]
      ?.toLowerCase();
    if (token.startsWith('"')) out += token.slice(1, -1);
    else if (token.startsWith("\\")) out += token.slice(1);
    else if (lower === "am/pm") out += parts.h < 12 ? "AM" : "PM";
    else if (lower === "a/p") out += parts.h < 12 ? "A" : "P";
    else if (lower[0] === "y") out += lower.length <= 2 ? String(parts.y % 100).padStart(2, "0") : String(parts.y);
    else if (lower[0] === "d") {
      out +=
        lower.length === 1
          ? String(parts.d)
          : lower.length === 2
            ? pad(parts.d)
            : lower.length === 3
              ? DAYS[parts.wd]?.slice(0, 3)
              : DAYS[parts.wd];
    } else if (lower[0] === "h") {
      const h = ampm ? ((parts.h + 11) % 12) + 1 : parts.h;
      out += lower.length >= 2 ? pad(h) : String(h);
    } else if (lower[0] === "s") out += lower.length >= 2 ? pad(parts.s) : String(parts.s);
    else if (lower[0] === "m") {
      const minutes = before === "h" || after === "s";
      if (minutes) out += lower.length >= 2 ? pad(parts.mi) : String(parts.mi);
      else if (lower.length === 1) out += String(parts.mo + 1);
      else if (lower.length === 2) out += pad(parts.mo + 1);
      else if (lower.length === 3) out += MONTHS[parts.mo]?.slice(0, 3);
      else out += MONTHS[parts.mo];
    } else out += token;
  });
  return out;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

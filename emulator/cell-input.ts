import { badRequest } from "./errors.ts";
import { localeRules, type LocaleRules } from "./locale.ts";
import type { ExtendedValue, NumberFormat } from "./model.ts";

/**
 * How a value sent in a ValueRange becomes a stored cell value (`valueInputOption`):
 * RAW stores it as sent ("=1+1" and "123" stay text); USER_ENTERED reads it as if typed into the Sheets UI.
 */
export type ValueInputOption = "RAW" | "USER_ENTERED";

/** What one input value does to a cell: skip it (`null` in the request), clear it, or store a value. */
export type CellInput =
  | { kind: "skip" }
  | { kind: "clear" }
  | { kind: "value"; value: ExtendedValue; numberFormat?: NumberFormat };

/** Reads the `valueInputOption` parameter, which Google requires for every write. */
export function parseValueInputOption(option: unknown): ValueInputOption {
  if (option === "RAW" || option === "USER_ENTERED") return option;
  if (option === undefined || option === null || option === "" || option === "INPUT_VALUE_OPTION_UNSPECIFIED") {
    throw badRequest("'valueInputOption' is required but not specified");
  }
  throw badRequest(
    `Invalid value at 'value_input_option' (type.googleapis.com/google.apps.sheets.v4.ValueInputOption), "${String(option)}"`,
  );
}

/** Interprets one entry of `values[r][c]`. */
export function readInput(raw: unknown, option: ValueInputOption, locale: string, where: string): CellInput {
  if (raw === null || raw === undefined) return { kind: "skip" };
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) throw badRequest(`Invalid ${where}: number is not finite`);
    return { kind: "value", value: { numberValue: raw } };
  }
  if (typeof raw === "boolean") return { kind: "value", value: { boolValue: raw } };
  if (typeof raw !== "string") throw badRequest(`Invalid ${where}: struct_value ${JSON.stringify(raw)}`);
  if (raw === "") return { kind: "clear" };
  if (option === "RAW") return { kind: "value", value: { stringValue: raw } };
  return typed(raw, localeRules(locale));
}

/** The Sheets UI's reading of typed text: formulas, booleans, numbers, percentages and dates; otherwise text. */
function typed(text: string, rules: LocaleRules): CellInput {
  if (text.startsWith("'")) return { kind: "value", value: { stringValue: text.slice(1) } };
  if (text.startsWith("=") && text.length > 1) return { kind: "value", value: { formulaValue: text } };
  const t = text.trim();
  if (/^(true|false)$/i.test(t)) return { kind: "value", value: { boolValue: t.toLowerCase() === "true" } };
  const number = typedNumber(t, rules);
  if (number) return number;
  const date = typedDate(t, rules);
  if (date) return date;
  return { kind: "value", value: { stringValue: text } };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function typedNumber(t: string, rules: LocaleRules): CellInput | undefined {
  const percent = t.endsWith("%");
  const body = percent ? t.slice(0, -1).trim() : t;
  const g = escapeRegExp(rules.group);
  const d = escapeRegExp(rules.decimal);
  const groups = rules.group === "\u00a0" ? `[\\u00a0 ]` : g;
  const m = new RegExp(`^([+-])?(\\d{1,3}(?:${groups}\\d{3})+|\\d*)(?:${d}(\\d*))?(?:[eE]([+-]?\\d+))?$`).exec(body);
  if (!m) return undefined;
  const [, sign = "", whole = "", fraction, exponent] = m;
  if (whole === "" && (fraction === undefined || fraction === "")) return undefined;
  const grouped = whole.length > 0 && !/^\d+$/.test(whole);
  const digits = whole.replace(/\D/g, "");
  let value = Number(`${sign}${digits || "0"}.${fraction || "0"}${exponent === undefined ? "" : `e${exponent}`}`);
  if (!Number.isFinite(value)) return undefined;
  const decimals = fraction ? `.${"0".repeat(Math.min(fraction.length, 2))}` : "";
  let numberFormat: NumberFormat | undefined;
  if (percent) {
    value /= 100;
    numberFormat = { type: "PERCENT", pattern: fraction ? "0.00%" : "0%" };
  } else if (exponent !== undefined) {
    numberFormat = { type: "SCIENTIFIC", pattern: "0.00E+00" };
  } else if (grouped) {
    numberFormat = { type: "NUMBER", pattern: `#,##0${decimals}` };
  }
  return numberFormat
    ? { kind: "value", value: { numberValue: value }, numberFormat }
    : { kind: "value", value: { numberValue: value } };
}

/** Days from Sheets' epoch (1899-12-30) to a calendar date, or undefined for an impossible date. */
export function dateSerial(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || year < 1 || year > 9999) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return undefined;
  return Math.round(ms / 86_400_000) + 25_569;
}

function typedDate(t: string, rules: LocaleRules): CellInput | undefined {
  const m = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (time) {
    const fraction = timeFraction(time[1], time[2], time[3]);
    if (fraction === undefined) return undefined;
    return {
      kind: "value",
      value: { numberValue: fraction },
      numberFormat: { type: "TIME", pattern: time[3] ? "h:mm:ss" : "h:mm" },
    };
  }
  if (!m) return undefined;
  const [, a = "", sep = "/", b = "", c = "", hh, mi, ss] = m;
  let year: string;
  let month: string;
  let day: string;
  if (a.length === 4) [year, month, day] = [a, b, c];
  else if (c.length !== 4) return undefined;
  else if (rules.dateOrder === "MDY") [month, day, year] = [a, b, c];
  else [day, month, year] = [a, b, c];
  const serial = dateSerial(Number(year), Number(month), Number(day));
  if (serial === undefined) return undefined;
  const dd = day.length === 2 ? "dd" : "d";
  const mm = month.length === 2 ? "mm" : "m";
  let pattern =
    a.length === 4
      ? `yyyy${sep}${mm}${sep}${dd}`
      : rules.dateOrder === "MDY"
        ? `${mm}${sep}${dd}${sep}yyyy`
        : `${dd}${sep}${mm}${sep}yyyy`;
  if (hh === undefined)
    return { kind: "value", value: { numberValue: serial }, numberFormat: { type: "DATE", pattern } };
  const fraction = timeFraction(hh, mi, ss);
  if (fraction === undefined) return undefined;
  pattern += ss ? " h:mm:ss" : " h:mm";
  return { kind: "value", value: { numberValue: serial + fraction }, numberFormat: { type: "DATE_TIME", pattern } };
}

function timeFraction(h: string | undefined, m: string | undefined, s: string | undefined): number | undefined {
  const hours = Number(h);
  const minutes = Number(m);
  const seconds = Number(s ?? "0");
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return (hours * 3600 + minutes * 60 + seconds) / 86_400;
}

import { badRequest } from "./errors.ts";
import { evaluateFormula } from "./formula.ts";
import type { Cell, ExtendedValue } from "./model.ts";
import { formatNumber, isDateTimeFormat } from "./number-format.ts";

/**
 * How a stored cell is read back (`valueRenderOption`, `dateTimeRenderOption`):
 * FORMATTED_VALUE is the text Sheets shows ("1234.5", "TRUE", "15/03/2024"); UNFORMATTED_VALUE the typed value
 * (1234.5, true, dates as serial numbers); FORMULA the formula text for formula cells, else as UNFORMATTED_VALUE.
 */
export type ValueRenderOption = "FORMATTED_VALUE" | "UNFORMATTED_VALUE" | "FORMULA";
export type DateTimeRenderOption = "SERIAL_NUMBER" | "FORMATTED_STRING";
export type RenderedValue = string | number | boolean;

export interface RenderOptions {
  valueRenderOption: ValueRenderOption;
  dateTimeRenderOption: DateTimeRenderOption;
  locale: string;
}

const ERROR_TEXT: Record<string, string> = {
  NULL_VALUE: "#NULL!",
  DIVIDE_BY_ZERO: "#DIV/0!",
  VALUE: "#VALUE!",
  REF: "#REF!",
  NAME: "#NAME?",
  NUM: "#NUM!",
  N_A: "#N/A",
  LOADING: "Loading...",
};

/** Reads the render options of a request, with Google's defaults. */
export function parseRenderOptions(value: unknown, dateTime: unknown, locale: string): RenderOptions {
  const valueRenderOption = (value ?? "FORMATTED_VALUE") as ValueRenderOption;
  const dateTimeRenderOption = (dateTime ?? "SERIAL_NUMBER") as DateTimeRenderOption;
  if (!["FORMATTED_VALUE", "UNFORMATTED_VALUE", "FORMULA"].includes(valueRenderOption)) {
    throw badRequest(
      `Invalid value at 'value_render_option' (type.googleapis.com/google.apps.sheets.v4.ValueRenderOption), "${String(value)}"`,
    );
  }
  if (!["SERIAL_NUMBER", "FORMATTED_STRING"].includes(dateTimeRenderOption)) {
    throw badRequest(
      `Invalid value at 'date_time_render_option' (type.googleapis.com/google.apps.sheets.v4.DateTimeRenderOption), "${String(dateTime)}"`,
    );
  }
  return { valueRenderOption, dateTimeRenderOption, locale };
}

/** The computed value of a cell: the entered value, or for a formula what the emulator can compute of it. */
export function effectiveValue(cell: Cell | undefined): ExtendedValue | undefined {
  const entered = cell?.userEnteredValue;
  if (!entered) return undefined;
  if (entered.formulaValue !== undefined) return evaluateFormula(entered.formulaValue);
  if (entered.stringValue === "") return undefined;
  return entered;
}

/** The text Sheets displays for a cell, or undefined for an empty cell. */
export function formattedValue(cell: Cell | undefined, locale: string): string | undefined {
  const value = effectiveValue(cell);
  if (!value) return undefined;
  if (value.numberValue !== undefined)
    return formatNumber(value.numberValue, cell?.userEnteredFormat?.numberFormat, locale);
  if (value.boolValue !== undefined) return value.boolValue ? "TRUE" : "FALSE";
  if (value.errorValue !== undefined) return ERROR_TEXT[value.errorValue.type] ?? "#ERROR!";
  return value.stringValue;
}

/** One cell as `values.get` returns it; undefined means empty (trimmed at row ends, "" inside a row). */
export function renderCell(cell: Cell | undefined, options: RenderOptions): RenderedValue | undefined {
  if (options.valueRenderOption === "FORMATTED_VALUE") return formattedValue(cell, options.locale);
  const formula = cell?.userEnteredValue?.formulaValue;
  if (options.valueRenderOption === "FORMULA" && formula !== undefined) return formula;
  const value = effectiveValue(cell);
  if (!value) return undefined;
  if (value.numberValue !== undefined) {
    const format = cell?.userEnteredFormat?.numberFormat;
    if (options.dateTimeRenderOption === "FORMATTED_STRING" && isDateTimeFormat(format)) {
      return formatNumber(value.numberValue, format, options.locale);
    }
    return value.numberValue;
  }
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.errorValue !== undefined) return ERROR_TEXT[value.errorValue.type] ?? "#ERROR!";
  return value.stringValue;
}

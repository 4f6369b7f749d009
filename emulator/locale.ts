/**
 * The few locale rules Sheets applies when it reads typed input (USER_ENTERED) and formats numbers
 * (FORMATTED_VALUE): the decimal and grouping separators and the order of day, month and year.
 * `en_US` is Google's default for a new spreadsheet; `vi_VN` writes `0,75` and `15/03/2024`.
 */
export interface LocaleRules {
  decimal: string;
  group: string;
  dateOrder: "MDY" | "DMY" | "YMD";
}

const COMMA_DECIMAL = new Set([
  "vi",
  "de",
  "fr",
  "es",
  "it",
  "pt",
  "ru",
  "id",
  "nl",
  "pl",
  "tr",
  "cs",
  "da",
  "sv",
  "fi",
  "nb",
  "uk",
  "ro",
  "el",
  "hu",
]);
const SPACE_GROUP = new Set(["fr", "ru", "pl", "cs", "sv", "fi", "nb", "uk", "hu"]);
const YEAR_FIRST = new Set(["ja", "zh", "ko", "hu", "lt"]);
const MONTH_FIRST = new Set(["en_US", "en_PH", "es_US", "fil"]);

/** Rules already worked out, by locale: formatting a 50,000-row tab asks for them once per number. */
const known = new Map<string, LocaleRules>();

/** The rules for a spreadsheet locale such as `en_US` or `vi_VN`; unknown locales read like `en_US`. */
export function localeRules(locale: string): LocaleRules {
  let rules = known.get(locale);
  if (!rules) {
    rules = computeRules(locale);
    known.set(locale, rules);
  }
  return rules;
}

function computeRules(locale: string): LocaleRules {
  const language = locale.split(/[_-]/)[0]?.toLowerCase() ?? "en";
  const commaDecimal = COMMA_DECIMAL.has(language);
  const dateOrder = YEAR_FIRST.has(language)
    ? "YMD"
    : MONTH_FIRST.has(locale) || locale === "en" || locale === ""
      ? "MDY"
      : "DMY";
  return {
    decimal: commaDecimal ? "," : ".",
    group: commaDecimal ? (SPACE_GROUP.has(language) ? "\u00a0" : ".") : ",",
    dateOrder,
  };
}

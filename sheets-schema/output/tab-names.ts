/**
 * The titles of the generated tabs (SPEC §5). The Sheets gateway writes only tabs for which
 * `isGeneratedTabTitle` is true, so a tab people type in can never be overwritten.
 */

/** Tabs that carry the scored year in their title, in the order they are written. */
const YEARLY_PREFIXES = {
  ranking: "Xếp hạng", // Xếp hạng {Y}
  registrations: "Kết quả mô hình", // Kết quả mô hình {Y}
  targets: "Chỉ tiêu", // Chỉ tiêu {Y}
  teams: "Tổ, khối dân vận", // Tổ, khối dân vận {Y}
  review: "Rà soát", // Rà soát {Y}
} as const;

/** `Sơ kết 6 tháng {Y}`: written by a six-month review only (SPEC §3.8). */
const SIX_MONTH_PREFIX = "Sơ kết 6 tháng";

/** `Tổng kết {Y1}-{Y2}`: written by a stage review only (SPEC §3.8). */
const STAGE_PREFIX = "Tổng kết";

/** `Lỗi dữ liệu`: the data errors of the latest run (any year). */
export const ERRORS_TAB = "Lỗi dữ liệu";

/** `Nhật ký chấm điểm`: one row per run, appended and never cleared. */
export const LOG_TAB = "Nhật ký chấm điểm";

export type YearlyTab = keyof typeof YEARLY_PREFIXES;

/**
 * The title of a yearly generated tab.
 *
 * @example yearlyTabTitle("ranking", 2024) // → "Xếp hạng 2024"
 */
export function yearlyTabTitle(tab: YearlyTab, year: number): string {
  return `${YEARLY_PREFIXES[tab]} ${year}`;
}

/**
 * Every tab a run for `year` writes, in writing order. The run log is not among them: it is appended, not replaced.
 *
 * @example generatedTabTitles(2024) // → ["Xếp hạng 2024", …, "Rà soát 2024", "Lỗi dữ liệu"]
 */
export function generatedTabTitles(year: number): string[] {
  const yearly = (Object.keys(YEARLY_PREFIXES) as YearlyTab[]).map((tab) => yearlyTabTitle(tab, year));
  return [...yearly, ERRORS_TAB];
}

/**
 * The title of the six-month review's tab.
 *
 * @example sixMonthTabTitle(2024) // → "Sơ kết 6 tháng 2024"
 */
export function sixMonthTabTitle(year: number): string {
  return `${SIX_MONTH_PREFIX} ${year}`;
}

/**
 * The title of the stage review's tab.
 *
 * @example stageTabTitle({ first: 2021, last: 2025 }) // → "Tổng kết 2021-2025"
 */
export function stageTabTitle(stage: { first: number; last: number }): string {
  return `${STAGE_PREFIX} ${stage.first}-${stage.last}`;
}

const YEARLY_TITLE = new RegExp(`^(?:${[...Object.values(YEARLY_PREFIXES), SIX_MONTH_PREFIX].join("|")}) \\d{4}$`);
const STAGE_TITLE = new RegExp(`^${STAGE_PREFIX} \\d{4}-\\d{4}$`);

/**
 * True when `title` is a tab this service generates (for any year) or its run log; false for every other tab,
 * in particular the input tabs `Đơn vị`, `Đăng ký`, `Tổ, khối dân vận` and `Cấu hình`.
 * Exact match after Unicode NFC only: a tab someone named by hand in a look-alike way is left alone.
 *
 * @example isGeneratedTabTitle("Xếp hạng 2024") // → true
 * @example isGeneratedTabTitle("Tổ, khối dân vận") // → false (the input tab)
 */
export function isGeneratedTabTitle(title: string): boolean {
  const t = title.normalize("NFC");
  return t === ERRORS_TAB || t === LOG_TAB || YEARLY_TITLE.test(t) || STAGE_TITLE.test(t);
}

/**
 * The form in which Google Sheets compares tab titles (without regard to case), after Unicode NFC, so a title typed
 * with combining marks (NFD) compares equal to the same title typed precomposed.
 *
 * @example sameTabTitle("xếp hạng 2024", "Xếp hạng 2024") // → true
 * @example sameTabTitle("Xe\u0302\u0301p hạng 2024", "Xếp hạng 2024") // → true (NFD)
 */
export function sameTabTitle(a: string, b: string): boolean {
  return a.normalize("NFC").toLowerCase() === b.normalize("NFC").toLowerCase();
}

/**
 * The tabs that look like one of `generated` without being it exactly: a tab an editor named by hand, which a run
 * could neither overwrite (it is not ours) nor sit beside (Google refuses a second title equal without regard to
 * case; an NFD twin would leave two look-alike tabs). Each is reported with the generated title it shadows.
 *
 * @example lookAlikeTabs(["xếp hạng 2024", "Đơn vị"], ["Xếp hạng 2024"]) // → [{ title: "xếp hạng 2024", generated: "Xếp hạng 2024" }]
 */
export function lookAlikeTabs(
  existing: readonly string[],
  generated: readonly string[],
): { title: string; generated: string }[] {
  const out: { title: string; generated: string }[] = [];
  for (const title of existing) {
    const shadowed = generated.find((g) => g !== title && sameTabTitle(g, title));
    if (shadowed !== undefined) out.push({ title, generated: shadowed });
  }
  return out;
}

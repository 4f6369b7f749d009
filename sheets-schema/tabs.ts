/**
 * The contract of the four input tabs (SPEC §2.1–2.4): their titles, their headers, which are required, and how a
 * tab is found among the spreadsheet's tabs when its title is typed loosely (`Don vi`, `đơn vị `).
 *
 * `Đơn vị` and `Đăng ký` are required. `Tổ, khối dân vận` and `Cấu hình` are optional: without the first there are no
 * teams (the team targets then have nothing to measure), without the second every setting has its default.
 */
import { quoteTab } from "./a1.ts";
import { compactLabelKey, labelKey } from "./normalise.ts";
import { ContractError } from "./types.ts";

export const UNITS_TAB = "Đơn vị";
export const REGISTRATIONS_TAB = "Đăng ký";
export const TEAMS_TAB = "Tổ, khối dân vận";
export const SETTINGS_TAB = "Cấu hình";

/** One expected column: the key the reader uses, the header people see, and whether the tab is unusable without it. */
export interface ColumnSpec<K extends string = string> {
  key: K;
  header: string;
  required: boolean;
  /** Other headers offices give the same column. */
  aliases?: readonly string[];
}

/** `Đơn vị` (§2.1). */
export const UNIT_COLUMNS = [
  { key: "code", header: "Mã đơn vị", required: true },
  { key: "name", header: "Tên đơn vị", required: true },
  { key: "type", header: "Loại đơn vị", required: true },
  { key: "parentCode", header: "Đơn vị cấp trên", required: false, aliases: ["Mã đơn vị cấp trên"] },
  { key: "cluster", header: "Cụm thi đua", required: false },
  { key: "titleParticipation", header: "Xét danh hiệu", required: false },
] as const satisfies readonly ColumnSpec[];

/** `Đăng ký` (§2.2). */
export const REGISTRATION_COLUMNS = [
  { key: "modelId", header: "Mã mô hình", required: false },
  { key: "year", header: "Năm", required: true },
  { key: "unitCode", header: "Mã đơn vị", required: true },
  { key: "name", header: "Tên mô hình, điển hình", required: true },
  { key: "kind", header: "Loại", required: true },
  { key: "field", header: "Lĩnh vực", required: true },
  { key: "form", header: "Hình thức", required: true },
  { key: "registeredOn", header: "Ngày đăng ký", required: false },
  { key: "reportedOn", header: "Ngày báo cáo", required: false },
  { key: "publicVote", header: "Bình chọn công khai", required: false },
  { key: "votesFor", header: "Số phiếu đồng ý", required: false },
  { key: "votesCast", header: "Tổng số phiếu", required: false },
  { key: "acknowledged", header: "Tập thể thừa nhận", required: false },
  { key: "spread", header: "Sức lan tỏa", required: false },
  { key: "committeeRecognised", header: "Cấp ủy công nhận", required: false },
  { key: "note", header: "Ghi chú", required: false },
] as const satisfies readonly ColumnSpec[];

/** `Tổ, khối dân vận` (§2.3). */
export const TEAM_COLUMNS = [
  { key: "year", header: "Năm", required: true },
  { key: "teamId", header: "Mã tổ", required: true },
  { key: "name", header: "Tên tổ", required: false },
  { key: "level", header: "Cấp", required: true },
  { key: "unitCode", header: "Mã đơn vị", required: true },
  { key: "rating", header: "Xếp loại", required: false },
] as const satisfies readonly ColumnSpec[];

/** `Cấu hình` (§2.4). */
export const SETTING_COLUMNS = [
  { key: "name", header: "Tham số", required: true },
  { key: "value", header: "Giá trị", required: true },
] as const satisfies readonly ColumnSpec[];

export type InputTabId = "units" | "registrations" | "teams" | "settings";

/** The input tabs in reading order. */
export const INPUT_TABS: readonly { id: InputTabId; title: string; required: boolean }[] = [
  { id: "units", title: UNITS_TAB, required: true },
  { id: "registrations", title: REGISTRATIONS_TAB, required: true },
  { id: "teams", title: TEAMS_TAB, required: false },
  { id: "settings", title: SETTINGS_TAB, required: false },
];

/** Other spellings of a tab title that offices use: "kí" and "ký" are both taught, so "Đăng kí" is common. */
const TAB_SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  [REGISTRATIONS_TAB]: ["Đăng kí"],
};

/**
 * The title, among `titles`, of the tab people call `wanted`: the same title after normalisation, else the same
 * without diacritics, spaces and punctuation. Null when there is none; ContractError when two tabs fit equally.
 *
 * @example findTab(["Don vi", "Dang ky"], "Đăng ký") // → "Dang ky"
 */
export function findTab(titles: readonly string[], wanted: string): string | null {
  const names = [wanted, ...(TAB_SPELLINGS[wanted] ?? [])];
  const exactKeys = new Set(names.map(labelKey));
  const exact = titles.filter((t) => exactKeys.has(labelKey(t)));
  const looseKeys = new Set(names.map(compactLabelKey));
  const found = exact.length > 0 ? exact : titles.filter((t) => looseKeys.has(compactLabelKey(t)));
  if (found.length > 1) {
    const names = found.map((t) => `"${t}"`).join(" và ");
    throw new ContractError(`Có ${found.length} trang tính cùng được hiểu là "${wanted}": ${names}`, quoteTab(wanted));
  }
  return found[0] ?? null;
}

/**
 * Where each input tab is among the spreadsheet's tab titles (null for an absent optional tab).
 * Throws ContractError when a required tab is missing (`Không tìm thấy trang tính "Đăng ký"`).
 */
export function locateInputTabs(titles: readonly string[]): Record<InputTabId, string | null> {
  const located = {} as Record<InputTabId, string | null>;
  for (const tab of INPUT_TABS) {
    const title = findTab(titles, tab.title);
    if (title === null && tab.required) {
      throw new ContractError(`Không tìm thấy trang tính "${tab.title}"`, quoteTab(tab.title));
    }
    located[tab.id] = title;
  }
  return located;
}

/**
 * The titles of the input tabs present among all the spreadsheet's tabs: what the gateway reads in one batchGet.
 * Missing tabs are left for `readWorkbook` to report, so nothing stops before the read.
 */
export function selectInputTabs(titles: string[]): string[] {
  const selected: string[] = [];
  for (const tab of INPUT_TABS) {
    const title = findTab(titles, tab.title);
    if (title !== null) selected.push(title);
  }
  return selected;
}

import type { sheets_v4 } from "@googleapis/sheets";
import { columnLetters, quoteTab } from "../../sheets-schema/a1.ts";
import { CONSENT_TAB } from "../../sheets-schema/consent.ts";
import { GUIDE_TAB, guideSheet } from "../../sheets-schema/guide.ts";
import { headerHits } from "../../sheets-schema/headers.ts";
import { inputRule } from "../../sheets-schema/input-rules.ts";
import { isGeneratedTabTitle } from "../../sheets-schema/output/tab-names.ts";
import { SOURCES_TAB } from "../../sheets-schema/source-list.ts";
import {
  findTab,
  INPUT_TABS,
  REGISTRATION_COLUMNS,
  SETTING_COLUMNS,
  TEAM_COLUMNS,
  UNIT_COLUMNS,
  type ColumnSpec,
  type InputTabId,
} from "../../sheets-schema/tabs.ts";
import type { RawCell } from "../../sheets-schema/types.ts";
import { protectGeneratedTab, protectWithWarning, SheetIds } from "../sheets/write-plan.ts";
import { assertSetupScope } from "./setup-guard.ts";
import { sameRule, sheetsRule } from "./validation-rules.ts";

type Request = sheets_v4.Schema$Request;
type CellData = sheets_v4.Schema$CellData;

/** A tab of the spreadsheet as `spreadsheets.get` lists it. */
export interface SetupSheet {
  sheetId: number;
  title: string;
  rowCount: number;
  columnCount: number;
  /** The ranges of its protected ranges; a whole-sheet one has no indices. */
  protectedRanges: sheets_v4.Schema$GridRange[];
}

/** What was read of an input tab that exists: its header row and the validation rules of two data rows. */
export interface InputTabRead {
  /** Row 1, as the reader sees it (`""` for an empty cell inside the row). */
  header: RawCell[];
  /** The rule of each column in row 2, and in the grid's last row (a rule set by an earlier setup covers both). */
  firstRowRules: unknown[];
  lastRowRules: unknown[];
  /**
   * How many columns, from A, hold anything in the rows below the header (0 when unknown): a header is never added
   * above a column of typed data, which the reader ignores while it has no header (SPEC §2: extra columns).
   */
  dataWidth?: number;
}

/** Everything the planner needs, read in three calls (see read-setup.ts). */
export interface SetupState {
  sheets: SetupSheet[];
  /** By tab title, for every input tab that exists. */
  inputs: Record<string, InputTabRead>;
  /** The cells of the `Hướng dẫn` tab when it exists. */
  guide: string[][] | null;
}

/** What a setup did, in the words of the spreadsheet (tab titles and headers as people see them). */
export interface SetupReport {
  /** True when the spreadsheet was already ready: nothing was written. */
  unchanged: boolean;
  /** Tabs created, with their headers: input tabs and `Hướng dẫn`. */
  created: string[];
  /** Headers appended at the end of an existing input tab's header row, by tab. */
  headersAdded: Record<string, string[]>;
  /** Columns whose check (dropdown, checkbox, date, number) was set or corrected. */
  validations: number;
  validatedColumns: Record<string, string[]>;
  /** Generated tabs newly protected (warning only). */
  protected: string[];
  guide: "created" | "rewritten" | "unchanged";
  /** What the setup cannot mend by itself, e.g. a header given twice. */
  warnings: string[];
  /** One Vietnamese sentence per change, for a person to read. */
  summary: string[];
}

export interface SetupPlan {
  /** At most one batchUpdate: empty when the spreadsheet is already ready. */
  requests: Request[];
  report: SetupReport;
}

/** Rows of a new input tab, and the row count validation then covers. */
export const NEW_TAB_ROWS = 1000;
const NEW_TAB_COLUMNS = 26;
const GUIDE_COLUMNS = 3;
const GUIDE_WIDTHS = [260, 90, 640];

const COLUMNS: Record<InputTabId, readonly ColumnSpec[]> = {
  units: UNIT_COLUMNS,
  registrations: REGISTRATION_COLUMNS,
  teams: TEAM_COLUMNS,
  settings: SETTING_COLUMNS,
};

const BOLD_FIELDS = "userEnteredValue,userEnteredFormat.textFormat.bold";

/** Where setup found (or put) an input tab and its columns. */
interface TabLayout {
  id: InputTabId;
  title: string;
  sheetId: number;
  rowCount: number;
  created: boolean;
  /** Every column of each header key (two when a header is typed twice). */
  columns: Map<string, number[]>;
  read: InputTabRead | null;
}

/**
 * Where setup looks: each input tab found the forgiving way the reader finds it, and the guide; and whether the
 * spreadsheet is scored with others (SPEC §2.5): a source sends its rows to a main spreadsheet (it has `Gửi về`),
 * a main spreadsheet reads sources (it has `Nguồn dữ liệu`).
 *
 * @example setupTabs(["Don vi", "Sheet1"]) // → { inputs: { units: "Don vi", registrations: null, … }, guide: null, source: false, merged: false }
 */
export function setupTabs(titles: readonly string[]): {
  inputs: Record<InputTabId, string | null>;
  guide: string | null;
  source: boolean;
  merged: boolean;
} {
  const inputs = {} as Record<InputTabId, string | null>;
  for (const tab of INPUT_TABS) inputs[tab.id] = findTab(titles, tab.title);
  const source = findTab(titles, CONSENT_TAB) !== null;
  const merged = source || findTab(titles, SOURCES_TAB) !== null;
  return { inputs, guide: findTab(titles, GUIDE_TAB), source, merged };
}

/** Tabs a source spreadsheet does without: the units may be declared elsewhere, and only the main one's rules count. */
const NOT_NEEDED_IN_A_SOURCE: ReadonlySet<InputTabId> = new Set(["units", "settings"]);

/**
 * The one batchUpdate that prepares a spreadsheet for the offices, and what it does in words. Pure: same state, same
 * plan. Additive only: missing tabs and headers are added, typed cells are never written (checked by
 * `assertSetupScope` before the plan is returned), and a state the plan has already been applied to plans nothing.
 *
 * @example planSetup({ sheets: [{ sheetId: 0, title: "Sheet1", rowCount: 1000, columnCount: 26, protectedRanges: [] }], inputs: {}, guide: null })
 *   // → { requests: [addSheet "Hướng dẫn", …, addSheet "Đơn vị", …], report: { created: ["Đơn vị", …, "Hướng dẫn"], … } }
 */
export function planSetup(state: SetupState): SetupPlan {
  const ids = new SheetIds(state.sheets.map((s) => ({ sheetId: s.sheetId, title: s.title, hidden: false })));
  const byTitle = new Map(state.sheets.map((s) => [s.title, s]));
  const located = setupTabs(state.sheets.map((s) => s.title));
  const report: SetupReport = {
    unchanged: true,
    created: [],
    headersAdded: {},
    validations: 0,
    validatedColumns: {},
    protected: [],
    guide: "unchanged",
    warnings: [],
    summary: [],
  };
  const structure: Request[] = [];

  const layouts: TabLayout[] = INPUT_TABS.flatMap((tab) => {
    const title = located.inputs[tab.id];
    const sheet = title === null ? undefined : byTitle.get(title);
    if (sheet) return [completeTab(tab.id, sheet, state.inputs[sheet.title], structure, report)];
    if (located.source && NOT_NEEDED_IN_A_SOURCE.has(tab.id)) return [];
    return [createTab(tab.id, tab.title, ids.next(), structure, report)];
  });

  const validations = planValidations(layouts, report, located.merged);
  const guide = planGuide(located.guide === null ? undefined : byTitle.get(located.guide), state.guide, ids, report);
  const protections = planProtections(state.sheets, guide.protect, report);

  const requests = [...guide.requests, ...structure, ...validations, ...protections];
  report.unchanged = requests.length === 0;
  if (report.unchanged) report.summary.push("Bảng tính đã sẵn sàng: không có gì cần thay đổi.");
  assertSetupScope(requests, {
    inputHeaders: new Map(layouts.flatMap((l) => (l.read === null ? [] : [[l.sheetId, l.read.header] as const]))),
    generated: new Set(state.sheets.filter((s) => isGeneratedTabTitle(s.title)).map((s) => s.sheetId)),
    guide: guide.existingId,
  });
  return { requests, report };
}

function createTab(id: InputTabId, title: string, sheetId: number, out: Request[], report: SetupReport): TabLayout {
  const headers = COLUMNS[id].map((c) => c.header);
  out.push(
    {
      addSheet: {
        properties: {
          sheetId,
          title,
          gridProperties: {
            rowCount: NEW_TAB_ROWS,
            columnCount: Math.max(NEW_TAB_COLUMNS, headers.length),
            frozenRowCount: 1,
          },
        },
      },
    },
    headerCells(sheetId, 0, headers),
  );
  report.created.push(title);
  report.summary.push(`Đã tạo trang “${title}” với ${headers.length} cột: ${quoteAll(headers)}.`);
  const columns = new Map(COLUMNS[id].map((c, i) => [c.key, [i]]));
  return { id, title, sheetId, rowCount: NEW_TAB_ROWS, created: true, columns, read: null };
}

/**
 * An input tab that exists: its columns found by header, the missing headers appended after the last typed cell of
 * the header row and after every column holding data below it.
 */
function completeTab(
  id: InputTabId,
  sheet: SetupSheet,
  read: InputTabRead | undefined,
  out: Request[],
  report: SetupReport,
): TabLayout {
  // Without its header row the planner cannot know which cells are typed: refuse rather than guess.
  if (read === undefined) throw new Error(`Setup: the header row of "${sheet.title}" was not read`);
  const header = read.header;
  const specs = COLUMNS[id];
  const hits = headerHits(header, specs);
  let next = Math.max(lastTyped(header) + 1, read.dataWidth ?? 0);
  const columns = new Map<string, number[]>();
  const added: string[] = [];
  specs.forEach((spec, i) => {
    const found = hits[i] ?? [];
    if (found.length > 1) {
      const cells = found.map((c) => `${columnLetters(c)}1`).join(", ");
      report.warnings.push(
        `Trang “${sheet.title}” có ${found.length} cột “${spec.header}” (${cells}): lần chấm sẽ dừng lại cho đến khi xóa hoặc đổi tên các cột thừa.`,
      );
    }
    if (found.length > 0) columns.set(spec.key, found);
    else {
      columns.set(spec.key, [next++]);
      added.push(spec.header);
    }
  });
  if (added.length > 0) {
    const first = next - added.length;
    if (next > sheet.columnCount) {
      out.push({ appendDimension: { sheetId: sheet.sheetId, dimension: "COLUMNS", length: next - sheet.columnCount } });
    }
    out.push(headerCells(sheet.sheetId, first, added));
    report.headersAdded[sheet.title] = added;
    const where =
      added.length === 1 ? `cột ${columnLetters(first)}` : `cột ${columnLetters(first)}–${columnLetters(next - 1)}`;
    report.summary.push(`Đã thêm vào cuối dòng tiêu đề của trang “${sheet.title}” (${where}): ${quoteAll(added)}.`);
  }
  return { id, title: sheet.title, sheetId: sheet.sheetId, rowCount: sheet.rowCount, created: false, columns, read };
}

/** The index of the last cell of the header row holding anything at all (white space included); -1 when none. */
export function lastTyped(header: readonly RawCell[]): number {
  for (let c = header.length - 1; c >= 0; c--) {
    const cell = header[c];
    if (cell !== undefined && cell !== null && cell !== "") return c;
  }
  return -1;
}

function headerCells(sheetId: number, columnIndex: number, headers: readonly string[]): Request {
  const values: CellData[] = headers.map((h) => ({
    userEnteredValue: { stringValue: h },
    userEnteredFormat: { textFormat: { bold: true } },
  }));
  return { updateCells: { start: { sheetId, rowIndex: 0, columnIndex }, rows: [{ values }], fields: BOLD_FIELDS } };
}

/**
 * A rule on rows 2..rowCount of every checked column, wherever its header is, unless rows 2 and rowCount already
 * carry exactly that rule. Unit codes are checked against the `Mã đơn vị` column of `Đơn vị` (open-ended, so new
 * units are offered as soon as they are typed). When the spreadsheet is scored with others (`merged`), a unit may be
 * declared in another one's `Đơn vị`, so a code missing here is only marked, not refused; a source without a `Đơn vị`
 * tab gets no unit-code rule.
 */
function planValidations(layouts: readonly TabLayout[], report: SetupReport, merged: boolean): Request[] {
  const units = layouts.find((l) => l.id === "units");
  const codeColumn = units?.columns.get("code")?.[0] ?? 0;
  const letter = columnLetters(codeColumn);
  const unitCodes = `${quoteTab(units?.title ?? "")}!${letter}2:${letter}`;
  const requests: Request[] = [];
  for (const tab of layouts) {
    if (tab.rowCount < 2) continue; // a header row alone: no row to check
    for (const spec of COLUMNS[tab.id]) {
      const rule = inputRule(tab.id, spec.key);
      if (rule === undefined || (rule.kind === "unitCode" && units === undefined)) continue;
      const planned = sheetsRule(rule, unitCodes, { unitsElsewhere: merged });
      for (const column of tab.columns.get(spec.key) ?? []) {
        const inPlace =
          tab.read !== null &&
          sameRule(tab.read.firstRowRules[column], planned) &&
          sameRule(tab.read.lastRowRules[column], planned);
        if (inPlace) continue;
        const range = {
          sheetId: tab.sheetId,
          startRowIndex: 1,
          endRowIndex: tab.rowCount,
          startColumnIndex: column,
          endColumnIndex: column + 1,
        };
        requests.push({ setDataValidation: { range, rule: planned } });
        (report.validatedColumns[tab.title] ??= []).push(spec.header);
        report.validations++;
      }
    }
  }
  if (report.validations > 0) {
    const tabs = Object.entries(report.validatedColumns).map(([t, cols]) => `trang “${t}”: ${quoteAll(cols)}`);
    report.summary.push(`Đã đặt danh sách chọn và kiểm tra dữ liệu cho ${report.validations} cột: ${tabs.join("; ")}.`);
  }
  return requests;
}

/**
 * The guide: created first in the tab bar when missing, rewritten when its text differs from the current guide, left
 * alone (with a warning) when a tab of its title holds the office's own text.
 */
function planGuide(
  sheet: SetupSheet | undefined,
  current: string[][] | null,
  ids: SheetIds,
  report: SetupReport,
): { requests: Request[]; protect: { sheetId: number; title: string } | null; existingId: number | null } {
  const guide = guideSheet();
  const rows = guideRows(guide.rows, guide.boldRows);
  const rowCount = guide.rows.length;
  if (sheet === undefined) {
    const sheetId = ids.next();
    report.created.push(GUIDE_TAB);
    report.guide = "created";
    report.summary.push(`Đã tạo trang “${GUIDE_TAB}”: cách điền từng trang nhập liệu.`);
    const widths: Request[] = GUIDE_WIDTHS.map((pixelSize, i) => ({
      updateDimensionProperties: {
        range: { sheetId, dimension: "COLUMNS", startIndex: i, endIndex: i + 1 },
        properties: { pixelSize },
        fields: "pixelSize",
      },
    }));
    return {
      requests: [
        {
          addSheet: {
            properties: {
              sheetId,
              title: GUIDE_TAB,
              index: 0,
              gridProperties: { rowCount, columnCount: GUIDE_COLUMNS },
            },
          },
        },
        {
          updateCells: {
            start: { sheetId, rowIndex: 0, columnIndex: 0 },
            rows,
            fields: "userEnteredValue,userEnteredFormat",
          },
        },
        ...widths,
      ],
      protect: { sheetId, title: GUIDE_TAB },
      existingId: null,
    };
  }
  // A tab of this title whose text is not a guide of ours (its first cell is not the guide's title, which every
  // version of it has had) was written by the office: setup never writes over typed text, so it stays as it is.
  const typed = (current ?? []).some((row) => row.some((cell) => cell.trim() !== ""));
  if (typed && current?.[0]?.[0] !== guide.rows[0]?.[0]) {
    report.warnings.push(
      `Trang “${sheet.title}” có nội dung do đơn vị tự ghi: giữ nguyên, không ghi hướng dẫn của hệ thống vào đó. ` +
        `Muốn có trang hướng dẫn của hệ thống, hãy đổi tên trang này (ví dụ “Hướng dẫn của huyện”) rồi chuẩn bị lại.`,
    );
    return { requests: [], protect: null, existingId: null };
  }
  const protect = { sheetId: sheet.sheetId, title: sheet.title };
  if (sameText(current ?? [], guide.rows)) return { requests: [], protect, existingId: sheet.sheetId };
  report.guide = "rewritten";
  report.summary.push(`Đã viết lại trang “${sheet.title}” theo hướng dẫn hiện hành.`);
  const gridProperties = { rowCount, columnCount: GUIDE_COLUMNS };
  // With a range, updateCells clears every cell the rows do not cover: nothing of an older guide is left.
  const range = {
    sheetId: sheet.sheetId,
    startRowIndex: 0,
    endRowIndex: rowCount,
    startColumnIndex: 0,
    endColumnIndex: GUIDE_COLUMNS,
  };
  return {
    requests: [
      {
        updateSheetProperties: {
          properties: { sheetId: sheet.sheetId, gridProperties },
          fields: "gridProperties.rowCount,gridProperties.columnCount",
        },
      },
      { updateCells: { range, rows, fields: "userEnteredValue,userEnteredFormat" } },
    ],
    protect,
    existingId: sheet.sheetId,
  };
}

function guideRows(cells: readonly string[][], boldRows: readonly number[]): sheets_v4.Schema$RowData[] {
  const bold = new Set(boldRows);
  return cells.map((row, r) => ({
    values: row.map((text, c): CellData => {
      const format: sheets_v4.Schema$CellFormat = { verticalAlignment: "TOP" };
      if (bold.has(r)) format.textFormat = { bold: true };
      if (c === GUIDE_COLUMNS - 1) format.wrapStrategy = "WRAP";
      return { userEnteredValue: { stringValue: text }, userEnteredFormat: format };
    }),
  }));
}

/** Same text, trailing empty cells and rows aside (Google trims them when reading). */
function sameText(a: readonly string[][], b: readonly string[][]): boolean {
  const trim = (rows: readonly string[][]) => {
    const out = rows.map((row) => {
      let end = row.length;
      while (end > 0 && row[end - 1] === "") end--;
      return row.slice(0, end);
    });
    while (out.length > 0 && out[out.length - 1]?.length === 0) out.pop();
    return JSON.stringify(out);
  };
  return trim(a) === trim(b);
}

/**
 * A warning-only protection on every generated tab (and the guide) that has no whole-tab protection yet. Warning
 * only: the service account keeps writing, and people are asked to confirm rather than locked out.
 */
function planProtections(
  sheets: readonly SetupSheet[],
  guide: { sheetId: number; title: string } | null,
  report: SetupReport,
): Request[] {
  const requests: Request[] = [];
  for (const s of sheets) {
    if (!isGeneratedTabTitle(s.title) || s.protectedRanges.some(isWholeSheet)) continue;
    requests.push(protectGeneratedTab(s.sheetId));
    report.protected.push(s.title);
  }
  const guideRanges = sheets.find((s) => s.sheetId === guide?.sheetId)?.protectedRanges ?? [];
  if (guide !== null && !guideRanges.some(isWholeSheet)) {
    requests.push(protectWithWarning(guide.sheetId, "Trang hướng dẫn do hệ thống tạo lại; không ghi vào đây."));
    report.protected.push(guide.title);
  }
  if (report.protected.length > 0) {
    report.summary.push(
      `Đã bảo vệ (chỉ cảnh báo khi sửa) ${report.protected.length} trang do hệ thống tạo: ${quoteAll(report.protected)}.`,
    );
  }
  return requests;
}

/** Headers and titles may hold commas (`Tên mô hình, điển hình`): each is quoted in a list. */
function quoteAll(names: readonly string[]): string {
  return names.map((n) => `“${n}”`).join(", ");
}

function isWholeSheet(range: sheets_v4.Schema$GridRange): boolean {
  return (
    range.startRowIndex == null &&
    range.endRowIndex == null &&
    range.startColumnIndex == null &&
    range.endColumnIndex == null
  );
}

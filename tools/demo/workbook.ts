/**
 * The four input tabs of SPEC §2 as people lay them out, and the step that turns generated rows into them.
 * Header texts are SPEC's exactly; the order of `Đăng ký` is a real office's, not SPEC's.
 */
import type { RawCell, RawGrid, RawTabs } from "../../sheets-schema/types.ts";
import { a1 } from "./cells.ts";

export const UNITS_TAB = "Đơn vị";
export const REGISTRATIONS_TAB = "Đăng ký";
export const TEAMS_TAB = "Tổ, khối dân vận";
export const SETTINGS_TAB = "Cấu hình";

export const UNIT_HEADERS = [
  "Mã đơn vị",
  "Tên đơn vị",
  "Loại đơn vị",
  "Đơn vị cấp trên",
  "Cụm thi đua",
  "Xét danh hiệu",
];

/** SPEC §2.2's sixteen headers after a running number, with `Năm` first and the two vote columns swapped. */
export const REGISTRATION_HEADERS = [
  "STT",
  "Năm",
  "Mã mô hình",
  "Mã đơn vị",
  "Tên mô hình, điển hình",
  "Loại",
  "Lĩnh vực",
  "Hình thức",
  "Ngày đăng ký",
  "Ngày báo cáo",
  "Bình chọn công khai",
  "Tổng số phiếu",
  "Số phiếu đồng ý",
  "Tập thể thừa nhận",
  "Sức lan tỏa",
  "Cấp ủy công nhận",
  "Ghi chú",
];

export const TEAM_HEADERS = ["Năm", "Mã tổ", "Tên tổ", "Cấp", "Mã đơn vị", "Xếp loại"];

export const SETTINGS_HEADERS = ["Tham số", "Giá trị"];

/**
 * The `Cấu hình` rows of the demo: the seed district's own rules (003), which are also SPEC's defaults, typed the
 * ways an office types them (`50%` as text, `0.75` as a Sheets percent cell).
 */
export const SETTINGS_ROWS: RawCell[][] = [
  ["Hạn đăng ký", "31/03"],
  ["Hạn báo cáo", "31/12"],
  ["Tỷ lệ đồng ý phải trên", "50%"],
  ["Sức lan tỏa tối thiểu", "Cao"],
  ["Số mô hình tối thiểu", 1],
  ["Số mô hình mục tiêu", 2],
  ["Tỷ lệ danh hiệu tối thiểu", "25%"],
  ["Tỷ lệ danh hiệu tối đa", "30%"],
  ["Số tiêu biểu tối thiểu", 3],
  ["Số tiêu biểu tối đa", 5],
  ["Tổ dân vận tốt trên", "70%"],
  ["Khối dân vận tốt trên", 0.75],
  ["Độ phủ thôn, khu phố", "100%"],
];

/** A generated row, by header text. Missing headers are empty cells. */
export type Row = Record<string, RawCell>;

/** A deliberate typing mistake (or an odd but valid spelling) planted in a row, before the rows get positions. */
export interface PlannedTypo {
  tab: string;
  row: Row;
  header: string;
  value: RawCell;
  /** True when the reader must accept the value (`VH-XH`, `Van hoa - xa hoi`, `Huyện uỷ`). */
  valid: boolean;
  note: string;
}

/** Where a planted typo ended up. */
export interface InjectedTypo {
  tab: string;
  /** A1 with the quoted tab name, e.g. `'Đăng ký'!I12`, as `Lỗi dữ liệu` would show it. */
  cell: string;
  header: string;
  value: RawCell;
  valid: boolean;
  note: string;
}

/** The rows of one district (or of a whole province), in sheet order. */
export interface WorkbookParts {
  units: Row[];
  registrations: Row[];
  teams: Row[];
  typos: PlannedTypo[];
}

/** Lays rows out under their headers; trailing empty cells are dropped, as the Sheets API drops them. */
export function layoutWorkbook(parts: WorkbookParts): { tabs: RawTabs; typos: InjectedTypo[] } {
  parts.registrations.forEach((row, i) => (row.STT = i + 1));
  const tabs: RawTabs = {
    [UNITS_TAB]: grid(UNIT_HEADERS, parts.units),
    [REGISTRATIONS_TAB]: grid(REGISTRATION_HEADERS, parts.registrations),
    [TEAMS_TAB]: grid(TEAM_HEADERS, parts.teams),
    [SETTINGS_TAB]: [SETTINGS_HEADERS, ...SETTINGS_ROWS.map((r) => r.slice())],
  };
  const rowsOf: Record<string, Row[]> = {
    [UNITS_TAB]: parts.units,
    [REGISTRATIONS_TAB]: parts.registrations,
    [TEAMS_TAB]: parts.teams,
  };
  const headersOf: Record<string, string[]> = {
    [UNITS_TAB]: UNIT_HEADERS,
    [REGISTRATIONS_TAB]: REGISTRATION_HEADERS,
    [TEAMS_TAB]: TEAM_HEADERS,
  };
  const typos = parts.typos.map((t): InjectedTypo => {
    const row = (rowsOf[t.tab] ?? []).indexOf(t.row) + 1; // + 1: the header row
    const column = (headersOf[t.tab] ?? []).indexOf(t.header);
    if (row < 1 || column < 0) throw new Error(`planted typo not found: ${t.tab} ${t.header}`);
    return { tab: t.tab, cell: a1(t.tab, column, row), header: t.header, value: t.value, valid: t.valid, note: t.note };
  });
  return { tabs, typos };
}

function grid(headers: string[], rows: Row[]): RawGrid {
  const out: RawGrid = [headers.slice()];
  for (const row of rows) {
    const cells = headers.map((h) => row[h] ?? "");
    let end = cells.length;
    while (end > 0 && cells[end - 1] === "") end--;
    out.push(end === cells.length ? cells : cells.slice(0, end));
  }
  return out;
}

/** The import shape of the local Sheets emulator: a spreadsheet title and its tabs' values. */
export interface SpreadsheetImport {
  title: string;
  sheets: { title: string; values: RawGrid }[];
}

/** Tabs in the order people see them. */
export function toSpreadsheet(title: string, tabs: RawTabs): SpreadsheetImport {
  return { title, sheets: Object.entries(tabs).map(([t, values]) => ({ title: t, values })) };
}

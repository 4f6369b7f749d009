import type { sheets_v4 } from "@googleapis/sheets";
import { describe, expect, it } from "vitest";
import { guideSheet } from "../../sheets-schema/guide.ts";
import { inputRule } from "../../sheets-schema/input-rules.ts";
import {
  INPUT_TABS,
  REGISTRATION_COLUMNS,
  SETTING_COLUMNS,
  TEAM_COLUMNS,
  UNIT_COLUMNS,
  type ColumnSpec,
  type InputTabId,
} from "../../sheets-schema/tabs.ts";
import type { RawCell } from "../../sheets-schema/types.ts";
import { planSetup, type InputTabRead, type SetupSheet, type SetupState } from "./plan-setup.ts";
import { sheetsRule } from "./validation-rules.ts";

type Request = sheets_v4.Schema$Request;

const COLUMNS: Record<InputTabId, readonly ColumnSpec[]> = {
  units: UNIT_COLUMNS,
  registrations: REGISTRATION_COLUMNS,
  teams: TEAM_COLUMNS,
  settings: SETTING_COLUMNS,
};
const headersOf = (id: InputTabId) => COLUMNS[id].map((c) => c.header);
const RULES_PER_TAB = { units: 3, registrations: 13, teams: 4, settings: 1 };

function sheet(sheetId: number, title: string, more: Partial<SetupSheet> = {}): SetupSheet {
  return { sheetId, title, rowCount: 1000, columnCount: 26, protectedRanges: [], ...more };
}

function read(header: RawCell[]): InputTabRead {
  return { header, firstRowRules: [], lastRowRules: [] };
}

const EMPTY: SetupState = { sheets: [sheet(0, "Sheet1")], inputs: {}, guide: null };

/** The state after a setup: every tab with SPEC's headers, every rule in place, guide written and protected. */
function readyState(): SetupState {
  const sheets = INPUT_TABS.map((t, i) => sheet(i + 1, t.title));
  const units = `'Đơn vị'!A2:A`;
  const inputs: Record<string, InputTabRead> = {};
  for (const tab of INPUT_TABS) {
    const rules = COLUMNS[tab.id].map((c) => {
      const rule = inputRule(tab.id, c.key);
      return rule ? sheetsRule(rule, units) : undefined;
    });
    inputs[tab.title] = { header: headersOf(tab.id), firstRowRules: rules, lastRowRules: rules };
  }
  sheets.push(sheet(9, "Hướng dẫn", { protectedRanges: [{ sheetId: 9 }] }));
  sheets.push(sheet(10, "Xếp hạng 2024", { protectedRanges: [{ sheetId: 10 }] }));
  return { sheets, inputs, guide: guideSheet().rows };
}

const kinds = (requests: Request[], kind: keyof Request) => requests.filter((r) => r[kind] != null);
const validationsOn = (requests: Request[], sheetId: number) =>
  kinds(requests, "setDataValidation")
    .map((r) => r.setDataValidation!)
    .filter((v) => v.range?.sheetId === sheetId);

describe("planSetup on an empty spreadsheet", () => {
  const { requests, report } = planSetup(EMPTY);
  const added = kinds(requests, "addSheet").map((r) => r.addSheet!.properties!);

  it("creates the four input tabs and the guide, each once", () => {
    expect(added.map((p) => p.title)).toEqual(["Hướng dẫn", "Đơn vị", "Đăng ký", "Tổ, khối dân vận", "Cấu hình"]);
    expect(report.created).toEqual(["Đơn vị", "Đăng ký", "Tổ, khối dân vận", "Cấu hình", "Hướng dẫn"]);
    expect(report.unchanged).toBe(false);
    expect(report.guide).toBe("created");
  });

  it("writes SPEC's headers in SPEC's order, bold, in a frozen row 1", () => {
    for (const tab of INPUT_TABS) {
      const props = added.find((p) => p.title === tab.title)!;
      expect(props.gridProperties).toMatchObject({ frozenRowCount: 1, rowCount: 1000 });
      const write = kinds(requests, "updateCells").find((r) => r.updateCells!.start?.sheetId === props.sheetId)!
        .updateCells!;
      expect(write.start).toEqual({ sheetId: props.sheetId, rowIndex: 0, columnIndex: 0 });
      const cells = write.rows![0]!.values!;
      expect(cells.map((c) => c.userEnteredValue?.stringValue)).toEqual(headersOf(tab.id));
      expect(cells.every((c) => c.userEnteredFormat?.textFormat?.bold === true)).toBe(true);
    }
  });

  it("puts a rule on rows 2 to 1000 of every checked column", () => {
    for (const tab of INPUT_TABS) {
      const sheetId = added.find((p) => p.title === tab.title)!.sheetId!;
      const rules = validationsOn(requests, sheetId);
      expect(rules).toHaveLength(RULES_PER_TAB[tab.id]);
      for (const r of rules) expect(r.range).toMatchObject({ startRowIndex: 1, endRowIndex: 1000 });
    }
    expect(report.validations).toBe(21);
    expect(report.validatedColumns["Đăng ký"]).toContain("Lĩnh vực");
  });

  it("offers the official names as a strict dropdown and unit codes from the Đơn vị tab", () => {
    const regId = added.find((p) => p.title === "Đăng ký")!.sheetId!;
    const rule = (column: number) =>
      validationsOn(requests, regId).find((v) => v.range?.startColumnIndex === column)!.rule!;
    expect(rule(5)).toMatchObject({
      condition: {
        type: "ONE_OF_LIST",
        values: ["Kinh tế", "Văn hóa - xã hội", "Quốc phòng - an ninh", "Xây dựng hệ thống chính trị"].map((v) => ({
          userEnteredValue: v,
        })),
      },
      strict: true,
      showCustomUi: true,
    });
    expect(rule(2).condition).toEqual({ type: "ONE_OF_RANGE", values: [{ userEnteredValue: "='Đơn vị'!A2:A" }] });
    expect(rule(1).condition).toEqual({
      type: "NUMBER_BETWEEN",
      values: [{ userEnteredValue: "2000" }, { userEnteredValue: "2100" }],
    });
    expect(rule(7).condition).toEqual({ type: "DATE_IS_VALID" });
    expect(rule(9).condition).toEqual({ type: "BOOLEAN" });
    expect(rule(10).condition).toEqual({ type: "NUMBER_GREATER_THAN_EQ", values: [{ userEnteredValue: "0" }] });
  });

  it("puts the guide first in the tab bar and protects it with a warning only", () => {
    const guide = added.find((p) => p.title === "Hướng dẫn")!;
    expect(guide.index).toBe(0);
    const protections = kinds(requests, "addProtectedRange").map((r) => r.addProtectedRange!.protectedRange!);
    expect(protections).toEqual([expect.objectContaining({ range: { sheetId: guide.sheetId }, warningOnly: true })]);
  });

  it("leaves the tabs it does not own alone", () => {
    const touched = JSON.stringify(requests);
    expect(touched).not.toMatch(/"sheetId":0[,}]/);
  });
});

describe("planSetup on a spreadsheet the offices already fill", () => {
  it("finds reordered columns by header and checks them where they are", () => {
    const header = [
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
    const state: SetupState = {
      sheets: [sheet(0, "Đơn vị"), sheet(1, "Đăng ký", { rowCount: 3200 })],
      inputs: { "Đơn vị": read(headersOf("units")), "Đăng ký": read(header) },
      guide: null,
    };
    const { requests, report } = planSetup(state);
    const byColumn = new Map(validationsOn(requests, 1).map((v) => [v.range!.startColumnIndex!, v]));
    expect(byColumn.get(6)!.rule!.condition!.type).toBe("ONE_OF_LIST"); // Lĩnh vực in G
    expect(byColumn.get(1)!.rule!.condition!.type).toBe("NUMBER_BETWEEN"); // Năm in B
    expect(byColumn.get(3)!.rule!.condition!.type).toBe("ONE_OF_RANGE"); // Mã đơn vị in D
    expect(byColumn.has(0)).toBe(false); // STT is free
    expect(byColumn.get(6)!.range).toMatchObject({ startRowIndex: 1, endRowIndex: 3200 });
    expect(report.headersAdded).toEqual({});
    expect(report.created).toEqual(["Tổ, khối dân vận", "Cấu hình", "Hướng dẫn"]);
  });

  it("appends every missing header, optional ones included, after the last typed header cell", () => {
    const header = ["Năm", "Mã đơn vị", "", "Tên mô hình, điển hình", "Loại", "Lĩnh vực", "Hình thức", " "];
    const state: SetupState = {
      sheets: [sheet(0, "Đơn vị"), sheet(1, "Đăng ký", { columnCount: 10 })],
      inputs: { "Đơn vị": read(headersOf("units")), "Đăng ký": read(header) },
      guide: null,
    };
    const { requests, report } = planSetup(state);
    const missing = headersOf("registrations").filter((h) => !header.includes(h));
    expect(report.headersAdded).toEqual({ "Đăng ký": missing });
    expect(report.summary).toContain(
      `Đã thêm vào cuối dòng tiêu đề của trang “Đăng ký” (cột I–R): ${missing.map((h) => `“${h}”`).join(", ")}.`,
    );
    const write = kinds(requests, "updateCells").find((r) => r.updateCells!.start?.sheetId === 1)!.updateCells!;
    expect(write.start).toEqual({ sheetId: 1, rowIndex: 0, columnIndex: 8 }); // after the " " in H1
    expect(write.rows![0]!.values!.map((c) => c.userEnteredValue?.stringValue)).toEqual(missing);
    expect(kinds(requests, "appendDimension")).toEqual([
      { appendDimension: { sheetId: 1, dimension: "COLUMNS", length: 8 + missing.length - 10 } },
    ]);
    // an appended column is checked where it was put
    const spread = 8 + missing.indexOf("Sức lan tỏa");
    expect(validationsOn(requests, 1).some((v) => v.range?.startColumnIndex === spread)).toBe(true);
  });

  it("finds a tab titled loosely and checks unit codes against its own code column", () => {
    const state: SetupState = {
      sheets: [sheet(4, "don vi"), sheet(5, "Dang ky")],
      inputs: {
        "don vi": read(["Tên đơn vị", "Loại đơn vị", "Mã đơn vị"]),
        "Dang ky": read(headersOf("registrations")),
      },
      guide: null,
    };
    const { requests, report } = planSetup(state);
    expect(report.created).not.toContain("Đơn vị");
    expect(report.created).not.toContain("Đăng ký");
    const code = validationsOn(requests, 5).find((v) => v.range?.startColumnIndex === 2)!;
    expect(code.rule!.condition!.values).toEqual([{ userEnteredValue: "='don vi'!C2:C" }]);
  });

  it("warns about a header typed twice and checks both columns", () => {
    const state: SetupState = {
      sheets: [sheet(0, "Đơn vị")],
      inputs: { "Đơn vị": read([...headersOf("units"), "LOẠI ĐƠN VỊ"]) },
      guide: null,
    };
    const { requests, report } = planSetup(state);
    expect(report.warnings).toEqual([expect.stringContaining("có 2 cột “Loại đơn vị” (C1, G1)")]);
    const columns = validationsOn(requests, 0).map((v) => v.range!.startColumnIndex);
    expect(columns).toEqual(expect.arrayContaining([2, 6]));
  });

  it("refuses to plan for an input tab whose header row was not read", () => {
    expect(() => planSetup({ sheets: [sheet(0, "Đơn vị")], inputs: {}, guide: null })).toThrow(
      /header row of "Đơn vị" was not read/,
    );
  });
});

describe("planSetup is idempotent", () => {
  it("plans nothing for a spreadsheet that is already ready", () => {
    const { requests, report } = planSetup(readyState());
    expect(requests).toEqual([]);
    expect(report).toMatchObject({
      unchanged: true,
      created: [],
      headersAdded: {},
      validations: 0,
      protected: [],
      guide: "unchanged",
    });
    expect(report.summary).toEqual(["Bảng tính đã sẵn sàng: không có gì cần thay đổi."]);
  });

  it("sets again only a rule missing from the last row (rows added since) or changed in row 2", () => {
    const state = readyState();
    state.inputs["Đăng ký"]!.lastRowRules = state.inputs["Đăng ký"]!.lastRowRules.map((r, i) =>
      i === 5 ? undefined : r,
    );
    state.inputs["Đơn vị"]!.firstRowRules = state.inputs["Đơn vị"]!.firstRowRules.map((r, i) =>
      i === 2 ? { condition: { type: "ONE_OF_LIST", values: [{ userEnteredValue: "Xã" }] } } : r,
    );
    const { requests, report } = planSetup(state);
    expect(requests.map((r) => Object.keys(r)[0])).toEqual(["setDataValidation", "setDataValidation"]);
    expect(report.validatedColumns).toEqual({ "Đơn vị": ["Loại đơn vị"], "Đăng ký": ["Lĩnh vực"] });
  });

  it("reads a rule the way Google returns it: false fields left out, keys in any order", () => {
    const state = readyState();
    state.inputs["Cấu hình"]!.firstRowRules = state.inputs["Cấu hình"]!.firstRowRules.map(
      (r) => r && JSON.parse(JSON.stringify({ ...(r as object), strict: true })),
    );
    const flipped = (r: unknown) => (r ? Object.fromEntries(Object.entries(r as object).reverse()) : r);
    state.inputs["Cấu hình"]!.lastRowRules = state.inputs["Cấu hình"]!.lastRowRules.map(flipped);
    expect(planSetup(state).requests).toEqual([]);
  });
});

describe("planSetup: protection and guide", () => {
  it("protects each generated tab once, with a warning only, and never an input tab", () => {
    const state = readyState();
    state.sheets.push(
      sheet(11, "Lỗi dữ liệu"),
      sheet(12, "Nhật ký chấm điểm", { protectedRanges: [{ sheetId: 12, startRowIndex: 0, endRowIndex: 1 }] }),
    );
    const { requests, report } = planSetup(state);
    expect(requests).toEqual(
      [11, 12].map((sheetId) => ({
        addProtectedRange: { protectedRange: expect.objectContaining({ range: { sheetId }, warningOnly: true }) },
      })),
    );
    expect(report.protected).toEqual(["Lỗi dữ liệu", "Nhật ký chấm điểm"]);
  });

  it("rewrites a guide whose text differs, clearing what the new one does not cover", () => {
    const state = readyState();
    state.guide = [[guideSheet().rows[0]![0]!], ["dòng cũ của một phiên bản trước"]];
    const { requests, report } = planSetup(state);
    expect(report.guide).toBe("rewritten");
    expect(requests[0]!.updateSheetProperties!.properties).toMatchObject({
      sheetId: 9,
      gridProperties: { rowCount: guideSheet().rows.length, columnCount: 3 },
    });
    const write = requests[1]!.updateCells!;
    expect(write.range).toEqual({
      sheetId: 9,
      startRowIndex: 0,
      endRowIndex: guideSheet().rows.length,
      startColumnIndex: 0,
      endColumnIndex: 3,
    });
    expect(write.rows![0]!.values![0]!.userEnteredValue).toEqual({ stringValue: guideSheet().rows[0]![0] });
  });

  it("leaves an office's own Hướng dẫn as typed, unprotected, and says how to get the system's guide", () => {
    const state = readyState();
    state.sheets = state.sheets.map((s) => (s.sheetId === 9 ? { ...s, title: "Huong dan", protectedRanges: [] } : s));
    state.guide = [["Hướng dẫn của Ban Chỉ đạo huyện"], ["Nộp bảng trước 15/3, liên hệ đ/c Lan"]];
    const { requests, report } = planSetup(state);
    expect(requests.filter((r) => JSON.stringify(r).includes('"sheetId":9'))).toEqual([]);
    expect(report.guide).toBe("unchanged");
    expect(report.warnings).toEqual([
      expect.stringContaining("Trang “Huong dan” có nội dung do đơn vị tự ghi: giữ nguyên"),
    ]);
  });
});

describe("planSetup on a spreadsheet scored with others (SPEC §2.5)", () => {
  const unitRules = (requests: Request[]) =>
    kinds(requests, "setDataValidation")
      .map((r) => r.setDataValidation!.rule!)
      .filter((rule) => rule.condition?.type === "ONE_OF_RANGE");

  it("creates no Đơn vị or Cấu hình in a source, and puts no unit-code rule on its rows", () => {
    const { requests, report } = planSetup({ sheets: [sheet(0, "Gửi về")], inputs: {}, guide: null });
    expect(report.created).toEqual(["Đăng ký", "Tổ, khối dân vận", "Hướng dẫn"]);
    expect(unitRules(requests)).toEqual([]);
  });

  it("only marks a unit code missing from a Đơn vị tab that is not the only one of the run", () => {
    for (const other of ["Gửi về", "Nguồn dữ liệu"]) {
      const inputs = { "Đơn vị": read(headersOf("units")) };
      const { requests } = planSetup({ sheets: [sheet(0, other), sheet(1, "Đơn vị")], inputs, guide: null });
      const rules = unitRules(requests);
      expect(rules.length).toBeGreaterThan(0);
      for (const rule of rules) expect(rule.strict).toBe(false);
    }
    for (const rule of unitRules(planSetup(EMPTY).requests)) expect(rule.strict).toBe(true);
  });
});

import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { guideSheet } from "../sheets-schema/guide.ts";
import { SetupResultSchema } from "../src/setup/setup-route.ts";
import { REGISTRATION_COLUMNS, SETTING_COLUMNS, TEAM_COLUMNS, UNIT_COLUMNS } from "../sheets-schema/tabs.ts";
import { demoSpreadsheet, DEMO_YEAR } from "../tools/demo/district.ts";
import { getAs, postScore, type RunJson, TOKEN } from "./support/api.ts";
import { importSpreadsheet, readTab, SHEETS, sheetTitles, snapshot, type Grid } from "./support/sheets.ts";
import { parseStrict } from "./support/strict-schema.ts";

interface SetupJson {
  spreadsheetId: string;
  unchanged: boolean;
  created: string[];
  headersAdded: Record<string, string[]>;
  validations: number;
  validatedColumns: Record<string, string[]>;
  protected: string[];
  guide: string;
  warnings: string[];
  summary: string[];
}

function postSetup(body: unknown, token: string | null = TOKEN): Promise<Response> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  return SELF.fetch("https://dvk.test/api/setup", {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function setup(id: string): Promise<SetupJson> {
  const res = await postSetup({ spreadsheetId: id });
  expect(res.status).toBe(200);
  return parseStrict(SetupResultSchema, await res.json()) as SetupJson;
}

interface SheetJson {
  properties: { sheetId?: number; title: string };
  protectedRanges?: { range: { sheetId?: number }; warningOnly?: boolean }[];
  data?: {
    rowData?: {
      values?: {
        dataValidation?: {
          condition: { type: string; values?: { userEnteredValue: string }[] };
          strict?: boolean;
          showCustomUi?: boolean;
        };
      }[];
    }[];
  }[];
}

/** Tabs with their protections, and the validation rules of row `row` (1-based) of `tab`, by column letter. */
async function inspect(
  id: string,
  tab: string,
  row: number,
): Promise<{ sheets: SheetJson[]; rules: Record<string, string> }> {
  const range = encodeURIComponent(`'${tab}'!${row}:${row}`);
  const res = await fetch(`${SHEETS}/${id}?includeGridData=true&ranges=${range}`, {
    headers: { Authorization: "Bearer test" },
  });
  const rowSheet = ((await res.json()) as { sheets: SheetJson[] }).sheets[0]!;
  const all = (await (await fetch(`${SHEETS}/${id}`, { headers: { Authorization: "Bearer test" } })).json()) as {
    sheets: SheetJson[];
  };
  const rules: Record<string, string> = {};
  (rowSheet.data?.[0]?.rowData?.[0]?.values ?? []).forEach((cell, c) => {
    const rule = cell.dataValidation;
    if (!rule) return;
    const detail = rule.condition.values?.map((v) => v.userEnteredValue).join("|");
    rules[String.fromCharCode(65 + c)] = detail ? `${rule.condition.type} ${detail}` : rule.condition.type;
  });
  return { sheets: all.sheets, rules };
}

let n = 0;
const freshId = (name: string) => `setup-${name}-${Date.now()}-${n++}`;

describe("POST /api/setup on an empty spreadsheet", () => {
  it("creates every input tab with SPEC's headers, frozen, and the guide", async () => {
    const id = freshId("empty");
    await importSpreadsheet(id, [{ title: "Sheet1", values: [] }]);
    const report = await setup(id);
    expect(report.created).toEqual(["Đơn vị", "Đăng ký", "Tổ, khối dân vận", "Cấu hình", "Hướng dẫn"]);
    expect(report).toMatchObject({
      unchanged: false,
      headersAdded: {},
      validations: 21,
      guide: "created",
      warnings: [],
    });

    const expected: [string, readonly { header: string }[]][] = [
      ["Đơn vị", UNIT_COLUMNS],
      ["Đăng ký", REGISTRATION_COLUMNS],
      ["Tổ, khối dân vận", TEAM_COLUMNS],
      ["Cấu hình", SETTING_COLUMNS],
    ];
    for (const [title, columns] of expected) expect(await readTab(id, title)).toEqual([columns.map((c) => c.header)]);
    const titles = await sheetTitles(id);
    expect(titles.map((t) => t.title)).toEqual([
      "Hướng dẫn",
      "Sheet1",
      "Đơn vị",
      "Đăng ký",
      "Tổ, khối dân vận",
      "Cấu hình",
    ]);
    for (const [title] of expected) expect(titles.find((t) => t.title === title)?.frozen).toBe(1);
    expect(await readTab(id, "Hướng dẫn")).toEqual(guideSheet().rows.map((r) => r.slice(0, lastNonEmpty(r) + 1)));
  });

  it("puts the rules on the right columns, from row 2 to the last row", async () => {
    const id = freshId("rules");
    await importSpreadsheet(id, [{ title: "Sheet1", values: [] }]);
    await setup(id);
    const second = await inspect(id, "Đăng ký", 2);
    expect(second.rules).toEqual({
      B: "NUMBER_BETWEEN 2000|2100",
      C: "ONE_OF_RANGE ='Đơn vị'!A2:A",
      E: "ONE_OF_LIST Tập thể|Cá nhân",
      F: "ONE_OF_LIST Kinh tế|Văn hóa - xã hội|Quốc phòng - an ninh|Xây dựng hệ thống chính trị",
      G: "ONE_OF_LIST Xây dựng mới|Nhân rộng|Duy trì",
      H: "DATE_IS_VALID",
      I: "DATE_IS_VALID",
      J: "BOOLEAN",
      K: "NUMBER_GREATER_THAN_EQ 0",
      L: "NUMBER_GREATER_THAN_EQ 0",
      M: "BOOLEAN",
      N: "ONE_OF_LIST Thấp|Trung bình|Cao",
      O: "BOOLEAN",
    });
    expect((await inspect(id, "Đăng ký", 1000)).rules).toEqual(second.rules);
    expect((await inspect(id, "Đăng ký", 1)).rules).toEqual({}); // never on the header row
    expect((await inspect(id, "Đơn vị", 2)).rules).toEqual({
      C: "ONE_OF_LIST Xã, thị trấn|Chi bộ|Cơ quan, đơn vị|Thôn, khu phố|Tổ chức chính trị - xã hội",
      D: "ONE_OF_RANGE ='Đơn vị'!A2:A",
      F: "ONE_OF_LIST Có|Không",
    });
    expect((await inspect(id, "Tổ, khối dân vận", 2)).rules).toEqual({
      A: "NUMBER_BETWEEN 2000|2100",
      D: "ONE_OF_LIST Tổ dân vận|Khối dân vận",
      E: "ONE_OF_RANGE ='Đơn vị'!A2:A",
      F: "ONE_OF_LIST Tốt|Khá|Trung bình|Yếu",
    });
    const settings = (await inspect(id, "Cấu hình", 2)).rules;
    expect(Object.keys(settings)).toEqual(["A"]);
    expect(settings.A).toMatch(
      /^ONE_OF_LIST Hạn đăng ký\|Hạn báo cáo\|.*\|Độ phủ thôn, khu phố\|Phân bổ suất danh hiệu\|Ngày sơ kết 6 tháng\|Giai đoạn$/,
    );
  });

  it("changes nothing the second time, and says so", async () => {
    const id = freshId("twice");
    await importSpreadsheet(id, [{ title: "Sheet1", values: [] }]);
    await setup(id);
    const before = await snapshot(id);
    const again = await setup(id);
    expect(again).toMatchObject({
      unchanged: true,
      created: [],
      headersAdded: {},
      validations: 0,
      protected: [],
      guide: "unchanged",
    });
    expect(await snapshot(id)).toBe(before);
  });
});

describe("POST /api/setup next to data typed without a header", () => {
  it("adds a missing header after the columns holding data, so what scored before still scores the same", async () => {
    const id = freshId("unheaded");
    const header = ["Năm", "Mã đơn vị", "Tên mô hình, điển hình", "Loại", "Lĩnh vực", "Hình thức", "Mã mô hình"];
    await importSpreadsheet(id, [
      {
        title: "Đơn vị",
        values: [
          ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị"],
          ["X1", "Xã Một", "Xã, thị trấn"],
        ],
      },
      {
        title: "Đăng ký",
        values: [
          [...header, "Ngày đăng ký"],
          [2024, "X1", "Chợ đêm", "Tập thể", "Kinh tế", "Xây dựng mới", "MH-1", "01/03/2024", "", "đã nộp báo cáo"],
        ],
      },
    ]);
    const dry = async () =>
      (await (await postScore({ year: 2024, spreadsheetId: id, dryRun: true })).json()) as RunJson;
    const before = await dry();
    expect(before.dataErrors).toEqual([]);
    const report = await setup(id);
    expect(report.headersAdded["Đăng ký"]?.[0]).toBe("Ngày báo cáo");
    const row1 = (await readTab(id, "Đăng ký"))[0] ?? [];
    expect(row1.slice(8, 11)).toEqual(["", "", "Ngày báo cáo"]); // after the note typed in J, not above it
    const after = await dry();
    expect(after.dataErrors).toEqual([]);
    expect(after.registrations.length).toBe(before.registrations.length);
  });
});

describe("POST /api/setup on the demo district, filled by its offices", () => {
  const demo = demoSpreadsheet();
  async function freshDemo(): Promise<string> {
    const id = freshId("demo");
    await importSpreadsheet(id, demo.sheets, demo.title);
    return id;
  }
  const readInputs = (id: string): Promise<Grid[]> =>
    Promise.all(demo.sheets.map((s) => readTab(id, s.title, "FORMULA")));

  it("keeps every typed value and checks the columns where their headers are", async () => {
    const id = await freshDemo();
    const before = await readInputs(id);
    const report = await setup(id);
    expect(report).toMatchObject({ created: ["Hướng dẫn"], headersAdded: {}, validations: 21, warnings: [] });
    expect(await readInputs(id)).toEqual(before);

    // The demo's Đăng ký: STT first, Năm before Mã mô hình, the two vote columns swapped.
    const { rules } = await inspect(id, "Đăng ký", 2);
    expect(rules.A).toBeUndefined(); // STT
    expect(rules.B).toBe("NUMBER_BETWEEN 2000|2100"); // Năm
    expect(rules.C).toBeUndefined(); // Mã mô hình, free text
    expect(rules.D).toBe("ONE_OF_RANGE ='Đơn vị'!A2:A"); // Mã đơn vị
    expect(rules.G).toMatch(/^ONE_OF_LIST Kinh tế/); // Lĩnh vực
    expect(rules.K).toBe("BOOLEAN"); // Bình chọn công khai
    expect(rules.Q).toBeUndefined(); // Ghi chú
    const rows = demo.sheets.find((s) => s.title === "Đăng ký")!.values.length;
    expect((await inspect(id, "Đăng ký", rows)).rules).toEqual(rules); // down to the last typed row
  });

  it("is idempotent: the second run changes nothing in the whole spreadsheet", async () => {
    const id = await freshDemo();
    await setup(id);
    const before = await snapshot(id);
    const again = await setup(id);
    expect(again.unchanged).toBe(true);
    expect(again.summary).toEqual(["Bảng tính đã sẵn sàng: không có gì cần thay đổi."]);
    expect(await snapshot(id)).toBe(before);
  });

  it("protects the generated tabs with a warning only, once (the run that creates them, or setup), and scoring still writes them", async () => {
    const id = await freshDemo();
    expect((await postScore({ year: DEMO_YEAR, spreadsheetId: id })).status).toBe(200);
    const generated = [
      `Xếp hạng ${DEMO_YEAR}`,
      `Kết quả mô hình ${DEMO_YEAR}`,
      `Chỉ tiêu ${DEMO_YEAR}`,
      "Lỗi dữ liệu",
      "Nhật ký chấm điểm",
    ];
    const protectedTitles = async () =>
      (await inspect(id, "Đăng ký", 2)).sheets.flatMap((s) => {
        const ranges = s.protectedRanges ?? [];
        if (ranges.length === 0) return [];
        expect(ranges).toEqual([
          expect.objectContaining({ range: { sheetId: s.properties.sheetId }, warningOnly: true }),
        ]);
        return [s.properties.title];
      });
    // The run protected every tab it created (the guide says they are protected): setup has only its guide left.
    expect(await protectedTitles()).toEqual(expect.arrayContaining(generated));
    const report = await setup(id);
    expect(report.protected).toEqual(["Hướng dẫn"]);
    const after = await protectedTitles();
    expect(after).toEqual(expect.arrayContaining([...generated, "Hướng dẫn"]));
    expect(after).not.toContain("Đăng ký");

    expect((await postScore({ year: DEMO_YEAR, spreadsheetId: id })).status).toBe(200);
    const before = await snapshot(id);
    expect((await setup(id)).unchanged).toBe(true); // no second protection
    expect(await snapshot(id)).toBe(before);
    expect(await protectedTitles()).toEqual(after); // a tab replaced keeps its one protection
  });

  it("runs in the spreadsheet's queue: a setup and a scoring run started together both complete", async () => {
    const id = await freshDemo();
    const before = await readInputs(id);
    const [scored, prepared] = await Promise.all([
      postScore({ year: DEMO_YEAR, spreadsheetId: id }),
      postSetup({ spreadsheetId: id }),
    ]);
    expect([scored.status, prepared.status]).toEqual([200, 200]);
    expect(await readInputs(id)).toEqual(before);
    const after = await setup(id);
    // Whichever ran first, the next setup finds at most the tabs the run created still to protect.
    expect(after).toMatchObject({ created: [], headersAdded: {}, validations: 0, guide: "unchanged" });
  });

  it("rewrites a guide someone typed into", async () => {
    const id = await freshDemo();
    await setup(id);
    await fetch(`${SHEETS}/${id}/values/${encodeURIComponent("'Hướng dẫn'!A2")}?valueInputOption=RAW`, {
      method: "PUT",
      headers: { Authorization: "Bearer test", "Content-Type": "application/json" },
      body: JSON.stringify({ values: [["ghi chú riêng"]] }),
    });
    const report = await setup(id);
    expect(report).toMatchObject({ guide: "rewritten", unchanged: false, validations: 0, protected: [] });
    expect((await readTab(id, "Hướng dẫn"))[1]).toEqual(guideSheet().rows[1]);
  });
});

describe("POST /api/setup on tabs that lack headers", () => {
  it("appends the missing headers after the last one, leaving every typed cell, and the run then reads them", async () => {
    const id = freshId("partial");
    const units: Grid = [
      ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị"],
      ["X1", "Xã Một", "Xã, thị trấn"],
    ];
    const registrations: Grid = [
      ["STT", "Năm", "Mã đơn vị", "Tên mô hình, điển hình", "Loại", "Lĩnh vực", "Hình thức"],
      [1, 2024, "X1", "=Mô hình", "Tập thể", "Kinh tế", "Xây dựng mới"],
    ];
    await importSpreadsheet(id, [
      { title: "Don vi", values: units },
      { title: "Đăng ký", values: registrations },
    ]);
    const report = await setup(id);
    expect(report.created).toEqual(["Tổ, khối dân vận", "Cấu hình", "Hướng dẫn"]);
    expect(report.headersAdded).toEqual({
      "Don vi": ["Đơn vị cấp trên", "Cụm thi đua", "Xét danh hiệu"],
      "Đăng ký": [
        "Mã mô hình",
        "Ngày đăng ký",
        "Ngày báo cáo",
        "Bình chọn công khai",
        "Số phiếu đồng ý",
        "Tổng số phiếu",
        "Tập thể thừa nhận",
        "Sức lan tỏa",
        "Cấp ủy công nhận",
        "Ghi chú",
      ],
    });
    const grid = await readTab(id, "Đăng ký", "FORMULA");
    expect(grid[0]!.slice(0, 7)).toEqual(registrations[0]);
    expect(grid[0]!.slice(7)).toEqual(report.headersAdded["Đăng ký"]);
    expect(grid.slice(1)).toEqual(registrations.slice(1));
    expect((await readTab(id, "Don vi")).slice(1)).toEqual(units.slice(1));
    // unit codes are offered from the tab as it is titled
    expect((await inspect(id, "Đăng ký", 2)).rules.C).toBe("ONE_OF_RANGE ='Don vi'!A2:A");

    expect((await postScore({ year: 2024, spreadsheetId: id, dryRun: true })).status).toBe(200);
    expect((await setup(id)).unchanged).toBe(true);
  });
});

describe("POST /api/setup: requests refused", () => {
  it("answers 401 without the token, and writes nothing", async () => {
    const id = freshId("auth");
    await importSpreadsheet(id, [{ title: "Sheet1", values: [] }]);
    const before = await snapshot(id);
    expect((await postSetup({ spreadsheetId: id }, null)).status).toBe(401);
    expect((await postSetup({ spreadsheetId: id }, "wrong")).status).toBe(401);
    expect(await snapshot(id)).toBe(before);
  });

  it("answers 400 naming the bad field", async () => {
    const bad = await postSetup({ spreadsheetId: 42 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe("spreadsheetId");
    const unknown = await postSetup({ spreadsheetID: "x" });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { field: string } }).error.field).toBe("spreadsheetID");
  });

  it("answers 400 when no spreadsheet is given and none is configured", async () => {
    const res = await postSetup({});
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe("spreadsheetId");
  });

  it("is documented in /openapi.json", async () => {
    const doc = (await (await getAs("/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain("/api/setup");
  });

  it("answers 404 for a spreadsheet that does not exist", async () => {
    expect((await postSetup({ spreadsheetId: "no-such-spreadsheet" })).status).toBe(404);
  });
});

function lastNonEmpty(row: readonly string[]): number {
  for (let i = row.length - 1; i >= 0; i--) if (row[i] !== "") return i;
  return -1;
}

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testEmulator, type TestEmulator } from "./test-support.ts";

let t: TestEmulator;

beforeAll(async () => {
  t = await testEmulator();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.call("POST", "/_emulator/reset");
});

const seed = {
  title: "Huyện <Demo> & Co",
  sheets: [
    {
      title: "Đơn vị",
      frozenRowCount: 1,
      values: [
        ["Mã đơn vị", "Tên đơn vị"],
        ["X01", "<script>alert('x')</script>"],
        ["X02", "Xã Hòa Bình"],
      ],
    },
    {
      title: "Cấu hình",
      hidden: true,
      values: [
        ["Tham số", "Giá trị"],
        ["Hạn đăng ký", "31/03"],
      ],
    },
  ],
};

describe("control API", () => {
  it("imports a spreadsheet under a chosen id, readable through the Sheets API", async () => {
    const put = await t.call("PUT", "/_emulator/spreadsheets/demo-district", seed);
    expect(put.status).toBe(201);
    expect((await t.call("PUT", "/_emulator/spreadsheets/demo-district", seed)).status).toBe(200);
    const meta = await t.call("GET", "/v4/spreadsheets/demo-district");
    expect(meta.json.properties.title).toBe("Huyện <Demo> & Co");
    expect(meta.json.sheets.map((s: { properties: unknown }) => s.properties)).toEqual([
      {
        sheetId: 0,
        title: "Đơn vị",
        index: 0,
        sheetType: "GRID",
        gridProperties: { rowCount: 1000, columnCount: 26, frozenRowCount: 1 },
      },
      {
        sheetId: 1,
        title: "Cấu hình",
        index: 1,
        sheetType: "GRID",
        gridProperties: { rowCount: 1000, columnCount: 26 },
        hidden: true,
      },
    ]);
    // RAW by default: "31/03" stays the text an office typed.
    expect((await t.get("demo-district", "'Cấu hình'!B2", "valueRenderOption=UNFORMATTED_VALUE")).json.values).toEqual([
      ["31/03"],
    ]);
  });

  it("exports, lists and deletes spreadsheets", async () => {
    await t.call("PUT", "/_emulator/spreadsheets/s1", seed);
    const exported = await t.call("GET", "/_emulator/spreadsheets/s1");
    expect(exported.json.sheets[0]).toMatchObject({
      title: "Đơn vị",
      frozenRowCount: 1,
      values: seed.sheets[0]?.values,
    });
    expect((await t.call("GET", "/_emulator/spreadsheets")).json.spreadsheets).toEqual([
      { spreadsheetId: "s1", title: seed.title, sheets: ["Đơn vị", "Cấu hình"] },
    ]);
    expect((await t.call("DELETE", "/_emulator/spreadsheets/s1")).status).toBe(200);
    expect((await t.call("GET", "/v4/spreadsheets/s1")).status).toBe(404);
  });

  it("answers unknown paths with a JSON 404", async () => {
    const reply = await t.call("GET", "/v4/spreadsheets/x/developerMetadata/1");
    expect(reply.status).toBe(404);
    expect(reply.json.error.status).toBe("NOT_FOUND");
  });

  it("answers malformed JSON with Google's 400", async () => {
    const id = await t.create();
    const reply = await t.call("POST", `/v4/spreadsheets/${id}:batchUpdate`, "{not json");
    expect(reply.status).toBe(400);
    expect(reply.json.error.message).toContain("Invalid JSON payload received.");
  });
});

describe("HTML view", () => {
  it("lists spreadsheets with links", async () => {
    await t.call("PUT", "/_emulator/spreadsheets/demo", seed);
    const res = await fetch(`${t.url}/`);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await res.text();
    expect(html).toContain('<a href="/view/demo">Huyện &#60;Demo&#62; &#38; Co</a>');
  });

  it("shows every tab with escaped text, hidden tabs marked and frozen rows styled", async () => {
    await t.call("PUT", "/_emulator/spreadsheets/demo", seed);
    const html = await (await fetch(`${t.url}/view/demo`)).text();
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain("&#60;script&#62;alert(&#39;x&#39;)&#60;/script&#62;");
    expect(html).not.toContain("<script>");
    expect(html).toContain("Xã Hòa Bình");
    expect(html).toMatch(
      /<section id="sheet-1" class="hidden-tab">\s*<h2>Cấu hình <span class="badge">hidden<\/span><\/h2>/,
    );
    expect(html).toMatch(/<tr class="frozen frozen-edge"><th class="row">1<\/th><td>Mã đơn vị<\/td>/);
  });
});

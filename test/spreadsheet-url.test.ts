import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { postScore, READ_TOKEN, TOKEN } from "./support/api.ts";

/** A reader's credentials: the read-only token. */
const READER = { headers: { Authorization: `Bearer ${READ_TOKEN}` } };
import { importSpreadsheet, sheetTitles } from "./support/sheets.ts";

const UNITS = [
  ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị"],
  ["X1", "Xã Tân Phú", "Xã, thị trấn"],
];
const REGISTRATIONS = [
  ["Năm", "Mã đơn vị", "Tên mô hình, điển hình", "Loại", "Lĩnh vực", "Hình thức"],
  [2024, "X1", "Mô hình A", "Tập thể", "Kinh tế", "Xây dựng mới"],
];

/** The address a person copies from the browser's address bar. */
const addressOf = (id: string) => `https://docs.google.com/spreadsheets/d/${id}/edit#gid=0`;

async function smallSpreadsheet(name: string): Promise<string> {
  const id = `${name}-${Date.now()}`;
  await importSpreadsheet(id, [
    { title: "Đơn vị", values: UNITS },
    { title: "Đăng ký", values: REGISTRATIONS },
  ]);
  return id;
}

describe("spreadsheetId may be the spreadsheet's Google Sheets address", () => {
  it("POST /api/score scores the spreadsheet the address names, and GET /api/results finds it by address too", async () => {
    const id = await smallSpreadsheet("by-address");
    const res = await postScore({ year: 2024, spreadsheetId: addressOf(id) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { spreadsheetId: string }).spreadsheetId).toBe(id);

    const byAddress = await SELF.fetch(
      `https://dvk.test/api/results?year=2024&spreadsheetId=${encodeURIComponent(addressOf(id))}`,
      READER,
    );
    expect(byAddress.status).toBe(200);
    expect(((await byAddress.json()) as { spreadsheetId: string }).spreadsheetId).toBe(id);
    // The same Durable Object as the bare id: the address is only another way to write it.
    const byId = await SELF.fetch(`https://dvk.test/api/results?year=2024&spreadsheetId=${id}`, READER);
    expect(byId.status).toBe(200);
  });

  it("POST /api/setup prepares the spreadsheet the address names", async () => {
    const id = await smallSpreadsheet("setup-by-address");
    const res = await SELF.fetch("https://dvk.test/api/setup", {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ spreadsheetId: addressOf(id) }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { spreadsheetId: string }).spreadsheetId).toBe(id);
    expect((await sheetTitles(id)).map((t) => t.title)).toContain("Hướng dẫn");
  });

  it("refuses a 'publish to the web' address with 400, saying in Vietnamese which address to paste", async () => {
    const res = await postScore({
      year: 2024,
      spreadsheetId: "https://docs.google.com/spreadsheets/d/e/2PACX-1vQ/pubhtml",
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { field: string; message: string } };
    expect(body.error.field).toBe("spreadsheetId");
    expect(body.error.message).toContain("Xuất bản lên web");
  });

  it("refuses text that is neither an id nor an address with 400 naming the field", async () => {
    const res = await SELF.fetch("https://dvk.test/api/results?year=2024&spreadsheetId=a%2F..%2Fb", READER);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { field: string; message: string } };
    expect(body.error.field).toBe("spreadsheetId");
    expect(body.error.message).toContain("Không đọc được mã bảng tính");
  });

  it("is documented in the OpenAPI schema of the score body", async () => {
    const doc = (await (await SELF.fetch("https://dvk.test/openapi.json", READER)).json()) as {
      components: { schemas: { ScoreBody: { properties: { spreadsheetId: { description: string; type: string } } } } };
    };
    const field = doc.components.schemas.ScoreBody.properties.spreadsheetId;
    expect(field.type).toBe("string");
    expect(field.description).toContain("https://docs.google.com/spreadsheets/d/");
  });
});

import { describe, expect, it } from "vitest";
import { postScore } from "./support/api.ts";
import { importSpreadsheet, snapshot } from "./support/sheets.ts";

const UNITS = [["Mã đơn vị", "Tên đơn vị", "Loại đơn vị"], ["X1", "Xã Tân Phú", "Xã, thị trấn"]];
const REGISTRATION_HEADERS = ["Năm", "Mã đơn vị", "Tên mô hình, điển hình", "Loại", "Lĩnh vực", "Hình thức"];

describe("POST /api/score rejects bad requests before touching the spreadsheet", () => {
  it("answers 401 without a token", async () => {
    const res = await postScore({ year: 2024, spreadsheetId: "x" }, null);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/mã truy cập/);
  });

  it("answers 401 with a wrong token", async () => {
    expect((await postScore({ year: 2024, spreadsheetId: "x" }, "test-token-x")).status).toBe(401);
  });

  it("answers 400 naming the field when the year is not a number", async () => {
    const res = await postScore({ year: "hai nghìn", spreadsheetId: "x" });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { field: string; message: string } };
    expect(body.error.field).toBe("year");
    expect(body.error.message).toContain('"year"');
  });

  it("answers 400 naming an unknown field", async () => {
    const res = await postScore({ year: 2024, spreadsheetId: "x", dryrun: true });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe("dryrun");
  });

  it("answers 400 when the body is not JSON", async () => {
    const res = await postScore("{year: 2024");
    expect(res.status).toBe(400);
  });

  it("answers 400 when no spreadsheet is named and none is configured", async () => {
    const res = await postScore({ year: 2024 });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe("spreadsheetId");
  });

  it("stops with a clear message naming tab and column when a required column is missing, and writes nothing", async () => {
    const id = `missing-column-${Date.now()}`;
    await importSpreadsheet(id, [
      { title: "Đơn vị", values: UNITS },
      { title: "Đăng ký", values: [REGISTRATION_HEADERS.filter((h) => h !== "Lĩnh vực"), [2024, "X1", "Mô hình A", "Tập thể", "Mới"]] },
    ]);
    const before = await snapshot(id);
    const res = await postScore({ year: 2024, spreadsheetId: id });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { message: string; where: string } };
    expect(body.error.message).toContain("Đăng ký");
    expect(body.error.message).toContain("Lĩnh vực");
    expect(await snapshot(id)).toBe(before);
  });

  it("answers 404 for a spreadsheet that does not exist", async () => {
    const res = await postScore({ year: 2024, spreadsheetId: "khong-co-bang-tinh-nay" });
    expect(res.status).toBe(404);
  });
});

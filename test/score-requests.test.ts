import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ErrorBody } from "../src/api/schemas.ts";
import { postScore, TOKEN } from "./support/api.ts";
import { importSpreadsheet, snapshot } from "./support/sheets.ts";
import { parseStrict } from "./support/strict-schema.ts";

/** The error body of an answer, parsed strictly with the API reference's `Error` schema. */
async function errorOf(res: Response) {
  return parseStrict(ErrorBody, await res.json()).error;
}

/** English words zod's default messages are made of: none may reach a person. */
const ENGLISH = /\b(invalid|input|expected|received|string|number|boolean|object|undefined|too|small|big|must)\b/i;

const UNITS = [
  ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị"],
  ["X1", "Xã Tân Phú", "Xã, thị trấn"],
];
const REGISTRATION_HEADERS = ["Năm", "Mã đơn vị", "Tên mô hình, điển hình", "Loại", "Lĩnh vực", "Hình thức"];

describe("POST /api/score rejects bad requests before touching the spreadsheet", () => {
  it("answers 401 without a token", async () => {
    const res = await postScore({ year: 2024, spreadsheetId: "x" }, null);
    expect(res.status).toBe(401);
    expect(res.headers.get("WWW-Authenticate")).toBe('Bearer realm="dvk-score"');
    expect(await errorOf(res)).toEqual({ code: "unauthorized", message: expect.stringMatching(/mã truy cập/) });
  });

  it("answers 401 with a wrong token", async () => {
    expect((await postScore({ year: 2024, spreadsheetId: "x" }, "test-token-x")).status).toBe(401);
  });

  it("answers 400 naming the field when the year is not a number", async () => {
    const res = await postScore({ year: "hai nghìn", spreadsheetId: "x" });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.field).toBe("year");
    expect(error.message).toBe('Trường "year" không hợp lệ: cần số, nhận được chuỗi ký tự.');
    expect(error.message).not.toMatch(ENGLISH);
  });

  it.each([
    [{ spreadsheetId: "x" }, "year", /thiếu giá trị/],
    [{ year: 1999, spreadsheetId: "x" }, "year", /từ 2\.000 trở lên/],
    [{ year: 2024.5, spreadsheetId: "x" }, "year", /số nguyên/],
    [{ year: 2024, spreadsheetId: "x", dryRun: "có" }, "dryRun", /đúng\/sai/],
    [{ year: 2024, spreadsheetId: "x", caller: "a".repeat(101) }, "caller", /tối đa 100 ký tự/],
  ])("answers 400 in Vietnamese only, naming the field, for %j", async (body, field, detail) => {
    const res = await postScore(body);
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.field).toBe(field);
    expect(error.message).toContain(`"${field}"`);
    expect(error.message).toMatch(detail);
    expect(error.message.replace(`"${field}"`, "")).not.toMatch(ENGLISH);
  });

  it("answers 400 naming an unknown field", async () => {
    const res = await postScore({ year: 2024, spreadsheetId: "x", dryrun: true });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe("dryrun");
  });

  it("answers 400 when the body is not JSON", async () => {
    const res = await postScore("{year: 2024");
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toEqual({ code: "bad_request", message: "Nội dung yêu cầu không phải JSON hợp lệ." });
  });

  it("answers 415 in Vietnamese, saying which header to send, when the JSON comes without its Content-Type", async () => {
    // What `curl -d '{"year":2024}'` sends without -H "Content-Type: application/json".
    for (const type of ["application/x-www-form-urlencoded", "text/plain"]) {
      const res = await SELF.fetch("https://dvk.test/api/score", {
        method: "POST",
        headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": type },
        body: JSON.stringify({ year: 2024, spreadsheetId: "x" }),
      });
      expect(res.status).toBe(415);
      const error = await errorOf(res);
      expect(error.code).toBe("unsupported_media_type");
      expect(error.message).toContain("Content-Type: application/json");
      expect(error.message).not.toMatch(/Unsupported/);
    }
  });

  it.each([[[]], [null], ["2024"]])("answers 400 naming the body when it is %j instead of an object", async (body) => {
    const res = await postScore(body);
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.field).toBe("body");
    expect(error.message).toMatch(/^Nội dung yêu cầu không hợp lệ: cần đối tượng/);
  });

  it("answers 400 when no spreadsheet is named and none is configured", async () => {
    const res = await postScore({ year: 2024 });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).field).toBe("spreadsheetId");
  });

  it("stops with a clear message naming tab and column when a required column is missing, and writes nothing", async () => {
    const id = `missing-column-${Date.now()}`;
    await importSpreadsheet(id, [
      { title: "Đơn vị", values: UNITS },
      {
        title: "Đăng ký",
        values: [REGISTRATION_HEADERS.filter((h) => h !== "Lĩnh vực"), [2024, "X1", "Mô hình A", "Tập thể", "Mới"]],
      },
    ]);
    const before = await snapshot(id);
    const res = await postScore({ year: 2024, spreadsheetId: id });
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.code).toBe("contract");
    expect(error.message).toContain("Đăng ký");
    expect(error.message).toContain("Lĩnh vực");
    expect(await snapshot(id)).toBe(before);
  });

  it("answers 404 for a spreadsheet that does not exist", async () => {
    const res = await postScore({ year: 2024, spreadsheetId: "khong-co-bang-tinh-nay" });
    expect(res.status).toBe(404);
    const error = await errorOf(res);
    expect(error.code).toBe("sheets_not_found");
    // What to check: the id, and that the spreadsheet is shared with the service account.
    expect(error.message).toContain("mã bảng tính");
    expect(error.message).toContain("chia sẻ cho email của tài khoản dịch vụ");
  });
});

describe("a known API address asked with the wrong method", () => {
  it.each([
    ["GET", "/api/score", "POST"],
    ["PUT", "/api/score", "POST"],
    ["GET", "/api/setup", "POST"],
    ["POST", "/api/results?year=2024", "GET, HEAD"],
    ["DELETE", `/api/runs/${"a".repeat(64)}.${"0".repeat(8)}-0000-0000-0000-${"0".repeat(12)}`, "GET, HEAD"],
  ])("answers %s %s with 405 and Allow: %s, before asking for a token", async (method, path, allow) => {
    const res = await SELF.fetch(`https://dvk.test${path}`, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get("Allow")).toBe(allow);
    const error = await errorOf(res);
    expect(error.code).toBe("method_not_allowed");
    expect(error.message).toContain(method);
  });

  it("still answers the right method (with a token) as before", async () => {
    const res = await SELF.fetch("https://dvk.test/api/score", {
      method: "POST",
      headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(400);
  });

  it("answers an unknown API address with 404, not 405 (to someone signed in: to nobody else it says nothing)", async () => {
    expect((await SELF.fetch("https://dvk.test/api/khong-co", { method: "GET" })).status).toBe(401);
    const res = await SELF.fetch("https://dvk.test/api/khong-co", {
      method: "GET",
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(404);
    expect(await errorOf(res)).toEqual({ code: "not_found", message: "Không có trang này." });
  });
});

describe("the API reference", () => {
  it("documents every status the scoring, setup and run routes answer", async () => {
    const res = await SELF.fetch("https://dvk.test/openapi.json", { headers: { Authorization: `Bearer ${TOKEN}` } });
    const doc = (await res.json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, unknown> }> }>>;
    };
    const statuses = (path: string, method: string) => Object.keys(doc.paths[path]?.[method]?.responses ?? {});
    const run = ["200", "400", "401", "403", "404", "409", "415", "422", "429", "500", "502", "503"];
    expect(statuses("/api/score", "post")).toEqual(expect.arrayContaining([...run, "202"]));
    expect(statuses("/api/setup", "post")).toEqual(expect.arrayContaining(["400", "403", "404", "415", "500"]));
    expect(statuses("/api/runs/{runId}", "get")).toEqual(["200", "400", "401", "404"]);
    expect(doc.paths["/api/score"]?.post?.responses["202"]?.headers).toHaveProperty("Location");
  });
});

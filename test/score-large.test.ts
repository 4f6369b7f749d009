import { afterEach, describe, expect, it } from "vitest";
import { DEMO_YEAR, generateDistrict } from "../tools/demo/district.ts";
import { toSpreadsheet } from "../tools/demo/workbook.ts";
import { postScore, type RunJson } from "./support/api.ts";
import { clearFaults, importSpreadsheet, readTab, setFaults, sheetTitles, snapshot } from "./support/sheets.ts";

// A district twice the demo's size: its generated tabs exceed Google's recommended 2 MB per request, so the run
// goes through hidden staging tabs.
const large = toSpreadsheet("Huyện lớn", generateDistrict({ communes: 60, modelsPerYear: 2500 }));
let n = 0;
async function freshLarge(): Promise<string> {
  const id = `large-${Date.now()}-${n++}`;
  await importSpreadsheet(id, large.sheets, large.title);
  return id;
}

afterEach(clearFaults);

describe("a run larger than one request", () => {
  it("is written through staging tabs and ends with only the visible generated tabs", async () => {
    const id = await freshLarge();
    const res = await postScore({ year: DEMO_YEAR, spreadsheetId: id });
    expect(res.status).toBe(200);
    const run = (await res.json()) as RunJson;
    expect(run.sheetsRequests).toBeGreaterThan(3); // metadata + values + several writes
    const titles = await sheetTitles(id);
    expect(titles.filter((t) => t.hidden)).toEqual([]);
    expect(titles.map((t) => t.title)).toEqual(expect.arrayContaining(run.tabsWritten));
    const results = await readTab(id, `Kết quả mô hình ${DEMO_YEAR}`);
    expect(results).toHaveLength(run.registrations.length + 1);
  });

  it("leaves the spreadsheet as it was when Google fails while staging tabs are being filled", async () => {
    const id = await freshLarge();
    const before = await snapshot(id);
    // The first write (creating hidden staging tabs) goes through; the next one fails on every retry.
    await setFaults([
      { delayMs: 1, count: 1, pathIncludes: ":batchUpdate" },
      { status: 500, count: 6, pathIncludes: ":batchUpdate" },
    ]);
    const res = await postScore({ year: DEMO_YEAR, spreadsheetId: id });
    expect(res.status).toBe(502);
    expect(await snapshot(id)).toBe(before);
  });

  it("replaces the previous run's tabs in the swap, leaving one tab per title", async () => {
    const id = await freshLarge();
    expect((await postScore({ year: DEMO_YEAR, spreadsheetId: id })).status).toBe(200);
    const first = await readTab(id, `Xếp hạng ${DEMO_YEAR}`);
    const order = (await sheetTitles(id)).map((t) => t.title);
    expect((await postScore({ year: DEMO_YEAR, spreadsheetId: id })).status).toBe(200);
    const titles = (await sheetTitles(id)).map((t) => t.title);
    expect(titles).toEqual(order); // each replaced tab keeps its place in the tab bar
    expect(titles.filter((t) => t === `Xếp hạng ${DEMO_YEAR}`)).toHaveLength(1);
    expect(await readTab(id, `Xếp hạng ${DEMO_YEAR}`)).toEqual(first);
    expect(await readTab(id, "Nhật ký chấm điểm")).toHaveLength(3);
  });
});

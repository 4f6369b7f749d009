/**
 * A tab taller than BLOCK_ROWS is read in row blocks (one `values.batchGet` per block, so no answer holds a whole
 * province's `Đăng ký` as text), and put back together exactly as one read of the whole tab answers it: empty rows
 * at block edges and a wholly empty block kept in place, trailing empty rows left out. A run reads the further
 * blocks of `Đăng ký` into records one at a time, and scores exactly as if the tab had been read whole.
 */
import { env } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import { configOf } from "../src/config/config.ts";
import { scorerFor, storedResult } from "../src/scorer/scorer-for.ts";
import { sheetsClientFor } from "../src/sheets/client-for.ts";
import { BLOCK_ROWS, readSpreadsheet, readTabs } from "../src/sheets/gateway.ts";
import { reviewSources } from "../sheets-schema/review-pipeline.ts";
import { DEMO_YEAR, generateDistrict } from "../tools/demo/district.ts";
import { toSpreadsheet } from "../tools/demo/workbook.ts";
import { postScore, type RunJson } from "./support/api.ts";
import { clearFaults, type Grid, importSpreadsheet, setFaults, snapshot } from "./support/sheets.ts";

const policy = { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, deadline: Number.POSITIVE_INFINITY };

/** A tall tab: rows around each block edge empty, the second block wholly empty, empty rows at the end of the grid. */
function tallTab(): Grid {
  const rows: Grid = [["Mã đơn vị", "Tên", "Số"]];
  const last = 3 * BLOCK_ROWS + 500;
  for (let r = 1; r < last + 300; r++) {
    const empty =
      r > last ||
      (r >= BLOCK_ROWS && r < 2 * BLOCK_ROWS) ||
      r === BLOCK_ROWS - 1 ||
      r === 2 * BLOCK_ROWS ||
      r === 3 * BLOCK_ROWS - 1;
    rows.push(empty ? [] : r % 7 === 0 ? ["", "", r] : [`DV${r}`, `Đơn vị số ${r}`, r]);
  }
  return rows;
}

describe("reading a tab taller than a block", () => {
  it("reads on, whole, a tab whose first block holds only blank text, as one read of the whole tab would", async () => {
    const id = `read-blocks-blank-${crypto.randomUUID()}`;
    const rows: Grid = [];
    for (let r = 0; r < BLOCK_ROWS; r++) rows.push([" "]); // a first block of blank text: no header there
    rows.push(["Mã đơn vị", "Năm"], ["DV1", DEMO_YEAR]);
    await importSpreadsheet(id, [
      { title: "Đăng ký", values: rows },
      { title: "Đơn vị", values: [["Mã đơn vị"], ["DV1"]] },
    ]);
    const api = sheetsClientFor(configOf(env));
    const whole = await readTabs(api, id, ["Đơn vị", "Đăng ký"], policy);
    const read = await readSpreadsheet(api, id, () => ["Đơn vị", "Đăng ký"], policy, { later: () => "Đăng ký" });
    // Left for later, its rows below would have been read as registrations of a tab judged absent from the blank
    // block, and dropped; read whole, the readers see what is there (here: a tab without its header on row 1).
    expect(read.laterBlocks).toBeNull();
    expect(read.tabs).toEqual(whole);
  });

  it("reads it in blocks of rows and gives the grid one read of the whole tab gives", async () => {
    const id = `read-blocks-${crypto.randomUUID()}`;
    const tall = tallTab();
    await importSpreadsheet(id, [
      { title: "Đăng ký", values: tall },
      { title: "Đơn vị", values: [["Mã đơn vị"], ["DV1"]] },
    ]);
    const api = sheetsClientFor(configOf(env));
    const whole = await readTabs(api, id, ["Đơn vị", "Đăng ký"], policy);
    const blocks = await readSpreadsheet(api, id, () => ["Đơn vị", "Đăng ký"], policy);

    expect(blocks.tabs).toEqual(whole);
    // The grid is 3 × BLOCK_ROWS + 800 rows high: its first block with `Đơn vị`, then one call per further block.
    expect(blocks.valueReads).toBe(4);
    const grid = blocks.tabs["Đăng ký"] ?? [];
    expect(grid.length).toBe(3 * BLOCK_ROWS + 501); // trailing empty rows left out, as Google does
    expect(grid[BLOCK_ROWS]).toEqual([]);
    expect(grid[2 * BLOCK_ROWS + 1]).toEqual([
      `DV${2 * BLOCK_ROWS + 1}`,
      `Đơn vị số ${2 * BLOCK_ROWS + 1}`,
      2 * BLOCK_ROWS + 1,
    ]);
  });

  it("reads a tab no taller than a block, with the others, in one call", async () => {
    const id = `read-one-block-${crypto.randomUUID()}`;
    await importSpreadsheet(id, [
      { title: "Đăng ký", values: [["Mã đơn vị"], ["DV1"], [], ["DV3"]] },
      { title: "Đơn vị", values: [["Mã đơn vị"]] },
    ]);
    const read = await readSpreadsheet(sheetsClientFor(configOf(env)), id, (t) => t, policy);
    expect(read.valueReads).toBe(1);
    expect(read.tabs["Đăng ký"]).toEqual([["Mã đơn vị"], ["DV1"], [], ["DV3"]]);
  });
});

describe("scoring a spreadsheet whose Đăng ký is taller than a block", () => {
  it("reads each block into records as it comes and gives the result of the whole tab read at once", async () => {
    const tabs = generateDistrict({ modelsPerYear: 4_200 }); // 21,000 registrations over five years
    const registrations = tabs["Đăng ký"] ?? [];
    expect(registrations.length).toBeGreaterThan(BLOCK_ROWS + 1);
    const header = (registrations[0] ?? []).map(String);
    const yearColumn = header.indexOf("Năm");
    const last = registrations[registrations.length - 1] ?? [];
    // At the edges of the first block: an unreadable year on the second block's first row, and the last row of
    // the tab again (a `Mã mô hình` met twice, the later row in a later block); empty rows around the edge.
    const edge = [...(registrations[BLOCK_ROWS] ?? [])];
    edge[yearColumn] = "năm ngoái";
    registrations[BLOCK_ROWS] = edge;
    registrations[BLOCK_ROWS - 1] = [];
    registrations.push([], [...last]);
    const id = `score-blocks-${crypto.randomUUID()}`;
    await importSpreadsheet(id, toSpreadsheet(id, tabs).sheets as { title: string; values: Grid }[]);

    const res = await postScore({ year: DEMO_YEAR, spreadsheetId: id, dryRun: true });
    expect(res.status).toBe(200);
    const run = (await res.json()) as RunJson & { review: unknown };
    const whole = reviewSources([{ source: "", tabs }], DEMO_YEAR, "nam");
    if (whole.review !== "nam") throw new Error("an annual review");
    const expected = JSON.parse(JSON.stringify({ ...whole.result, dataErrors: whole.errors }));
    expect(run.units).toEqual(expected.units);
    expect(run.registrations).toEqual(expected.registrations);
    expect(run.review).toEqual(expected.review);
    expect(run.dataErrors).toEqual(expected.dataErrors);
    const column = (name: string) => String.fromCharCode(65 + header.indexOf(name));
    const cells = run.dataErrors.map((e) => e.cell);
    expect(cells).toContain(`'Đăng ký'!${column("Năm")}${BLOCK_ROWS + 1}`);
    expect(cells).toContain(`'Đăng ký'!${column("Mã mô hình")}${registrations.length}`);
    // The tab list, then the first block with the other tabs, then one call per further block.
    expect(run.sheetsRequests).toBe(2 + Math.ceil(registrations.length / BLOCK_ROWS) - 1);
  });
});

describe("a run whose read of a further block of Đăng ký fails", () => {
  afterEach(clearFaults);

  it("writes nothing, stores nothing and says the run failed", async () => {
    const tabs = generateDistrict({ modelsPerYear: 4_200 }); // 21,000 registrations: two blocks
    expect((tabs["Đăng ký"] ?? []).length).toBeGreaterThan(BLOCK_ROWS + 1);
    const id = `score-blocks-fault-${crypto.randomUUID()}`;
    await importSpreadsheet(id, toSpreadsheet(id, tabs).sheets as { title: string; values: Grid }[]);
    const before = await snapshot(id);
    // The first values.batchGet (the first block with the other tabs) is answered; every later one fails.
    await setFaults([
      { delayMs: 1, count: 1, kinds: ["values.batchGet"] },
      { status: 500, count: -1, kinds: ["values.batchGet"] },
    ]);
    const res = await postScore({ year: DEMO_YEAR, spreadsheetId: id });
    await clearFaults();
    expect(res.status).toBeGreaterThanOrEqual(500);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain("Không có gì được ghi");
    expect(await snapshot(id)).toBe(before);
    expect(await storedResult(scorerFor(env, id), DEMO_YEAR)).toBeNull();
  });
});

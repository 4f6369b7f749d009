/**
 * A tab taller than BLOCK_ROWS is read in row blocks (one `values.batchGet` per block, so no answer holds a whole
 * province's `Đăng ký` as text), and put back together exactly as one read of the whole tab answers it: empty rows
 * at block edges and a wholly empty block kept in place, trailing empty rows left out.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { configOf } from "../src/config/config.ts";
import { sheetsClientFor } from "../src/sheets/client-for.ts";
import { BLOCK_ROWS, readSpreadsheet, readTabs } from "../src/sheets/gateway.ts";
import { type Grid, importSpreadsheet } from "./support/sheets.ts";

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

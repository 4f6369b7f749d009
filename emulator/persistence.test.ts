import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { testEmulator } from "./test-support.ts";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "sheets-emulator-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("persistence", () => {
  it("keeps spreadsheets across a restart", async () => {
    const dataDir = tempDir();
    const first = await testEmulator({ dataDir });
    const id = await first.create(["Đăng ký"]);
    await first.put(id, "'Đăng ký'!A1", [
      ["Năm", "Tên"],
      [2024, "Mô hình “Dân vận khéo”"],
    ]);
    await first.call("POST", `/v4/spreadsheets/${id}:batchUpdate`, {
      requests: [
        {
          updateSheetProperties: {
            properties: { sheetId: 0, gridProperties: { frozenRowCount: 1 } },
            fields: "gridProperties.frozenRowCount",
          },
        },
      ],
    });
    await first.close();

    const second = await testEmulator({ dataDir });
    try {
      expect((await second.get(id, "'Đăng ký'", "valueRenderOption=UNFORMATTED_VALUE")).json.values).toEqual([
        ["Năm", "Tên"],
        [2024, "Mô hình “Dân vận khéo”"],
      ]);
      const meta = await second.call("GET", `/v4/spreadsheets/${id}`);
      expect(meta.json.sheets[0].properties.gridProperties.frozenRowCount).toBe(1);
    } finally {
      await second.close();
    }
  });

  it("writes one JSON file per spreadsheet and no leftover temporary files", async () => {
    const dataDir = tempDir();
    const t = await testEmulator({ dataDir });
    try {
      const a = await t.create();
      const b = await t.create();
      await t.put(a, "A1", [["x"]]);
      const files = readdirSync(dataDir).filter((f) => !f.startsWith("."));
      expect(files.sort()).toEqual([`${a}.json`, `${b}.json`].sort());
      expect(JSON.parse(readFileSync(join(dataDir, `${a}.json`), "utf8")).spreadsheetId).toBe(a);
    } finally {
      await t.close();
    }
  });

  it("does not persist a batchUpdate that failed", async () => {
    const dataDir = tempDir();
    const t = await testEmulator({ dataDir });
    const id = await t.create();
    const before = readFileSync(join(dataDir, `${id}.json`), "utf8");
    const reply = await t.call("POST", `/v4/spreadsheets/${id}:batchUpdate`, {
      requests: [{ addSheet: { properties: { title: "A" } } }, { deleteSheet: { sheetId: 99 } }],
    });
    expect(reply.status).toBe(400);
    expect(readFileSync(join(dataDir, `${id}.json`), "utf8")).toBe(before);
    await t.close();
  });

  it("forgets everything on reset, on disk too", async () => {
    const dataDir = tempDir();
    const t = await testEmulator({ dataDir });
    await t.create();
    await t.call("POST", "/_emulator/reset");
    await t.close();
    const again = await testEmulator({ dataDir });
    expect((await again.call("GET", "/_emulator/spreadsheets")).json.spreadsheets).toEqual([]);
    await again.close();
  });
});

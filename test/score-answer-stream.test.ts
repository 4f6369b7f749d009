/**
 * A run's answer is sent from its stored parts as the caller reads, not held whole: what the caller gets is still
 * exactly that run's JSON, even when a later run of the same year replaces the stored result half-way through.
 */
import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { scorerFor, storedResult } from "../src/scorer/scorer-for.ts";
import { PART_CHARS, type ResultStore } from "../src/scorer/result-store.ts";
import type { ScoreReply, SpreadsheetScorer } from "../src/scorer/spreadsheet-scorer.ts";
import { demoSpreadsheet, DEMO_YEAR } from "../tools/demo/district.ts";
import type { RunJson } from "./support/api.ts";
import { importSpreadsheet } from "./support/sheets.ts";

const demo = demoSpreadsheet();

/** The demo with the first unit renamed: a later run whose result differs from the first. */
function renamedFirstUnit(name: string) {
  return demo.sheets.map((sheet) =>
    sheet.title === "Đơn vị"
      ? { ...sheet, values: sheet.values.map((row, r) => (r === 1 ? [row[0] ?? "", name, ...row.slice(2)] : row)) }
      : sheet,
  );
}

/** The rest of an answer after its first chunk, parsed, and how many chunks it came in. */
async function readAll(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  first: Uint8Array,
): Promise<{ run: RunJson; chunks: number }> {
  const chunks = [first];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return { run: (await new Response(new Blob(chunks)).json()) as RunJson, chunks: chunks.length };
}

function bodyOf(reply: ScoreReply): ReadableStream<Uint8Array> {
  if (reply.ok !== true) throw new Error(`run failed: ${JSON.stringify(reply)}`);
  return reply.body;
}

describe("the answer of a run", () => {
  it("is that run's whole JSON, though a later run replaced the stored result while it was being read", async () => {
    const id = `answer-stream-${Date.now()}`;
    await importSpreadsheet(id, demo.sheets, demo.title);
    const firstUnit = String(demo.sheets.find((s) => s.title === "Đơn vị")?.values[1]?.[0]);
    const { answer, second, stored } = await runInDurableObject(
      scorerFor(env, id),
      async (scorer: SpreadsheetScorer) => {
        const request = { spreadsheetId: id, year: DEMO_YEAR, dryRun: false, caller: "test" };
        const reader = bodyOf(await scorer.score(request)).getReader();
        const head = await reader.read(); // one part sent; the others are still in the store
        if (head.done) throw new Error("empty answer");
        await importSpreadsheet(id, renamedFirstUnit("Đơn vị đã đổi tên"), demo.title);
        const later = await new Response(bodyOf(await scorer.score(request))).json();
        return {
          answer: await readAll(reader, head.value),
          second: later as RunJson,
          stored: await storedResult<RunJson>(scorerFor(env, id), DEMO_YEAR),
        };
      },
    );
    expect(answer.chunks).toBeGreaterThan(2); // parts were left to read after the replacement
    const first = answer.run;
    expect(first.runId).not.toBe(second.runId);
    const nameIn = (run: RunJson) =>
      (run as unknown as { units: { unit: { code: string; name: string } }[] }).units.find(
        (u) => u.unit.code === firstUnit,
      )?.unit.name;
    expect(nameIn(first)).not.toBe("Đơn vị đã đổi tên");
    expect(nameIn(second)).toBe("Đơn vị đã đổi tên");
    expect(stored?.runId).toBe(second.runId);
    // The first answer is whole: as many units and registrations as the second, its own run id throughout.
    expect(first.units.length).toBe(second.units.length);
    expect(JSON.stringify(first)).toContain(first.runId);
  });

  it("is the stored run's JSON byte for byte, though a background run, another review and another year stored theirs meanwhile", async () => {
    const id = `answer-stream-others-${Date.now()}`;
    await importSpreadsheet(id, demo.sheets, demo.title);
    const { text, answer, stored } = await runInDurableObject(scorerFor(env, id), async (scorer: SpreadsheetScorer) => {
      // The store a background run's `store-result` writes to (RunnerDeps.results), the one the answer reads.
      const store = (scorer as unknown as { store: ResultStore }).store;
      const request = { spreadsheetId: id, year: DEMO_YEAR, dryRun: false, caller: "test" };
      const reader = bodyOf(await scorer.score(request)).getReader();
      const head = await reader.read();
      if (head.done) throw new Error("empty answer");
      const decoder = new TextDecoder();
      const text = (store.loadResultBytes(DEMO_YEAR) ?? []).map((p) => decoder.decode(p)).join("");
      store.saveResult(DEMO_YEAR, '{"sơ kết":true}', "6-thang");
      store.saveResult(DEMO_YEAR - 1, '{"năm trước":true}');
      // A background run of the same year stores its result, of as many parts as this one.
      store.saveResult(DEMO_YEAR, JSON.stringify({ "chạy nền": "ồ".repeat(text.length) }));
      const chunks = [head.value];
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
      }
      return {
        text,
        answer: await new Response(new Blob(chunks)).text(),
        stored: await storedResult<Record<string, unknown>>(scorerFor(env, id), DEMO_YEAR),
      };
    });
    expect(text.length).toBeGreaterThan(PART_CHARS); // parts were left to read after the stores
    expect(answer).toBe(text);
    expect(Object.keys(stored ?? {})).toEqual(["chạy nền"]);
  });
});

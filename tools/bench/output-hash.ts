/**
 * Hashes of what a run produces — the JSON answer, the stored result (GET /api/results) and every tab of the
 * spreadsheet after the run (with grid data) — with the run's own id and clock readings blanked, so two builds can
 * be compared byte for byte: `node --experimental-transform-types tools/bench/output-hash.ts [province|district] [review]`.
 */
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { startEmulator } from "../../emulator/server.ts";
import { demoSpreadsheet } from "../demo/district.ts";
import { provinceSpreadsheet } from "../demo/province.ts";
import { seed } from "./score-call.ts";
import { bearer, startWorker } from "./worker-process.ts";

const which = process.argv.includes("district") ? "district" : "province";
const review = process.argv.find((a) => a === "6-thang" || a === "giai-doan");
const emulator = await startEmulator({ port: 0 });
const hash = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 16);
try {
  await seed(emulator.url, which, which === "district" ? demoSpreadsheet() : provinceSpreadsheet());
  const worker = await startWorker(emulator.url);
  try {
    const ids = new Set<string>();
    const blank = (text: string) => {
      let out = text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, "<time>");
      out = out
        .replace(/"metadataId":\d+/g, '"metadataId":0')
        .replace(/http:\/\/127\.0\.0\.1:\d+/g, "<emulator>")
        .replace(/"durationMs":\d+/g, '"durationMs":0')
        .replace(/"sheetsRequests":\d+/g, '"sheetsRequests":0');
      for (const id of ids) out = out.split(id).join("<run>");
      return out;
    };
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${worker.url}/api/score`, {
        method: "POST",
        headers: { ...bearer(worker, "scorer"), "Content-Type": "application/json" },
        body: JSON.stringify({ year: 2024, spreadsheetId: which, dryRun: false, ...(review ? { review } : {}) }),
      });
      const answer = await res.text();
      if (!res.ok) throw new Error(`${res.status} ${answer.slice(0, 300)}`);
      ids.add((JSON.parse(answer) as { runId: string }).runId);
      const stored = await (
        await fetch(`${worker.url}/api/results?year=2024&spreadsheetId=${which}${review ? `&review=${review}` : ""}`, {
          headers: bearer(worker, "reader"),
        })
      ).text();
      const sheet = await (
        await fetch(`${emulator.url}/v4/spreadsheets/${which}?includeGridData=true`, {
          headers: { Authorization: "Bearer x" },
        })
      ).text();
      // The run log holds each run's duration: left out (its rows are checked by the tests).
      const parsed = JSON.parse(sheet) as { sheets: { properties: { title: string } }[] };
      parsed.sheets = parsed.sheets.filter((s) => s.properties.title !== "Nhật ký chấm điểm");
      const tabs = blank(JSON.stringify(parsed));
      if (process.env.OUTPUT_DUMP) writeFileSync(`${process.env.OUTPUT_DUMP}-${i + 1}.json`, tabs);
      console.log(
        `run ${i + 1}: answer ${hash(blank(answer))} (${answer.length} chars), stored ${hash(blank(stored))} (${stored.length}), spreadsheet ${hash(tabs)} (${sheet.length})`,
      );
    }
  } finally {
    await worker.stop();
  }
} finally {
  await emulator.close();
}

/**
 * What the end-to-end and memory benches share: seeding the emulator, one `POST /api/score` measured as the
 * platform bills it (main-thread CPU of workerd, tools/bench/workerd-cpu.ts) and by the clock.
 */
import type { SpreadsheetImport } from "../demo/workbook.ts";
import { quoteTab } from "../../sheets-schema/a1.ts";
import { cpuBetween, snapshot } from "./workerd-cpu.ts";
import { bearer, type RunningWorker } from "./worker-process.ts";

export async function seed(emulatorUrl: string, id: string, spreadsheet: SpreadsheetImport): Promise<void> {
  const put = await fetch(`${emulatorUrl}/_emulator/spreadsheets/${id}`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(spreadsheet),
  });
  if (!put.ok) throw new Error(`seeding ${id} failed: ${put.status}`);
}

/** The text of the `values.batchGet` answer the Worker receives for the spreadsheet's input tabs. */
export async function batchGetTextOf(emulatorUrl: string, id: string, titles: readonly string[]): Promise<string> {
  const query = new URLSearchParams({
    valueRenderOption: "UNFORMATTED_VALUE",
    dateTimeRenderOption: "SERIAL_NUMBER",
    majorDimension: "ROWS",
    prettyPrint: "false",
  });
  for (const title of titles) query.append("ranges", quoteTab(title));
  const res = await fetch(`${emulatorUrl}/v4/spreadsheets/${id}/values:batchGet?${query}`);
  if (!res.ok) throw new Error(`batchGet of ${id} failed: ${res.status}`);
  return res.text();
}

export interface ScoreCall {
  ok: boolean;
  status: number;
  /** Main-thread CPU of the Worker's workerd, and of its other threads (V8's GC and compiler helpers). */
  mainMs: number;
  helperMs: number;
  wallMs: number;
  answerChars: number;
}

/** One `POST /api/score` (the annual review unless `review` says otherwise); a failed request (status or lost connection) is reported, not thrown. */
export async function scoreOnce(
  worker: RunningWorker,
  spreadsheetId: string,
  dryRun = false,
  review?: "nam" | "6-thang" | "giai-doan",
): Promise<ScoreCall> {
  const pid = worker.process.pid ?? -1;
  const before = snapshot(pid);
  const wall = performance.now();
  let status = 0;
  let answerChars = 0;
  try {
    const res = await fetch(`${worker.url}/api/score`, {
      method: "POST",
      headers: { ...bearer(worker, "scorer"), "Content-Type": "application/json" },
      body: JSON.stringify({ year: 2024, spreadsheetId, dryRun, ...(review ? { review } : {}) }),
    });
    answerChars = (await res.text()).length;
    status = res.status;
  } catch {
    // the connection was lost: workerd died (a heap cap too small)
  }
  const wallMs = performance.now() - wall;
  const { mainMs, helperMs } = cpuBetween(before, snapshot(pid));
  return { ok: status === 200, status, mainMs, helperMs, wallMs, answerChars };
}

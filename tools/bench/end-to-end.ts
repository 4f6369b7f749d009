/**
 * End-to-end figure: wall time of `POST /api/score` on the province-size workbook, with the Worker under
 * `wrangler dev` and the Sheets emulator, plus the Sheets requests one run makes (target: 1 read + 1 write + ≤ 1 token;
 * ours reads twice: tab metadata, then values).
 */
import { startEmulator } from "../../emulator/server.ts";
import { provinceSpreadsheet } from "../demo/province.ts";
import { bearer, startWorker } from "./worker-process.ts";

export interface EndToEndFigures {
  units: number;
  registrations: number;
  coldMs: number;
  warmMs: number;
  dryRunMs: number;
  requests: Record<string, number>;
  tokens: number;
  writeCalls: number;
}

const YEAR = 2024;

export async function benchEndToEnd(): Promise<EndToEndFigures> {
  const emulator = await startEmulator({ port: 0 });
  const worker = await startWorker(emulator.url);
  try {
    const id = "province-bench";
    const put = await fetch(`${emulator.url}/_emulator/spreadsheets/${id}`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(provinceSpreadsheet()),
    });
    if (!put.ok) throw new Error(`seeding failed: ${put.status}`);

    const score = async (dryRun: boolean) => {
      const started = performance.now();
      const res = await fetch(`${worker.url}/api/score`, {
        method: "POST",
        headers: { ...bearer(worker, "scorer"), "Content-Type": "application/json" },
        body: JSON.stringify({ year: YEAR, spreadsheetId: id, dryRun }),
      });
      const body = (await res.json()) as { units?: unknown[]; registrations?: unknown[]; error?: { message: string } };
      if (!res.ok) throw new Error(`score failed: ${res.status} ${body.error?.message}`);
      return { ms: performance.now() - started, body };
    };

    emulator.stats.reset();
    const cold = await score(false);
    const afterCold = emulator.stats.get();
    const warm = await score(false);
    const dry = await score(true);
    return {
      units: cold.body.units?.length ?? 0,
      registrations: cold.body.registrations?.length ?? 0,
      coldMs: cold.ms,
      warmMs: warm.ms,
      dryRunMs: dry.ms,
      requests: afterCold.byKind,
      tokens: afterCold.tokensIssued,
      writeCalls: afterCold.byKind.batchUpdate ?? 0,
    };
  } finally {
    await worker.stop();
    await emulator.close();
  }
}

export function formatEndToEndFigures(f: EndToEndFigures): string[] {
  const kinds = Object.entries(f.requests)
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
  return [
    `  workbook           ${f.units} units, ${f.registrations} registrations of the scored year`,
    `  POST /api/score    first run ${f.coldMs.toFixed(0)} ms, second run ${f.warmMs.toFixed(0)} ms, dry run ${f.dryRunMs.toFixed(0)} ms (wall, through wrangler dev + emulator)`,
    `  Sheets requests    ${kinds} (one run; ${f.writeCalls} batchUpdate calls: the output exceeds 2 MB, so it is staged)`,
    `  token requests     ${f.tokens}`,
  ];
}

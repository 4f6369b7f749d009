/**
 * What reading the stored results costs at province size, as the platform bills it (workerd main-thread CPU, as
 * tools/bench/end-to-end.ts measures a run): the province is scored for two years of its stage (2023, 2024), then
 * the dashboard, one unit's page (its history reads 2023) and `GET /api/results` are each asked N times.
 *
 *   node --experimental-transform-types tools/bench/pages-cpu.ts [--runs=4]
 */
import { startEmulator } from "../../emulator/server.ts";
import { provinceSpreadsheet } from "../demo/province.ts";
import { medianOf } from "./goal.ts";
import { seed } from "./score-call.ts";
import { cpuBetween, snapshot } from "./workerd-cpu.ts";
import { bearer, startWorker } from "./worker-process.ts";

const runs = Number(process.argv.find((a) => a.startsWith("--runs="))?.slice(7) ?? 4);
const spreadsheet = provinceSpreadsheet();
const unitCode = String(spreadsheet.sheets.find((s) => s.title === "Đơn vị")?.values[1]?.[0]);
const emulator = await startEmulator({ port: 0 });
try {
  await seed(emulator.url, "p", spreadsheet);
  const worker = await startWorker(emulator.url);
  try {
    for (const year of [2023, 2024]) {
      const res = await fetch(`${worker.url}/api/score`, {
        method: "POST",
        headers: { ...bearer(worker, "scorer"), "Content-Type": "application/json" },
        body: JSON.stringify({ year, spreadsheetId: "p" }),
      });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`scoring ${year}: ${res.status}`);
    }
    const pid = worker.process.pid ?? -1;
    const pages = {
      dashboard: "/?spreadsheetId=p&year=2024",
      "unit page": `/don-vi/${encodeURIComponent(unitCode)}?spreadsheetId=p&year=2024`,
      "GET /api/results": "/api/results?spreadsheetId=p&year=2024",
    };
    for (const [name, path] of Object.entries(pages)) {
      const cpu: number[] = [];
      let bytes = 0;
      for (let i = 0; i < runs; i++) {
        const before = snapshot(pid);
        const res = await fetch(`${worker.url}${path}`, { headers: bearer(worker, "reader") });
        bytes = (await res.arrayBuffer()).byteLength;
        if (!res.ok) throw new Error(`${path}: ${res.status}`);
        cpu.push(cpuBetween(before, snapshot(pid)).mainMs);
      }
      const each = cpu.map((ms) => ms.toFixed(0)).join(", ");
      console.log(
        `${name.padEnd(18)} ${(bytes / 1e6).toFixed(2)} MB, CPU median ${medianOf(cpu).toFixed(0)} ms (${each})`,
      );
    }
  } finally {
    await worker.stop();
  }
} finally {
  await emulator.close();
}

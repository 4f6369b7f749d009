/**
 * The Workers platform limits at province size, measured on the real runtime:
 * - CPU time of one scoring run (dry run: read + score, and full run: read + score + write), from a CPU profile of
 *   the isolate taken through the DevTools protocol (busy samples only; time spent waiting on Sheets is idle);
 * - peak isolate heap during the run, sampled with Runtime.getHeapUsage every 10 ms (limit: 128 MB);
 * - bundle size (what `wrangler deploy` uploads, raw and gzip; limit 3 MB gzip on Free, 10 MB on Paid);
 * - start-up CPU time, from `wrangler check startup` (limit: 1 s).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { startEmulator } from "../../emulator/server.ts";
import { provinceSpreadsheet } from "../demo/province.ts";
import { busyMs, Inspector, type CpuProfile } from "./inspector.ts";
import { freePort } from "../free-port.ts";
import { bearer, startWorker } from "./worker-process.ts";

export interface LimitFigures {
  bundleKiB: number;
  bundleGzipKiB: number;
  startupCpuMs: number;
  dryRunCpuMs: number;
  fullRunCpuMs: number;
  peakHeapMiB: number;
  baselineHeapMiB: number;
}

const wrangler = (args: string[]) =>
  execFileSync(process.execPath, ["node_modules/wrangler/bin/wrangler.js", ...args], { stdio: "pipe" }).toString();

export async function benchLimits(): Promise<LimitFigures> {
  const dir = mkdtempSync(join(tmpdir(), "dvk-limits-"));
  let bundle: Buffer;
  let startup: CpuProfile;
  try {
    wrangler(["deploy", "--dry-run", "--outdir", join(dir, "bundle")]);
    const files = readdirSync(join(dir, "bundle")).filter((f) => f.endsWith(".js"));
    bundle = Buffer.concat(files.map((f) => readFileSync(join(dir, "bundle", f))));
    wrangler(["check", "startup", "--outfile", join(dir, "startup.cpuprofile")]);
    startup = JSON.parse(readFileSync(join(dir, "startup.cpuprofile"), "utf8")) as CpuProfile;
  } finally {
    rmSync(dir, { recursive: true, force: true }); // the bundle and the profile are read: nothing stays in /tmp
  }

  const emulator = await startEmulator({ port: 0 });
  const inspectorPort = await freePort();
  const worker = await startWorker(emulator.url, undefined, inspectorPort);
  const inspector = await Inspector.connect(inspectorPort);
  try {
    const id = "province-limits";
    await fetch(`${emulator.url}/_emulator/spreadsheets/${id}`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(provinceSpreadsheet()),
    });
    await inspector.send("Profiler.enable");
    const measure = async (dryRun: boolean) => {
      // (workerd's inspector does not answer HeapProfiler.collectGarbage, so the baseline is the heap as it is.)
      const base = await inspector.send<{ usedSize: number }>("Runtime.getHeapUsage");
      let peak = base.usedSize;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          peak = Math.max(peak, (await inspector.send<{ usedSize: number }>("Runtime.getHeapUsage")).usedSize);
          await new Promise((r) => setTimeout(r, 10));
        }
      })();
      await inspector.send("Profiler.start");
      const res = await fetch(`${worker.url}/api/score`, {
        method: "POST",
        headers: { ...bearer(worker, "scorer"), "Content-Type": "application/json" },
        body: JSON.stringify({ year: 2024, spreadsheetId: id, dryRun }),
      });
      await res.arrayBuffer();
      const { profile } = await inspector.send<{ profile: CpuProfile }>("Profiler.stop");
      sampling = false;
      await sampler;
      if (!res.ok) throw new Error(`score failed: ${res.status}`);
      return { cpuMs: busyMs(profile), peak, base: base.usedSize };
    };
    await measure(true); // warm-up: compile the code paths once
    const dry = await measure(true);
    const full = await measure(false);
    const MiB = 1024 * 1024;
    return {
      bundleKiB: bundle.length / 1024,
      bundleGzipKiB: gzipSync(bundle).length / 1024,
      startupCpuMs: busyMs(startup),
      dryRunCpuMs: dry.cpuMs,
      fullRunCpuMs: full.cpuMs,
      peakHeapMiB: Math.max(dry.peak, full.peak) / MiB,
      baselineHeapMiB: dry.base / MiB,
    };
  } finally {
    inspector.close();
    await worker.stop();
    await emulator.close();
  }
}

export function formatLimitFigures(f: LimitFigures): string[] {
  return [
    `  bundle             ${f.bundleKiB.toFixed(0)} KiB, gzip ${f.bundleGzipKiB.toFixed(0)} KiB (limit 3 MiB gzip on Free, 10 MiB on Paid)`,
    `  start-up CPU       ${f.startupCpuMs.toFixed(0)} ms (wrangler check startup; limit 1,000 ms)`,
    `  CPU of one run     dry run ${f.dryRunCpuMs.toFixed(0)} ms, full run ${f.fullRunCpuMs.toFixed(0)} ms (isolate CPU profile, waits on Sheets excluded; default limit 30,000 ms)`,
    `  peak heap          ${f.peakHeapMiB.toFixed(1)} MiB during a full run, ${f.baselineHeapMiB.toFixed(1)} MiB before it (Runtime.getHeapUsage every 10 ms;`,
    `                     an upper bound: it counts garbage not yet collected, and local workerd has no memory pressure; limit 128 MB)`,
  ];
}

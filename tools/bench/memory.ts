/**
 * Memory of one province-size run, in V8 with the heap capped like a Worker isolate's (128 MB, here tighter):
 * a child Node process runs the data path of a scoring run (tools/bench/memory-child.ts) with
 * --max-old-space-size; it either finishes — the run fits — or dies of heap exhaustion. Node does not compress
 * pointers and workerd does, so workerd needs less than this for the same objects.
 */
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { provinceSpreadsheet } from "../demo/province.ts";

export interface MemoryFigures {
  capMiB: number;
  fits: boolean;
  stages: Record<string, number>;
}

export function benchMemory(capMiB = 96): MemoryFigures {
  const province = provinceSpreadsheet();
  const dir = mkdtempSync(join(tmpdir(), "dvk-memory-"));
  const file = join(dir, "batchGet.json");
  const titles = JSON.stringify(province.sheets.map((s) => s.title));
  const args = [
    "--expose-gc",
    "--experimental-transform-types",
    "--no-warnings",
    "tools/bench/memory-child.ts",
    file,
    titles,
  ];
  let child: SpawnSyncReturns<string>;
  try {
    writeFileSync(file, JSON.stringify({ valueRanges: province.sheets.map((s) => ({ values: s.values })) }));
    child = spawnSync(process.execPath, [`--max-old-space-size=${capMiB}`, ...args], { encoding: "utf8" });
  } finally {
    rmSync(dir, { recursive: true, force: true }); // the 13 MB payload does not stay in /tmp
  }
  const line = child.stdout.trim().split("\n").at(-1) ?? "";
  if (child.status !== 0 || !line.startsWith("{")) return { capMiB, fits: false, stages: {} };
  return { capMiB, fits: true, stages: (JSON.parse(line) as { stages: Record<string, number> }).stages };
}

export function formatMemoryFigures(f: MemoryFigures): string[] {
  if (!f.fits) return [`  heap capped at ${f.capMiB} MiB: the run did NOT fit`];
  const stages = Object.entries(f.stages)
    .map(([k, v]) => `${k} ${v.toFixed(0)}`)
    .join(", ");
  return [`  heap capped at ${f.capMiB} MiB: the run fits`, `  live heap by stage (MiB, after a forced GC): ${stages}`];
}

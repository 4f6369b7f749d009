/**
 * The Workers platform limits that do not depend on the workbook (a run's CPU and memory are measured by the
 * end-to-end and memory sections):
 * - bundle size (what `wrangler deploy` uploads, raw and gzip; limit 3 MB gzip on Free, 10 MB on Paid);
 * - start-up CPU time, from `wrangler check startup` (limit: 1 s).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { busyMs, type CpuProfile } from "./cpu-profile.ts";
import { wranglerEnv } from "./worker-process.ts";

export interface LimitFigures {
  bundleKiB: number;
  bundleGzipKiB: number;
  startupCpuMs: number;
}

const wrangler = (args: string[]) =>
  execFileSync(process.execPath, ["node_modules/wrangler/bin/wrangler.js", ...args], {
    stdio: "pipe",
    env: wranglerEnv(),
  }).toString();

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

  return {
    bundleKiB: bundle.length / 1024,
    bundleGzipKiB: gzipSync(bundle).length / 1024,
    startupCpuMs: busyMs(startup),
  };
}

export function formatLimitFigures(f: LimitFigures): string[] {
  return [
    `  bundle             ${f.bundleKiB.toFixed(0)} KiB, gzip ${f.bundleGzipKiB.toFixed(0)} KiB (limit 3 MiB gzip on Free, 10 MiB on Paid)`,
    `  start-up CPU       ${f.startupCpuMs.toFixed(0)} ms (wrangler check startup: busy samples of its CPU profile; limit 1,000 ms)`,
  ];
}

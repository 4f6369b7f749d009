/**
 * Where a run's CPU goes in workerd: a V8 CPU profile of the Worker's isolate (wrangler dev's inspector, DevTools
 * protocol) over one `POST /api/score`, summed by function (self time) and by script, the heaviest first.
 *
 *   node --experimental-transform-types tools/bench/profile-run.ts [province|district] [--dry] [--runs=3] [--save=x.cpuprofile]
 *
 * Runs one untimed warm-up, then profiles `runs` runs together. Profiler samples are taken on the wall clock of a
 * busy thread with the profiler attached: read them as shares of the samples; the milliseconds shown are those
 * shares of the CPU measured as the platform bills it (tools/bench/workerd-cpu.ts), not profiler time.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { startEmulator } from "../../emulator/server.ts";
import { demoSpreadsheet } from "../demo/district.ts";
import { provinceSpreadsheet } from "../demo/province.ts";
import { freePort } from "../free-port.ts";
import { medianOf } from "./goal.ts";
import { scoreOnce, seed } from "./score-call.ts";
import { startWorker } from "./worker-process.ts";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
  /** Samples by source line (1-based) of this node's own code. */
  positionTicks?: { line: number; ticks: number }[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A DevTools protocol session over the inspector's WebSocket. */
async function connect(url: string) {
  // wrangler's inspector proxy refuses a WebSocket without an Origin it knows (DevTools' or localhost).
  // (Node's WebSocket is undici's, which takes headers beside the standard arguments.)
  const ws = new WebSocket(url, { headers: { Origin: "http://127.0.0.1" } } as unknown as string[]);
  await new Promise((resolve, reject) => {
    ws.addEventListener("open", resolve);
    ws.addEventListener("error", () => reject(new Error(`the inspector at ${url} refused the connection`)));
  });
  let next = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  ws.addEventListener("message", (event: MessageEvent) => {
    const msg = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: unknown };
    if (msg.id !== undefined) waiting.get(msg.id)?.(msg.error ? { error: msg.error } : msg.result);
  });
  return {
    send: (method: string, params: Record<string, unknown> = {}) =>
      new Promise<unknown>((resolve) => {
        const id = next++;
        waiting.set(id, resolve);
        ws.send(JSON.stringify({ id, method, params }));
      }),
    close: () => ws.close(),
  };
}

/**
 * The module of each line of the bundle wrangler dev is running (esbuild marks each with a `// path` comment), so
 * a profile line names a source file rather than a line of index.js.
 */
function bundleModules(): { moduleOf: (line: number) => string; lineText: (line: number) => string } {
  const dir = readdirSync(".wrangler/tmp").find((d) => d.startsWith("dev-"));
  if (dir === undefined) return { moduleOf: () => "", lineText: () => "" };
  const text = readFileSync(`.wrangler/tmp/${dir}/index.js`, "utf8");
  if (process.env.KEEP_BUNDLE) writeFileSync(process.env.KEEP_BUNDLE, text);
  const lines = text.split("\n");
  const marks: string[] = [];
  let current = "";
  for (const line of lines) {
    if (/^\/\/ [\w./@-]+\.(ts|js|json|tsx|mjs|cjs)$/.test(line))
      current = line.slice(3).replace(/^(\.\.\/)*main\/node_modules\//, "");
    marks.push(current);
  }
  return { moduleOf: (line) => marks[line] ?? "", lineText: (line) => (lines[line] ?? "").trim().slice(0, 110) };
}

/**
 * The profile summed by function and by script, as shares of the busy samples and as milliseconds of one run's
 * measured CPU (`cpuPerRunMs`, the share times it). Samples are counted rather than their time deltas summed: the
 * delta before a sample also covers any gap in sampling (the isolate waiting on I/O, the sampler starved), so a
 * function that happens to run after a gap was once shown with hundreds of milliseconds it never took.
 */
function summarise(
  profile: Profile,
  top: number,
  cpuPerRunMs: number,
  { moduleOf, lineText }: ReturnType<typeof bundleModules>,
): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (const id of profile.samples) self.set(id, (self.get(id) ?? 0) + 1);
  const byFunction = new Map<string, number>();
  const byScript = new Map<string, number>();
  const ticksOf = new Map<string, Map<number, number>>();
  let busy = 0;
  for (const [id, samples] of self) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === "(idle)") continue;
    busy += samples;
    const file = url.endsWith("index.js") ? moduleOf(lineNumber) : url.replace(/^.*\//, "");
    const key = `${functionName || "(anonymous)"} ${file}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + samples);
    const lines = ticksOf.get(key) ?? new Map<number, number>();
    for (const t of node.positionTicks ?? []) lines.set(t.line, (lines.get(t.line) ?? 0) + t.ticks);
    ticksOf.set(key, lines);
    byScript.set(file || functionName, (byScript.get(file || functionName) ?? 0) + samples);
  }
  const rows = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, n]) => {
        const share = n / busy;
        return `  ${(share * cpuPerRunMs).toFixed(1).padStart(8)} ms  ${(100 * share).toFixed(1).padStart(5)}%  ${k}`;
      });
  const hotLines = [...byFunction]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .flatMap(([key]) => {
      const lines = [...(ticksOf.get(key) ?? [])].sort((a, b) => b[1] - a[1]).slice(0, 4);
      return lines.length === 0
        ? []
        : [`  ${key}`, ...lines.map(([line, n]) => `    ${String(n).padStart(6)} × ${lineText(line - 1)}`)];
    });
  return [
    `${busy} busy samples; ms below: the share of samples times one run's median main-thread CPU (${cpuPerRunMs.toFixed(0)} ms)`,
    "by script:",
    ...rows(byScript),
    "by function (self):",
    ...rows(byFunction),
    "hot lines of the heaviest functions (samples):",
    ...hotLines,
  ];
}

const which = process.argv.includes("district") ? "district" : "province";
const dryRun = process.argv.includes("--dry");
const runs = Number(process.argv.find((a) => a.startsWith("--runs="))?.slice(7) ?? 3);
const emulator = await startEmulator({ port: 0 });
try {
  await seed(emulator.url, which, which === "district" ? demoSpreadsheet() : provinceSpreadsheet());
  const inspectorPort = await freePort();
  const worker = await startWorker(emulator.url, undefined, inspectorPort);
  try {
    await scoreOnce(worker, which, dryRun);
    const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json()) as {
      webSocketDebuggerUrl: string;
      title: string;
    }[];
    const target = targets.find((t) => !t.title.includes("proxy")) ?? targets[0];
    if (!target) throw new Error("no inspector target");
    const session = await connect(target.webSocketDebuggerUrl);
    await session.send("Profiler.enable");
    await session.send("Profiler.setSamplingInterval", { interval: 500 });
    await session.send("Profiler.start");
    const calls = [];
    for (let i = 0; i < runs; i++) calls.push(await scoreOnce(worker, which, dryRun));
    const { profile } = (await session.send("Profiler.stop")) as { profile: Profile };
    session.close();
    const save = process.argv.find((a) => a.startsWith("--save="))?.slice(7);
    if (save) writeFileSync(save, JSON.stringify(profile)); // for DevTools, or a summary by caller
    const bundle = bundleModules();
    console.log(
      `${which}${dryRun ? " dry" : ""}: ${runs} runs, main-thread CPU ${calls.map((c) => c.mainMs.toFixed(0)).join(", ")} ms`,
    );
    const cpuPerRun = medianOf(calls.map((c) => c.mainMs));
    for (const line of summarise(profile, 40, cpuPerRun, bundle)) console.log(line);
  } finally {
    await worker.stop();
  }
} finally {
  await emulator.close();
}

/**
 * Main-thread CPU time of the workerd process that runs the Worker under `wrangler dev`, read from Linux's
 * per-thread scheduler statistics (`/proc/<pid>/task/<tid>/schedstat`, nanoseconds on a CPU): what the platform
 * bills is the CPU of the thread that runs the isolate's JavaScript, and in workerd that is the process's main
 * thread (its event loop); V8's helper threads (concurrent GC, compilation) are counted apart.
 *
 * `wrangler dev` starts two workerd processes: its own proxy (a few ms per request) and the one running the Worker.
 * A measurement reads every workerd below wrangler before and after, and keeps the one whose main thread moved most.
 */
import { readFileSync, readdirSync } from "node:fs";

/** CPU nanoseconds of one thread (0 once it is gone). */
function threadNs(pid: number, tid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
  } catch {
    return 0;
  }
}

function parentOf(pid: string): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return -1;
  }
}

function commOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return "";
  }
}

/** Every workerd process below `root` (wrangler's node process). */
export function workerdProcesses(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) if (/^\d+$/.test(entry)) parents.set(Number(entry), parentOf(entry));
  const below = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (!below.has(pid) && below.has(parent)) {
        below.add(pid);
        grew = true;
      }
    }
  }
  return [...below].filter((pid) => pid !== root && commOf(pid) === "workerd");
}

/** A snapshot of the workerd processes' CPU: main thread, and the other threads summed. */
export interface CpuSnapshot {
  main: Map<number, number>;
  helpers: Map<number, number>;
}

export function snapshot(root: number): CpuSnapshot {
  const main = new Map<number, number>();
  const helpers = new Map<number, number>();
  for (const pid of workerdProcesses(root)) {
    main.set(pid, threadNs(pid, pid));
    let others = 0;
    try {
      for (const tid of readdirSync(`/proc/${pid}/task`)) if (Number(tid) !== pid) others += threadNs(pid, Number(tid));
    } catch {
      // the process went away
    }
    helpers.set(pid, others);
  }
  return { main, helpers };
}

/** Milliseconds of CPU between two snapshots, of the workerd whose main thread worked most (the Worker's). */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): { mainMs: number; helperMs: number } {
  let best = { mainMs: 0, helperMs: 0 };
  for (const [pid, ns] of after.main) {
    const mainMs = (ns - (before.main.get(pid) ?? 0)) / 1e6;
    if (mainMs >= best.mainMs) {
      best = { mainMs, helperMs: ((after.helpers.get(pid) ?? 0) - (before.helpers.get(pid) ?? 0)) / 1e6 };
    }
  }
  return best;
}

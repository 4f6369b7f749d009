/**
 * What every section of `npm run bench` shares: medians, main-thread CPU of this Node thread, and the line that
 * states a goal — the figure, how it was measured, and whether it is met.
 */

/** The median of some timings. @example medianOf([3, 1, 2]) // → 2 */
export function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/** "median (min–max)" of some milliseconds. @example spread([3, 1, 2]) // → "2.0 ms (1.0–3.0)" */
export function spread(values: readonly number[], digits = 1): string {
  const f = (x: number) => x.toFixed(digits);
  return `${f(medianOf(values))} ms (${f(Math.min(...values))}–${f(Math.max(...values))})`;
}

/** CPU milliseconds (user + system) this thread spent in `work`, and its wall milliseconds. */
export function threadCpu<T>(work: () => T): { value: T; cpuMs: number; wallMs: number } {
  const wall = performance.now();
  const start = process.threadCpuUsage();
  const value = work();
  const used = process.threadCpuUsage(start);
  return { value, cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - wall };
}

export interface Goal {
  name: string;
  /** The measured figure as printed, e.g. "2.41×" or "46 MiB". */
  figure: string;
  /** The target as printed, e.g. "≤ 3.0×". */
  target: string;
  /** How it was measured, one short sentence. */
  how: string;
  /** null: could not be measured here (said in `how`). */
  met: boolean | null;
}

/** One goal as two lines: name, figure, target and verdict; then how it was measured. */
export function formatGoal(goal: Goal): string[] {
  const verdict = goal.met === null ? "not measured" : goal.met ? "met" : "NOT met";
  return [
    `  ${goal.name.padEnd(44)} ${goal.figure.padStart(10)}   target ${goal.target.padEnd(9)} ${verdict}`,
    `      ${goal.how}`,
  ];
}

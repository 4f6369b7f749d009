/**
 * `npm run faults`: a bounded fault soak. Runs POST /api/score many times on the demo district while the Sheets
 * emulator misbehaves (a seeded draw per run: no fault; 429 with Retry-After; 500/503 before the request is carried
 * out; a request carried out whose reply is lost as a 500 or a dropped connection, on a read or a write, sometimes
 * followed by an outage), and checks after each run that the spreadsheet is EITHER byte-identical to before the run
 * (and the answer is not 200) OR the completed run (generated tabs equal to a fault-free run's, exactly one new row in
 * `Nhật ký chấm điểm`, with the answer's run id on a 200). A 502 `write_unknown` may leave either, and is counted.
 * Also checked: a fault within the Worker's retries (SHEETS_MAX_ATTEMPTS, SHEETS_RETRY_BASE_MS of .dev.vars.example)
 * answers 200. Some runs start from a freshly imported spreadsheet, so the first write (new tabs) is faulted too.
 *
 * Starts the emulator (in memory) and the Worker under `wrangler dev`, like `npm run load`. Exit code 1 when a run
 * fails a check, 2 when the soak takes too long.
 *
 *   npm run faults
 *   npm run faults -- --runs 100 --seed 7
 *   npm run faults -- --large     # every other run on a district whose write is staged (hidden tabs, then a swap)
 */
import { parseArgs } from "node:util";
import { startEmulator } from "../../emulator/server.ts";
import { generatedTabTitles } from "../../sheets-schema/output/tab-names.ts";
import { LOG_TAB } from "../../sheets-schema/output/run-log.ts";
import { bearer, startWorker } from "../bench/worker-process.ts";
import { DEMO_SPREADSHEET_ID, DEMO_YEAR, demoSpreadsheet, generateDistrict } from "../demo/district.ts";
import { Random } from "../demo/random.ts";
import { toSpreadsheet, type SpreadsheetImport } from "../demo/workbook.ts";
import {
  describeFault,
  FAULT_KINDS,
  pickFault,
  rulesOf,
  withinRetries,
  type Fault,
  type FaultKind,
  type RunShape,
} from "./fault-plan.ts";
import {
  disagreement,
  judgeState,
  parseState,
  type Answer,
  type Reference,
  type SpreadsheetState,
  type StateKind,
} from "./spreadsheet-state.ts";

const { values: flags } = parseArgs({
  options: {
    runs: { type: "string", default: "40" },
    seed: { type: "string", default: "1" },
    large: { type: "boolean", default: false },
  },
});
const runs = bounded("--runs", flags.runs, 1, 1000);
const seed = bounded("--seed", flags.seed, 0, 2 ** 32 - 1);
/** How often a run starts from the spreadsheet as imported (no generated tabs yet) instead of the last run's state. */
const FRESH_CHANCE = 0.2;

interface Subject {
  name: string;
  id: string;
  source: SpreadsheetImport;
  shape: RunShape;
  reference: Reference;
  /** The spreadsheet now (after the last run). */
  state: SpreadsheetState;
}

interface RunRecord {
  subject: string;
  fresh: boolean;
  fault: Fault;
  /** Fault answers the emulator gave during the run (errors and dropped connections). */
  injected: number;
  answer: Answer;
  state: StateKind;
  newLogRows: number;
  ms: number;
  failure: string | null;
}

const emulator = await startEmulator({ port: 0 });
const worker = await startWorker(emulator.url);
// Whatever happens, never leave wrangler running. A run takes well under a second, ten with an outage and retries.
const watchdog = setTimeout(
  () => {
    console.error("faults: took too long, stopping");
    void worker.stop().finally(() => process.exit(2));
  },
  (runs * (flags.large ? 30 : 15) + 180) * 1000,
);

const records: RunRecord[] = [];
const errors: string[] = [];
const started = performance.now();
try {
  const subjects = [await prepare("demo", DEMO_SPREADSHEET_ID, demoSpreadsheet())];
  if (flags.large) {
    // Larger than Google's recommended 2 MB per request: written through hidden staging tabs, then a swap.
    const large = toSpreadsheet("Huyện lớn", generateDistrict({ communes: 60, modelsPerYear: 2500 }));
    subjects.push(await prepare("large", "faults-large", large));
  }
  for (const s of subjects) {
    console.log(`${s.name}: a fault-free run sends ${s.shape.reads} reads and ${s.shape.writes} writes`);
  }
  const random = new Random(seed);
  for (let i = 0; i < runs; i++) {
    const subject = subjects[i % subjects.length] as Subject;
    const record = await faultedRun(subject, random);
    records.push(record);
    const mark = record.failure ? `FAIL: ${record.failure}` : "ok";
    console.log(
      `${String(i + 1).padStart(3)} ${subject.name}${record.fresh ? " (fresh)" : ""}: ${describeFault(record.fault)}` +
        ` → ${answerText(record.answer)}, ${record.state} (${record.ms.toFixed(0)} ms) ${mark}`,
    );
  }
} catch (error) {
  errors.push(String(error));
  console.error(error);
} finally {
  clearTimeout(watchdog);
  await fetch(`${emulator.url}/_emulator/faults`, { method: "DELETE" }).catch(() => {});
  await worker.stop();
  await emulator.close();
}
report((performance.now() - started) / 1000);
process.exitCode = errors.length === 0 && records.every((r) => r.failure === null) ? 0 : 1;

// ---------------------------------------------------------------------------------------------------------------

/** Imports the spreadsheet, scores it without faults (the reference), then sets it up (protections, a guide). */
async function prepare(name: string, id: string, source: SpreadsheetImport): Promise<Subject> {
  await importSpreadsheet(id, source);
  const first = await score(id);
  if (first.answer.status !== 200) throw new Error(`${name}: the fault-free run answered ${first.answer.status}`);
  const scored = await readState(id);
  const titles = [...generatedTabTitles(DEMO_YEAR), LOG_TAB];
  const values = new Map<string, unknown[][]>();
  for (const title of titles) {
    const tab = scored.tabs.find((t) => t.title === title);
    if (!tab) throw new Error(`${name}: the fault-free run wrote no "${title}"`);
    if (title !== LOG_TAB) values.set(title, tab.values);
  }
  const logHeader = scored.tabs.find((t) => t.title === LOG_TAB)?.values[0] ?? [];
  const setup = await fetch(`${worker.url}/api/setup`, {
    method: "POST",
    headers: { ...bearer(worker, "scorer"), "Content-Type": "application/json" },
    body: JSON.stringify({ spreadsheetId: id }),
  });
  if (!setup.ok) throw new Error(`${name}: POST /api/setup answered ${setup.status}: ${await setup.text()}`);
  // The run's own reads (the tab list, then every input tab at once) come before its writes.
  const reads = 2;
  return {
    name,
    id,
    source,
    shape: { reads, writes: first.sheetsRequests - reads },
    reference: { titles, values, logHeader },
    state: await readState(id),
  };
}

async function faultedRun(subject: Subject, random: Random): Promise<RunRecord> {
  const fresh = random.chance(FRESH_CHANCE);
  if (fresh) {
    await importSpreadsheet(subject.id, subject.source);
    subject.state = await readState(subject.id);
  }
  const before = subject.state;
  const fault = pickFault(random, subject.shape);
  await setFaults(rulesOf(fault, subject.shape));
  const injectedBefore = emulator.stats.get().faults.injected;
  const t0 = performance.now();
  const { answer } = await score(subject.id);
  const ms = performance.now() - t0;
  await setFaults([]);
  const injected = emulator.stats.get().faults.injected - injectedBefore;
  const after = await readState(subject.id);
  subject.state = after;
  const judged = judgeState(before, after, subject.reference);
  const failure =
    disagreement(answer, judged) ??
    (withinRetries(fault) && answer.status !== 200
      ? `a fault within the Worker's retries answered ${answerText(answer)}`
      : null);
  return {
    subject: subject.name,
    fresh,
    fault,
    injected,
    answer,
    state: judged.kind,
    newLogRows: judged.newLogRuns.length,
    ms,
    failure,
  };
}

function report(seconds: number): void {
  const by = <K extends string>(key: (r: RunRecord) => K): Map<K, RunRecord[]> => {
    const groups = new Map<K, RunRecord[]>();
    for (const r of records) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
    return groups;
  };
  const lines: string[] = [];
  const subjects = [...new Set(records.map((r) => r.subject))].join(" + ") || "–";
  lines.push(
    `Fault soak (loopback: wrangler dev + Sheets emulator, ${subjects}, year ${DEMO_YEAR}), seed ${seed}`,
    "",
    `  runs                ${records.length} of ${runs} (${records.filter((r) => r.fresh).length} from a fresh import), ${seconds.toFixed(0)} s in all`,
    `  fault answers       ${records.reduce((n, r) => n + r.injected, 0)} given by the emulator (errors and dropped connections)`,
    "",
    "  faults by kind      runs  within retries  fault answers",
  );
  const kinds = by((r) => r.fault.kind);
  for (const kind of FAULT_KINDS) {
    const group = kinds.get(kind as FaultKind) ?? [];
    const within = group.filter((r) => withinRetries(r.fault)).length;
    const injected = group.reduce((n, r) => n + r.injected, 0);
    lines.push(`    ${kind.padEnd(18)}${pad(group.length, 4)}${pad(within, 16)}${pad(injected, 15)}`);
  }
  lines.push("", "  outcomes            answer × state");
  const outcomes = by((r) => `${answerText(r.answer)} × ${r.state}`);
  for (const [outcome, group] of [...outcomes].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`    ${outcome.padEnd(40)}${pad(group.length, 4)}`);
  }
  const completed = records.filter((r) => r.state === "completed").length;
  const logRows = records.reduce((n, r) => n + r.newLogRows, 0);
  const writeUnknown = records.filter((r) => r.answer.code === "write_unknown");
  lines.push(
    "",
    `  log rows            ${logRows} new rows for ${completed} completed runs${logRows === completed ? "" : " (MISMATCH)"}`,
    `  write_unknown       ${writeUnknown.length} (${writeUnknown.filter((r) => r.state === "completed").length} completed, ${writeUnknown.filter((r) => r.state === "unchanged").length} unchanged)`,
    `  byte-identical      ${records.filter((r) => r.state === "unchanged").length} runs left the spreadsheet as it was; ${records.filter((r) => r.answer.status === 200).length} answered 200`,
  );
  const failures = [
    ...records.flatMap((r, i) => (r.failure ? [`run ${i + 1} (${describeFault(r.fault)}): ${r.failure}`] : [])),
    ...errors,
  ];
  lines.push(
    `  failures            ${failures.length}`,
    "",
    failures.length === 0 ? "  All checks passed." : `  FAILED:\n    ${failures.join("\n    ")}`,
  );
  console.log(`\n${lines.join("\n")}`);
}

async function importSpreadsheet(id: string, source: SpreadsheetImport): Promise<void> {
  const res = await fetch(`${emulator.url}/_emulator/spreadsheets/${encodeURIComponent(id)}`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(source),
  });
  if (!res.ok) throw new Error(`importing "${id}" failed: ${res.status} ${await res.text()}`);
}

async function setFaults(rules: unknown[]): Promise<void> {
  const res = await fetch(`${emulator.url}/_emulator/faults`, {
    method: rules.length === 0 ? "DELETE" : "POST",
    headers: { "Content-Type": "application/json" },
    ...(rules.length === 0 ? {} : { body: JSON.stringify({ rules }) }),
  });
  if (!res.ok) throw new Error(`setting faults failed: ${res.status} ${await res.text()}`);
}

async function readState(id: string): Promise<SpreadsheetState> {
  const res = await fetch(`${emulator.url}/v4/spreadsheets/${encodeURIComponent(id)}?includeGridData=true`);
  if (!res.ok) throw new Error(`reading "${id}": ${res.status}`);
  return parseState(await res.text());
}

async function score(spreadsheetId: string): Promise<{ answer: Answer; sheetsRequests: number }> {
  const res = await fetch(`${worker.url}/api/score`, {
    method: "POST",
    headers: { ...bearer(worker, "scorer"), "Content-Type": "application/json" },
    body: JSON.stringify({ year: DEMO_YEAR, spreadsheetId, caller: "npm run faults" }),
  });
  const text = await res.text();
  let body: { runId?: string; sheetsRequests?: number; error?: { code?: string; message?: string } };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    body = { error: { message: `not JSON: ${text.slice(0, 300)}` } };
  }
  return {
    answer: { status: res.status, code: body.error?.code ?? null, runId: body.runId ?? null },
    sheetsRequests: body.sheetsRequests ?? 0,
  };
}

function answerText(answer: Answer): string {
  return answer.code ? `${answer.status} ${answer.code}` : String(answer.status);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width);
}

function bounded(name: string, raw: string | undefined, min: number, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max}`);
  return n;
}

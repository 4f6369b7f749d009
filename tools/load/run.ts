/**
 * `npm run load`: how the Worker holds up under many readers and under concurrent runs on one spreadsheet.
 *
 * Starts the Sheets emulator (in memory) with the demo district and the Worker under `wrangler dev`, both on
 * loopback, scores once, then:
 *   (a) autocannon on `GET /api/results` for a bounded time → requests/s, p50/p99 latency, errors and non-2xx;
 *   (b) rounds of concurrent `POST /api/score` on the same spreadsheet → every answer 200, or 429 with Retry-After
 *       once more runs wait than RUNS_QUEUE_LIMIT allows (one runs, that many wait: those all answer 200), and proof
 *       that the runs accepted were serialised without losing a write: `Nhật ký chấm điểm` has exactly one row per
 *       run answered 200 (same run ids), and the generated tabs equal those of the single first run.
 * Stops by itself; exit code 1 when a check fails.
 *
 *   npm run load
 *   npm run load -- --seconds 20 --connections 50 --concurrent 12 --rounds 2
 */
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { startEmulator } from "../../emulator/server.ts";
import { LOG_TAB } from "../../sheets-schema/output/run-log.ts";
import { generatedTabTitles } from "../../sheets-schema/output/tab-names.ts";
import { bearer, startWorker } from "../bench/worker-process.ts";
import { DEMO_SPREADSHEET_ID, DEMO_YEAR, demoSpreadsheet } from "../demo/district.ts";

const { values: flags } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "20" },
    concurrent: { type: "string", default: "8" },
    rounds: { type: "string", default: "3" },
  },
});
const seconds = bounded("--seconds", flags.seconds, 1, 120);
const connections = bounded("--connections", flags.connections, 1, 200);
const concurrent = bounded("--concurrent", flags.concurrent, 1, 32);
const rounds = bounded("--rounds", flags.rounds, 1, 10);

const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  if (!ok) failures.push(what);
};

const emulator = await startEmulator({ port: 0 });
const worker = await startWorker(emulator.url);
// Whatever happens, never leave wrangler running.
const watchdog = setTimeout(
  () => {
    console.error("load: took too long, stopping");
    void worker.stop().finally(() => process.exit(2));
  },
  (seconds + rounds * 120 + 120) * 1000,
);

try {
  await seedDemo();
  const id = DEMO_SPREADSHEET_ID;

  // A first, single run: its tabs are the reference.
  const first = await score(id);
  check(first.status === 200, `first run answered ${first.status}`);
  const reference = await generatedTabs(id);
  const referenceTitles = await sheetTitles(id);
  console.log(`single run: ${first.ms.toFixed(0)} ms, ${Object.keys(reference).length} generated tabs`);

  // (a) Readers.
  const resultsUrl = `${worker.url}/api/results?year=${DEMO_YEAR}&spreadsheetId=${id}`;
  // Readers send the read token, as a reporting script would (every route but /healthz needs an identity).
  const reader = bearer(worker, "reader");
  const sample = await fetch(resultsUrl, { headers: reader });
  check(sample.ok, `GET /api/results answered ${sample.status}`);
  const size = (await sample.arrayBuffer()).byteLength;
  console.log(
    `GET /api/results: ${connections} connections for ${seconds} s (${(size / 1024).toFixed(0)} KB per answer)…`,
  );
  const read = await autocannon({ url: resultsUrl, headers: reader, connections, duration: seconds, timeout: 30 });
  check(read.errors === 0 && read.timeouts === 0, `GET /api/results: ${read.errors} errors, ${read.timeouts} timeouts`);
  check(read.non2xx === 0, `GET /api/results: ${read.non2xx} answers were not 2xx`);

  // (b) Concurrent runs on the same spreadsheet.
  console.log(`POST /api/score: ${rounds} rounds of ${concurrent} at once on "${id}"…`);
  const runs: Scored[] = [];
  const roundMs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const started = performance.now();
    runs.push(...(await Promise.all(Array.from({ length: concurrent }, () => score(id)))));
    roundMs.push(performance.now() - started);
  }
  const statuses = runs.map((r) => r.status);
  check(
    statuses.every((s) => s === 200 || s === 429),
    `concurrent runs answered ${[...new Set(statuses)].join(", ")}`,
  );
  // The queue bounds the waiting runs: in each round the one that runs and RUNS_QUEUE_LIMIT waiting ones are taken.
  const queueLimit = Number(worker.vars.RUNS_QUEUE_LIMIT || 2);
  const taken = Math.min(concurrent, queueLimit + 1);
  for (let r = 0; r < rounds; r++) {
    const round = runs.slice(r * concurrent, (r + 1) * concurrent);
    const ok = round.filter((x) => x.status === 200).length;
    check(ok >= taken, `round ${r + 1}: ${ok} runs answered 200, expected at least ${taken}`);
  }
  const refused = runs.filter((r) => r.status === 429);
  check(
    refused.every((r) => r.retryAfter !== null && r.retryAfter >= 1),
    "a 429 came without a Retry-After of at least 1 s",
  );
  const log = await readValues(id, LOG_TAB);
  const loggedIds = log.slice(1).map((row) => String(row[0]));
  const answeredIds = [first.runId, ...runs.filter((r) => r.status === 200).map((r) => r.runId)];
  check(loggedIds.length === answeredIds.length, `${LOG_TAB}: ${loggedIds.length} rows for ${answeredIds.length} runs`);
  check(new Set(answeredIds).size === answeredIds.length, "two answers carried the same run id");
  check(
    JSON.stringify([...loggedIds].sort()) === JSON.stringify([...answeredIds].sort()),
    `${LOG_TAB}: the run ids logged are not those answered`,
  );
  // Serialised: the runs' own spans (start → end inside the Durable Object) never overlap.
  const spans = [first, ...runs.filter((r) => r.status === 200)].map((r) => r.span).sort((a, b) => a[0] - b[0]);
  const overlaps = spans.filter((s, i) => i > 0 && s[0] < (spans[i - 1]?.[1] ?? 0)).length;
  check(overlaps === 0, `${overlaps} runs started before the previous one ended`);
  const after = await generatedTabs(id);
  for (const title of Object.keys(reference)) {
    check(JSON.stringify(after[title]) === JSON.stringify(reference[title]), `"${title}" differs from a single run's`);
  }
  const titlesAfter = await sheetTitles(id);
  check(
    JSON.stringify(titlesAfter) === JSON.stringify(referenceTitles),
    `tabs after the runs: ${titlesAfter.join(", ")}`,
  );

  const postMs = runs.map((r) => r.ms).sort((a, b) => a - b);
  const sumRound = roundMs.reduce((a, b) => a + b, 0) / rounds;
  console.log(`
Load test (loopback: wrangler dev + Sheets emulator, demo district ${DEMO_YEAR})

  GET /api/results?year=${DEMO_YEAR}  ${connections} connections, ${seconds} s
    requests/s        ${read.requests.average.toFixed(0)} (${read.requests.total} in all)
    latency p50/p99   ${read.latency.p50} ms / ${read.latency.p99} ms (max ${read.latency.max} ms)
    throughput        ${(read.throughput.average / 1024 / 1024).toFixed(1)} MB/s
    errors/timeouts   ${read.errors} / ${read.timeouts}, non-2xx ${read.non2xx}

  POST /api/score  ${rounds} rounds × ${concurrent} at once, same spreadsheet
    answers           ${statuses.filter((s) => s === 200).length}/${runs.length} × 200, ${refused.length} × 429 queue full (RUNS_QUEUE_LIMIT ${queueLimit}, Retry-After ${[...new Set(refused.map((r) => r.retryAfter))].join("/") || "–"} s)
    latency p50/p99   ${percentile(postMs, 50).toFixed(0)} ms / ${percentile(postMs, 99).toFixed(0)} ms (single run ${first.ms.toFixed(0)} ms)
    round wall time   ${sumRound.toFixed(0)} ms on average; each run ${(spans.reduce((n, s) => n + s[1] - s[0], 0) / spans.length).toFixed(0)} ms inside the Durable Object
    serialised        ${overlaps === 0 ? "yes: no two runs' spans overlap" : `NO: ${overlaps} overlaps`}
    run log           ${loggedIds.length} rows for ${answeredIds.length} runs, ids ${loggedIds.length === answeredIds.length ? "match" : "DIFFER"}
    generated tabs    ${Object.keys(reference).every((t) => JSON.stringify(after[t]) === JSON.stringify(reference[t])) ? "identical to a single run's" : "DIFFERENT"}

  ${failures.length === 0 ? "All checks passed." : `FAILED:\n    ${failures.join("\n    ")}`}`);
} catch (error) {
  failures.push(String(error));
  console.error(error);
} finally {
  clearTimeout(watchdog);
  await worker.stop();
  await emulator.close();
}
process.exitCode = failures.length === 0 ? 0 : 1;

// ---------------------------------------------------------------------------------------------------------------

async function seedDemo(): Promise<void> {
  const res = await fetch(`${emulator.url}/_emulator/spreadsheets/${DEMO_SPREADSHEET_ID}`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(demoSpreadsheet()),
  });
  if (!res.ok) throw new Error(`seeding the demo failed: ${res.status} ${await res.text()}`);
}

interface Scored {
  status: number;
  /** Wall time seen by the client. */
  ms: number;
  runId: string;
  /** Retry-After of a 429, in seconds. */
  retryAfter: number | null;
  /** When the run itself started and ended (ms since epoch), as it reports them. */
  span: [number, number];
}

async function score(spreadsheetId: string): Promise<Scored> {
  const started = performance.now();
  const res = await fetch(`${worker.url}/api/score`, {
    method: "POST",
    headers: { ...bearer(worker, "scorer"), "Content-Type": "application/json" },
    body: JSON.stringify({ year: DEMO_YEAR, spreadsheetId, caller: "npm run load" }),
  });
  const text = await res.text();
  let body: { runId?: string; startedAt?: string; durationMs?: number; error?: { message: string } };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    body = { error: { message: `not JSON: ${text.slice(0, 300)}` } };
  }
  const ms = performance.now() - started;
  if (!res.ok && res.status !== 429) console.error(`POST /api/score ${res.status}: ${body.error?.message}`);
  const retryAfter = res.headers.get("Retry-After") === null ? null : Number(res.headers.get("Retry-After"));
  const start = Date.parse(body.startedAt ?? "");
  return { status: res.status, ms, runId: body.runId ?? "", retryAfter, span: [start, start + (body.durationMs ?? 0)] };
}

/** The values of every generated tab of the scored year. */
async function generatedTabs(id: string): Promise<Record<string, unknown[][]>> {
  const tabs: Record<string, unknown[][]> = {};
  for (const title of generatedTabTitles(DEMO_YEAR)) tabs[title] = await readValues(id, title);
  return tabs;
}

async function readValues(id: string, title: string): Promise<unknown[][]> {
  const range = encodeURIComponent(`'${title.replaceAll("'", "''")}'`);
  const res = await fetch(`${emulator.url}/v4/spreadsheets/${id}/values/${range}?valueRenderOption=UNFORMATTED_VALUE`);
  if (!res.ok) throw new Error(`reading "${title}": ${res.status}`);
  return ((await res.json()) as { values?: unknown[][] }).values ?? [];
}

async function sheetTitles(id: string): Promise<string[]> {
  const res = await fetch(`${emulator.url}/v4/spreadsheets/${id}?fields=sheets.properties.title`);
  const body = (await res.json()) as { sheets: { properties: { title: string } }[] };
  return body.sheets.map((s) => s.properties.title);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function bounded(name: string, raw: string | undefined, min: number, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max}`);
  return n;
}

/**
 * Fingerprints of everything a run produces, so a speed-up can prove it changed no byte: the sha256 of the JSON of
 * each review's result and data errors, and of the body of every `batchUpdate` call its write plan sends, for the
 * generated province and the demo district, on a first run (no generated tab yet) and on a run over a spreadsheet
 * that already has every generated tab and a last-run mark.
 *
 *   node --experimental-transform-types --no-warnings tools/bench/output-hashes.ts > before.txt
 *   … change the code …
 *   node --experimental-transform-types --no-warnings tools/bench/output-hashes.ts | diff before.txt -
 */
import { createHash } from "node:crypto";
import type { ReviewKind } from "../../scoring/review-kind.ts";
import { LOG_HEADERS, LOG_TAB, logRow } from "../../sheets-schema/output/run-log.ts";
import { reviewSources } from "../../sheets-schema/review-pipeline.ts";
import type { RawTabs } from "../../sheets-schema/types.ts";
import type { WriteState } from "../../src/sheets/gateway.ts";
import { planWrite } from "../../src/sheets/write-plan.ts";
import { generateDistrict } from "../demo/district.ts";
import { generateProvince } from "../demo/province.ts";
import { stepBody } from "./step-body.ts";

const sha = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 16);

function firstRun(tabs: RawTabs): WriteState {
  return {
    sheets: Object.keys(tabs).map((title, sheetId) => ({ sheetId, title, hidden: false, stagingRun: null })),
    lastRun: null,
  };
}

/** The spreadsheet after an earlier run: every generated tab and the log exist, the last run is marked. */
function laterRun(tabs: RawTabs, generated: readonly string[]): WriteState {
  const titles = [...Object.keys(tabs), ...generated, LOG_TAB];
  return {
    sheets: titles.map((title, i) => ({ sheetId: 10 + i * 7, title, hidden: false, stagingRun: null })),
    lastRun: "earlier-run",
  };
}

function fingerprint(name: string, tabs: RawTabs, year: number, review: ReviewKind, maxBytes?: number): string[] {
  const reviewed = reviewSources([{ source: "", tabs }], year, review);
  const result =
    reviewed.review === "nam" ? reviewed.result : reviewed.review === "6-thang" ? reviewed.sixMonth : reviewed.stage;
  const lines = [
    `${name} ${review}: result ${sha(JSON.stringify(result))}, errors ${sha(JSON.stringify(reviewed.errors))} (${reviewed.errors.length}), tabs ${sha(JSON.stringify(reviewed.tabs))}`,
  ];
  const row = logRow({
    runId: "hash-run",
    startedAt: "2025-01-01T00:00:00.000Z",
    year,
    units: reviewed.counts.units,
    registrations: reviewed.counts.registrations,
    dataErrors: reviewed.errors.length,
    durationMs: 42,
    caller: "API",
    outcome: "Thành công",
  });
  const log = { title: LOG_TAB, headers: LOG_HEADERS, row };
  const states: [string, WriteState][] = [
    ["first", firstRun(tabs)],
    [
      "later",
      laterRun(
        tabs,
        reviewed.tabs.map((t) => t.title),
      ),
    ],
  ];
  for (const [when, state] of states) {
    const plan = planWrite(state, reviewed.tabs, log, "hash-run", maxBytes);
    const bodies = plan.map((step) => `${step.kind}:${sha(stepBody(step))}`);
    lines.push(`  ${when} run, ${plan.length} calls: ${bodies.join(" ")}`);
  }
  return lines;
}

const district = generateDistrict();
const province = generateProvince({ typos: true });
const cases: [string, RawTabs, number, ReviewKind, number?][] = [
  ["district", district, 2024, "nam"],
  ["district (100 kB requests)", district, 2024, "nam", 100_000],
  ["district", district, 2024, "6-thang"],
  ["district", district, 2024, "giai-doan"],
  ["province", province, 2024, "nam"],
  ["province", province, 2024, "6-thang"],
  ["province", province, 2024, "giai-doan"],
];
for (const [name, tabs, year, review, maxBytes] of cases) {
  for (const line of fingerprint(name, tabs, year, review, maxBytes)) console.log(line);
}

/**
 * What a scoring run left in a spreadsheet, for `npm run faults`: the spreadsheet is read whole (Google's
 * `spreadsheets.get` with grid data, as the emulator serves it) before and after each run, and the pair is judged:
 * byte-identical (nothing written), the completed run, or hidden staging tabs left beside unchanged visible tabs.
 * Pure: the soak (faults.ts) does the reading.
 */
import { LOG_TAB } from "../../sheets-schema/output/run-log.ts";
import { STAGING_PREFIX } from "../../src/sheets/write-plan.ts";

export interface TabState {
  title: string;
  hidden: boolean;
  protectedRanges: number;
  /** Effective values, trailing empty cells and rows dropped. */
  values: unknown[][];
  /** The whole tab (properties, cells with their formats, rules, protections) less its position. */
  json: string;
}

export interface SpreadsheetState {
  /** The answer of `spreadsheets.get?includeGridData=true`, byte for byte. */
  raw: string;
  tabs: TabState[];
}

/** The generated tabs of a fault-free run: what a completed run must have written. */
export interface Reference {
  /** Every generated title of the year, the run log included. */
  titles: readonly string[];
  /** The values of every generated tab but the run log. */
  values: ReadonlyMap<string, unknown[][]>;
  logHeader: unknown[];
}

export type StateKind = "unchanged" | "completed" | "staging-left" | "other";

export interface Judged {
  kind: StateKind;
  /** Run ids of the log rows the run added (one when completed). */
  newLogRuns: string[];
  /** Why the state is not the completed run (empty when it is). */
  problems: string[];
}

/** The answer of POST /api/score, as far as judging it goes. */
export interface Answer {
  status: number;
  /** `error.code` of a failure. */
  code: string | null;
  runId: string | null;
}

interface SheetJson {
  properties: { title: string; hidden?: boolean; index?: number };
  protectedRanges?: unknown[];
  data?: { rowData?: { values?: { effectiveValue?: Record<string, unknown> }[] }[] }[];
}

/** Reads the answer of `spreadsheets.get?includeGridData=true`. */
export function parseState(raw: string): SpreadsheetState {
  const doc = JSON.parse(raw) as { sheets?: SheetJson[] };
  const tabs = (doc.sheets ?? []).map((sheet): TabState => {
    const { index: _position, ...properties } = sheet.properties;
    return {
      title: sheet.properties.title,
      hidden: sheet.properties.hidden ?? false,
      protectedRanges: sheet.protectedRanges?.length ?? 0,
      values: valuesOf(sheet),
      json: JSON.stringify({ ...sheet, properties }),
    };
  });
  return { raw, tabs };
}

/**
 * Which of the states a run may leave `after` is: `before` byte for byte; the completed run (every tab that is not
 * generated as before, every generated tab visible with the reference's values and its protections kept, exactly one
 * new row in the run log, no other tab); or the visible tabs as before with hidden staging tabs beside them.
 */
export function judgeState(before: SpreadsheetState, after: SpreadsheetState, reference: Reference): Judged {
  const logBefore = tab(before, LOG_TAB)?.values ?? [];
  const logAfter = tab(after, LOG_TAB)?.values ?? [];
  const added = logAfter.length > logBefore.length ? logAfter.slice(Math.max(1, logBefore.length)) : [];
  const newLogRuns = added.map((row) => String(row[0] ?? ""));
  if (after.raw === before.raw) return { kind: "unchanged", newLogRuns: [], problems: [] };
  const problems = completedProblems(before, after, reference);
  if (problems.length === 0) return { kind: "completed", newLogRuns, problems };
  return { kind: isStagingLeft(before, after) ? "staging-left" : "other", newLogRuns, problems };
}

/**
 * A failure of the soak when the answer and the state disagree, else null: a 200 must be the completed run with its
 * own run id in the new log row; a 502 `write_unknown` may be either unchanged or completed; `staging_left` leaves
 * hidden staging tabs; any other failure leaves the spreadsheet byte-identical.
 */
export function disagreement(answer: Answer, judged: Judged): string | null {
  const { kind } = judged;
  if (answer.status === 200) {
    if (kind !== "completed") return `answered 200 but the spreadsheet is ${describeState(judged)}`;
    if (judged.newLogRuns[0] !== answer.runId)
      return `answered 200 with run ${answer.runId}, the new log row says ${judged.newLogRuns[0]}`;
    return null;
  }
  const what = `answered ${answer.status} ${answer.code ?? ""}`.trim();
  if (answer.code === "write_unknown")
    return kind === "unchanged" || kind === "completed"
      ? null
      : `${what} but the spreadsheet is ${describeState(judged)}`;
  if (answer.code === "staging_left")
    return kind === "staging-left" ? null : `${what} but the spreadsheet is ${describeState(judged)}`;
  return kind === "unchanged" ? null : `${what} but the spreadsheet is ${describeState(judged)}`;
}

function describeState(judged: Judged): string {
  return judged.kind === "other" ? `neither unchanged nor completed (${judged.problems.join("; ")})` : judged.kind;
}

function completedProblems(before: SpreadsheetState, after: SpreadsheetState, reference: Reference): string[] {
  const problems: string[] = [];
  const generated = new Set(reference.titles);
  for (const old of before.tabs) {
    if (generated.has(old.title) || isStaging(old)) continue;
    if (tab(after, old.title)?.json !== old.json) problems.push(`"${old.title}" changed`);
  }
  for (const title of reference.titles) {
    const now = tab(after, title);
    if (!now) {
      problems.push(`"${title}" missing`);
      continue;
    }
    if (now.hidden) problems.push(`"${title}" hidden`);
    const old = tab(before, title);
    if (old && old.protectedRanges !== now.protectedRanges)
      problems.push(`"${title}": ${now.protectedRanges} protected ranges, ${old.protectedRanges} before`);
    const expected = reference.values.get(title);
    if (expected && JSON.stringify(now.values) !== JSON.stringify(expected))
      problems.push(`"${title}" differs from a fault-free run's`);
  }
  const known = new Set([...before.tabs.filter((t) => !isStaging(t)).map((t) => t.title), ...reference.titles]);
  for (const extra of after.tabs.filter((t) => !known.has(t.title))) problems.push(`extra tab "${extra.title}"`);
  problems.push(...logProblems(tab(before, LOG_TAB)?.values ?? [], tab(after, LOG_TAB)?.values ?? [], reference));
  return problems;
}

/** The run log after a completed run: the rows before it, and exactly one more (under the header on a first run). */
function logProblems(before: unknown[][], after: unknown[][], reference: Reference): string[] {
  const expectedRows = Math.max(1, before.length) + 1;
  if (after.length !== expectedRows) return [`${LOG_TAB}: ${after.length - 1} runs, expected ${expectedRows - 1}`];
  if (JSON.stringify(after[0]) !== JSON.stringify(reference.logHeader)) return [`${LOG_TAB}: header changed`];
  const kept = JSON.stringify(after.slice(0, before.length)) === JSON.stringify(before);
  return kept ? [] : [`${LOG_TAB}: earlier rows changed`];
}

/** The visible tabs exactly as before, and only hidden staging tabs added. */
function isStagingLeft(before: SpreadsheetState, after: SpreadsheetState): boolean {
  const extra = after.tabs.filter((t) => !before.tabs.some((b) => b.title === t.title));
  return (
    extra.length > 0 &&
    extra.every(isStaging) &&
    before.tabs.every((old) => isStaging(old) || tab(after, old.title)?.json === old.json)
  );
}

function isStaging(t: TabState): boolean {
  return t.hidden && t.title.startsWith(STAGING_PREFIX);
}

function tab(state: SpreadsheetState, title: string): TabState | undefined {
  return state.tabs.find((t) => t.title === title);
}

/** Effective values, the last empty cells of each row and the last empty rows dropped. */
function valuesOf(sheet: SheetJson): unknown[][] {
  const rows = (sheet.data?.[0]?.rowData ?? []).map((row) => {
    const cells = (row.values ?? []).map((cell) => {
      const value = cell.effectiveValue;
      return value === undefined ? null : (Object.values(value)[0] ?? null);
    });
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });
  while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
  return rows;
}

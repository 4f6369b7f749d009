import type { sheets_v4 } from "@googleapis/sheets";
import { REVIEW_KIND_LABEL } from "../../scoring/labels.ts";
import type { ReviewKind } from "../../scoring/review-kind.ts";
import type { SixMonthResult } from "../../scoring/six-month.ts";
import type { StageResult } from "../../scoring/stage.ts";
import { stageLabel } from "../../scoring/stage-period.ts";
import type { ScoringResult, Stage } from "../../scoring/types.ts";
import type { MergedWorkbook } from "../../sheets-schema/read-sources.ts";
import { readingForReview, scoreReview, type ReviewedWorkbook } from "../../sheets-schema/review-pipeline.ts";
import { findTab, REGISTRATIONS_TAB } from "../../sheets-schema/tabs.ts";
import { LOG_HEADERS, LOG_TAB, logRow } from "../../sheets-schema/output/run-log.ts";
import { selectRunTabs, sourceFailure, sourceListIn, type SourceList } from "../../sheets-schema/source-list.ts";
import type { DataError } from "../../sheets-schema/types.ts";
import { readSpreadsheet, type SpreadsheetSnapshot } from "../sheets/gateway.ts";
import { ReadPacer } from "../sheets/read-pacer.ts";
import type { RetryPolicy } from "../sheets/retry.ts";
import {
  READS_PER_SOURCE,
  readSourceSpreadsheets,
  type FailedSource,
  type SourceSnapshot,
} from "../sheets/source-reader.ts";
import { executeWrite } from "../sheets/write-output.ts";
import { planWrite } from "../sheets/write-plan.ts";

export interface ScoreRequest {
  spreadsheetId: string;
  year: number;
  dryRun: boolean;
  /** Who asked, for the run log: "API", "Cron (tự động)", "Bảng điều khiển". */
  caller: string;
  /** Run in the background and answer at once with a run id to poll (a run too long for one request does anyway). */
  background?: boolean;
  /** Which review of SPEC §3.8 to run and write; absent (requests stored before reviews existed): `nam`. */
  review?: ReviewKind;
}

/** A spreadsheet of `Nguồn dữ liệu` and what became of it in this run. */
export interface SourceOutcome {
  spreadsheetId: string;
  name: string;
  /** The cell of `Nguồn dữ liệu` that names it. */
  cell: string;
  /** False when it could not be read or its tabs were unusable: then it is also in `failedSources`. */
  read: boolean;
}

/** A source whose rows were not scored, and why (Vietnamese). */
export interface FailedSourceReport {
  spreadsheetId: string;
  name: string;
  cell: string;
  /** Google's HTTP status (403 not shared, 404 unknown id…); null when it was read but its tabs break the contract. */
  status: number | null;
  reason: string;
}

/** What every run says about itself, whichever review it ran. */
export interface RunInfo {
  /** Y: the year asked (for a stage review, the last year of the stage it covers, at most). */
  year: number;
  runId: string;
  spreadsheetId: string;
  /** The main spreadsheet's title as Sheets had it at scoring time (the dashboard shows it, not the id). */
  spreadsheetTitle: string;
  /**
   * The tab id (`sheetId`, the `#gid=` of a Sheets address) of each input tab read from the main spreadsheet, by
   * its title as it is there: the dashboard links each data error to its cell.
   */
  sheetIds: Record<string, number>;
  dryRun: boolean;
  startedAt: string;
  durationMs: number;
  caller: string;
  dataErrors: DataError[];
  /** Titles of the generated tabs written (empty for a dry run). */
  tabsWritten: string[];
  /** Sheets API calls made by this run, the token request excluded. */
  sheetsRequests: number;
  /** The spreadsheets listed in `Nguồn dữ liệu` (empty for a single-spreadsheet run). */
  sources: SourceOutcome[];
  /** The sources whose rows were left out of this run; each is also the first rows of `Lỗi dữ liệu`. */
  failedSources: FailedSourceReport[];
}

/** An annual run (§3.1–§3.7): this is what `POST /api/score` returns and `GET /api/results` serves again. */
export interface ScoreRun extends ScoringResult, RunInfo {
  reviewKind: "nam";
  /**
   * The stage (giai đoạn) holding Y under this run's `Cấu hình` (`Giai đoạn`, else the five-year stage): the years
   * a unit's page shows as its history.
   */
  stagePeriod: Stage;
}

/** A six-month review (§3.8): the counts at the cut-off in `sixMonth`. */
export interface SixMonthRun extends RunInfo {
  reviewKind: "6-thang";
  sixMonth: SixMonthResult;
}

/** A stage review (§3.8): every year of the stage in `stage`. */
export interface StageRun extends RunInfo {
  reviewKind: "giai-doan";
  stage: StageResult;
}

/**
 * Any run, tagged by its review in `reviewKind` (the annual result's `review` is already its review list, Rà soát,
 * SPEC §3.6, so the tag cannot take that name).
 */
export type ReviewRun = ScoreRun | SixMonthRun | StageRun;

/** The review a request asks for. */
export function reviewOf(req: ScoreRequest): ReviewKind {
  return req.review ?? "nam";
}

/**
 * The figures of a run for its summary and the run log: units listed, and registrations the review counted (of
 * the year; at six months, those by the cut-off; for a stage, of every scored year).
 */
export function runCounts(run: ReviewRun): { units: number; registrations: number } {
  switch (run.reviewKind) {
    case "nam":
      return { units: run.units.length, registrations: run.registrations.length };
    case "6-thang":
      return { units: run.sixMonth.units.length, registrations: run.sixMonth.registered };
    case "giai-doan": {
      let registrations = 0;
      for (const y of run.stage.perYear) if (y.kind === "scored") registrations += y.registrations;
      return { units: run.stage.units.length, registrations };
    }
    default:
      return assertNever(run);
  }
}

/** How a run reads the sources of `Nguồn dữ liệu`. */
export interface SourcesPolicy {
  /** Sources read at the same time. */
  concurrency: number;
  /** Sheets reads started in any minute, at most (Google's per-user read quota); 0 paces nothing. */
  readsPerMinute: number;
  /** Sources read by one step of a background run, at most. */
  perStep?: number;
}

export interface RunContext {
  api: sheets_v4.Sheets;
  policy: RetryPolicy;
  runId: string;
  now: () => number;
  /** Absent: no pacing, DEFAULT_SOURCE_CONCURRENCY sources at a time. */
  sources?: SourcesPolicy;
}

/** The run cannot read all its sources within its deadline at the allowed read rate: nothing is read or written. */
export class SourcesTooSlowError extends Error {
  override readonly name = "SourcesTooSlowError";
  constructor(
    readonly sources: number,
    readonly readsPerMinute: number,
    readonly neededMs: number,
    readonly deadlineMs: number,
  ) {
    super(
      `Đọc ${sources} nguồn cần ${READS_PER_SOURCE * sources} lượt đọc Google Sheets; với hạn mức ${readsPerMinute} lượt đọc mỗi phút, ` +
        `lần chấm cần ít nhất ${Math.ceil(neededMs / 1000)} giây, quá thời hạn ${Math.round(deadlineMs / 1000)} giây của một lần chấm. ` +
        "Không có gì được đọc hay ghi. Hãy chấm thật (không chạy thử) để lần chấm tự chạy nền, bớt nguồn, hoặc xin Google " +
        "tăng hạn mức đọc (Read requests per minute per user) rồi đặt SHEETS_READS_PER_MINUTE cho tương ứng.",
    );
  }
}

/**
 * One scoring run: read every input tab, score, then (unless dry) write every generated tab and the log row in one
 * atomic step. A contract error (missing column, bad setting) is thrown before anything is written.
 *
 * When the main spreadsheet lists other spreadsheets in `Nguồn dữ liệu`, their input tabs are read too and merged
 * with its own (`scoreSources`); the results are still written to the main spreadsheet only. When the read quota
 * cannot carry them within the run's deadline, SourcesTooSlowError is thrown before any source is read (the
 * Durable Object then continues the run in the background, see `background-run.ts`).
 */
export async function scoreSpreadsheet(ctx: RunContext, req: ScoreRequest): Promise<ReviewRun> {
  const started = ctx.now();
  const pacer = runPacer(ctx);
  const pace = () => pacer.acquire(ctx.policy.deadline);
  const main = await readMain(ctx, req, pace);
  if (main.list === null) return finishRun(ctx, req, started, main, null);

  // Say up front when the quota cannot carry the reads within the deadline, rather than fail half-way.
  // The further blocks of the main `Đăng ký`, read after the sources, take from the same quota.
  const mainBlocks = main.snapshot.laterBlocks?.starts.length ?? 0;
  const lastStart = pacer.lastStartOf(READS_PER_SOURCE * main.list.entries.length + mainBlocks);
  if (lastStart > ctx.policy.deadline) {
    const n = main.list.entries.length;
    throw new SourcesTooSlowError(n, pacer.perMinute, lastStart - ctx.now(), ctx.policy.deadline - ctx.now());
  }
  const sources = await readSourceSpreadsheets(ctx.api, main.list.entries, {
    mainId: req.spreadsheetId,
    policy: ctx.policy,
    concurrency: ctx.sources?.concurrency,
    pace,
  });
  return finishRun(ctx, req, started, main, sources);
}

/** The main spreadsheet as read: its tabs and tab ids, and the sources it lists (null: a single-spreadsheet run). */
export interface MainRead {
  snapshot: SpreadsheetSnapshot;
  list: SourceList | null;
  requests: number;
}

/** What the sources of `Nguồn dữ liệu` gave. */
export interface SourcesRead {
  read: SourceSnapshot[];
  failed: FailedSource[];
  requests: number;
}

/** The pacer of a run's Sheets reads (`starts`: the reads of an earlier step of the same run). */
export function runPacer(ctx: RunContext, starts: readonly number[] = []): ReadPacer {
  return new ReadPacer(ctx.sources?.readsPerMinute ?? 0, { now: ctx.now, sleep: ctx.policy.sleep ?? sleep }, starts);
}

/** Reads the main spreadsheet: the input tabs and `Nguồn dữ liệu`. */
export async function readMain(ctx: RunContext, req: ScoreRequest, pace?: () => Promise<void>): Promise<MainRead> {
  // The further blocks of a tall `Đăng ký` are read by finishRun, each into records as it comes (see mergeSources).
  const snapshot = await readSpreadsheet(ctx.api, req.spreadsheetId, selectRunTabs, ctx.policy, {
    pace,
    later: registrationsTab,
  });
  const list = sourceListIn(snapshot.tabs, { mainId: req.spreadsheetId });
  return { snapshot, list, requests: 1 + snapshot.valueReads };
}

/**
 * The end of every run, synchronous or continued: score what was read (`sources` null for a single-spreadsheet
 * run), then, unless dry, write every generated tab and the log row to the main spreadsheet in one atomic step.
 */
export async function finishRun(
  ctx: RunContext,
  req: ScoreRequest,
  started: number,
  main: MainRead,
  sources: SourcesRead | null,
): Promise<ReviewRun> {
  let sheetsRequests = main.requests + (sources?.requests ?? 0);
  const sheetIds = inputSheetIds(main.snapshot);
  // The raw values are the largest thing a run holds (≈ 30 MB for a province); mergeSources lets them go once they
  // are read into records, before the rules run, which keeps the isolate well under its 128 MB.
  const merged = await mergeSources(req, main, sources);
  sheetsRequests += merged.blockReads;
  const { errors, tabs, counts } = merged.scored;
  const sourceOutcomes = merged.sources;
  const failedSources = merged.failedSources;

  const startedAt = new Date(started).toISOString();
  let tabsWritten: string[] = [];
  // The spreadsheet already carries this run's mark: this is the run's last step done again (an alarm runs at least
  // once, and again after a reset that came after the write but before the run was saved as done), so its tabs and
  // its log row are there; writing again would double the row (SPEC §5: safe to repeat).
  if (!req.dryRun && main.snapshot.lastRun === ctx.runId) tabsWritten = tabs.map((t) => t.title);
  else if (!req.dryRun) {
    const row = logRow({
      runId: ctx.runId,
      startedAt,
      year: req.year,
      units: counts.units,
      registrations: counts.registrations,
      dataErrors: errors.length,
      durationMs: ctx.now() - started,
      caller: req.caller,
      outcome: reviewPrefix(merged.scored) + outcomeText(sourceOutcomes, failedSources),
    });
    const plan = planWrite(main.snapshot, tabs, { title: LOG_TAB, headers: LOG_HEADERS, row }, ctx.runId);
    sheetsRequests += await executeWrite(ctx.api, req.spreadsheetId, plan, ctx.runId, ctx.policy);
    tabsWritten = tabs.map((t) => t.title);
  }
  const info: RunInfo = {
    year: req.year,
    runId: ctx.runId,
    spreadsheetId: req.spreadsheetId,
    spreadsheetTitle: main.snapshot.title,
    sheetIds,
    dryRun: req.dryRun,
    startedAt,
    durationMs: ctx.now() - started,
    caller: req.caller,
    dataErrors: errors,
    tabsWritten,
    sheetsRequests,
    sources: sourceOutcomes,
    failedSources,
  };
  const scored = merged.scored;
  switch (scored.review) {
    case "nam":
      return { ...scored.result, ...info, reviewKind: "nam", stagePeriod: scored.stagePeriod };
    case "6-thang":
      return { ...info, reviewKind: "6-thang", sixMonth: scored.sixMonth };
    case "giai-doan":
      return { ...info, reviewKind: "giai-doan", stage: scored.stage };
    default:
      return assertNever(scored);
  }
}

/** The run log's `Kết quả` names the review unless it is the annual one (as every row before reviews existed). */
function reviewPrefix(scored: ReviewedWorkbook): string {
  switch (scored.review) {
    case "nam":
      return "";
    case "6-thang":
      return `${REVIEW_KIND_LABEL["6-thang"]}: `;
    case "giai-doan":
      return `${REVIEW_KIND_LABEL["giai-doan"]} ${stageLabel(scored.stage.stage)}: `;
    default:
      return assertNever(scored);
  }
}

/**
 * The tab id of every input tab read, by title: taken from the tab list the run read anyway (no extra request).
 *
 * @example inputSheetIds({ sheets: [{ title: "Đăng ký", sheetId: 7, … }, …], tabs: { "Đăng ký": […] } }) // → { "Đăng ký": 7 }
 */
export function inputSheetIds(snapshot: Pick<SpreadsheetSnapshot, "sheets" | "tabs">): Record<string, number> {
  const ids: Record<string, number> = {};
  for (const sheet of snapshot.sheets) if (Object.hasOwn(snapshot.tabs, sheet.title)) ids[sheet.title] = sheet.sheetId;
  return ids;
}

/**
 * Scores the main spreadsheet's tabs with the sources read (none for a single-spreadsheet run: `list` and `sources`
 * null), and says what became of each source.
 */
async function mergeSources(
  req: ScoreRequest,
  main: MainRead,
  sourcesRead: SourcesRead | null,
): Promise<{
  scored: ReviewedWorkbook;
  sources: SourceOutcome[];
  failedSources: FailedSourceReport[];
  /** The `values.batchGet` calls of the main `Đăng ký`'s further blocks. */
  blockReads: number;
}> {
  const { list } = main;
  const read = sourcesRead?.read ?? [];
  const failed = sourcesRead?.failed ?? [];
  const entries = list?.entries ?? [];
  const review = reviewOf(req);
  const blockReads = main.snapshot.laterBlocks?.starts.length ?? 0;
  const records = await readRecords(req, review, main, read);
  const scored = scoreReview(records, req.year, review, {
    extraErrors: [...failed.map((f) => sourceFailure(f.entry, f.reason)), ...(list?.errors ?? [])],
  });
  const byId = new Map(entries.map((e) => [e.spreadsheetId, e]));
  const unusable: FailedSource[] = scored.skipped.map((s) => ({
    entry: byId.get(s.source)!,
    status: null,
    reason: s.message,
  }));
  const failedSources = [...failed, ...unusable].map(
    (f): FailedSourceReport => ({
      spreadsheetId: f.entry.spreadsheetId,
      name: f.entry.name,
      cell: f.entry.cell,
      status: f.status,
      reason: f.reason,
    }),
  );
  const failedIds = new Set(failedSources.map((f) => f.spreadsheetId));
  const sources = entries.map(
    (e): SourceOutcome => ({
      spreadsheetId: e.spreadsheetId,
      name: e.name,
      cell: e.cell,
      read: !failedIds.has(e.spreadsheetId),
    }),
  );
  return { scored, sources, failedSources, blockReads };
}

/**
 * The records of the run's spreadsheets. Nothing after needs a raw cell again: the grids (tens of MB for a province)
 * are let go before scoring, and the main `Đăng ký`, most of a province's values, is read block by block into
 * records, never whole. (A function of its own so that nothing of the reading outlives it.)
 */
async function readRecords(
  req: ScoreRequest,
  review: ReviewKind,
  main: MainRead,
  read: readonly SourceSnapshot[],
): Promise<MergedWorkbook> {
  const reading = readingForReview(
    [
      { source: "", tabs: main.snapshot.tabs },
      ...read.map((s) => ({ source: s.entry.spreadsheetId, name: s.entry.name, listedAt: s.entry, tabs: s.tabs })),
    ],
    req.year,
    review,
  );
  main.snapshot.tabs = {};
  const later = main.snapshot.laterBlocks;
  main.snapshot.laterBlocks = null;
  for (const start of later?.starts ?? []) reading.addMainRegistrations(await later!.read(start), start);
  const records = reading.finish();
  for (const s of read) s.tabs = {};
  return records;
}

/** The main spreadsheet's `Đăng ký` among the titles read, whose further blocks are read into records as they come. */
function registrationsTab(titles: readonly string[]): string | null {
  try {
    return findTab(titles, REGISTRATIONS_TAB);
  } catch {
    return null; // two tabs read as `Đăng ký`: both are read whole, and the reader reports the conflict
  }
}

/** `Kết quả` of the run log: success, and how many sources were left out. */
function outcomeText(sources: SourceOutcome[], failed: FailedSourceReport[]): string {
  if (failed.length === 0) return sources.length === 0 ? "Thành công" : `Thành công (${sources.length} nguồn)`;
  const names = failed
    .slice(0, 5)
    .map((f) => `"${f.name}"`)
    .join(", ");
  const more = failed.length > 5 ? ` và ${failed.length - 5} nguồn khác` : "";
  return `Thành công, thiếu ${failed.length}/${sources.length} nguồn không đọc được: ${names}${more} (xem "Lỗi dữ liệu")`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function assertNever(x: never): never {
  throw new Error(`unexpected ${JSON.stringify(x)}`);
}

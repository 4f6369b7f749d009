/**
 * The background run's decider as a pure function: every state against every event, failures mid-way included,
 * each asserting the state it becomes and the effects it asks of the Durable Object.
 */
import { describe, expect, it } from "vitest";
import { READ_WINDOW_MS } from "../sheets/read-pacer.ts";
import type { SourceEntry, SourceList } from "../../sheets-schema/source-list.ts";
import { ContractError } from "../../sheets-schema/types.ts";
import { SheetsRejectedError, SheetsUnavailableError } from "../sheets/retry.ts";
import { SourceUnavailableError, type FailedSource } from "../sheets/source-reader.ts";
import {
  eventOfError,
  KEEP_RUNS,
  MAX_RETRIES,
  newRun,
  next,
  RETRY_BASE_MS,
  type Clock,
  type Effect,
  type RunEvent,
  type RunState,
} from "./background-run.ts";
import type { RunFailure } from "./run-failure.ts";
import { progressOf } from "./run-progress.ts";
import type { ScoreRequest, ScoreRun } from "./score-spreadsheet.ts";

const NOW = 1_000_000;
const clock: Clock = { now: NOW, readsPerMinute: 60 };
const req: ScoreRequest = { spreadsheetId: "main", year: 2024, dryRun: false, caller: "API" };
const entry = (i: number): SourceEntry => ({
  spreadsheetId: `s${i}`,
  name: `Xã ${i}`,
  tab: "Nguồn dữ liệu",
  cell: `'Nguồn dữ liệu'!A${i + 2}`,
  value: `s${i}`,
});
const list: SourceList = { entries: [0, 1, 2, 3, 4].map(entry), errors: [] };
const refused: FailedSource = { entry: entry(1), status: 403, reason: "chưa chia sẻ cho tài khoản dịch vụ" };
const googleDown: RunFailure = { status: 502, code: "sheets_unavailable", message: "Không kết nối được Google Sheets" };
const contract: RunFailure = { status: 422, code: "contract", message: "Thiếu cột Mã đơn vị", where: "'Đơn vị'!1:1" };
const tabs = { "Đơn vị": [["Mã đơn vị"]] };

const fresh = newRun("do.run", req, 0, 2);
const base = { ...fresh, steps: 1, requests: 2, updatedAt: NOW - 1 };
const readingMain: RunState = fresh;
const readingSources: RunState = { ...base, kind: "reading-sources", list, next: 2, failed: [refused] };
const finishing: RunState = { ...base, kind: "finishing", list, failed: [refused] };
const summary = { units: 5, registrations: 9, dataErrors: 1, tabsWritten: ["Xếp hạng"] };
const succeeded: RunState = {
  ...base,
  kind: "succeeded",
  list,
  failed: [refused],
  summary,
  failedSources: [
    { spreadsheetId: "s1", name: "Xã 1", cell: "'Nguồn dữ liệu'!A3", status: 403, reason: refused.reason },
  ],
};
const failed: RunState = { ...base, kind: "failed", list, next: 2, failed: [refused], failure: googleDown };

const run = {
  reviewKind: "nam",
  year: 2024,
  dryRun: false,
  units: [1, 2, 3, 4, 5],
  registrations: Array(9),
  dataErrors: [{}],
  tabsWritten: ["Xếp hạng"],
  sheetsRequests: 14,
  failedSources: succeeded.failedSources,
} as unknown as ScoreRun;

const events: Record<RunEvent["type"], RunEvent> = {
  alarm: { type: "alarm" },
  "main-read": { type: "main-read", list, requests: 2, pacerStarts: [NOW] },
  "sources-read": {
    type: "sources-read",
    to: 4,
    read: [{ source: 2, tabs }],
    failed: [],
    requests: 4,
    pacerStarts: [NOW],
  },
  finished: { type: "finished", run, pacerStarts: [NOW] },
  unavailable: { type: "unavailable", failure: googleDown, pacerStarts: [NOW] },
  broken: { type: "broken", failure: contract, pacerStarts: [NOW] },
};

/** The effects of a run that is over: saved, its copies of the sources dropped, old runs pruned, logged. */
function overEffects(state: RunState, ok: boolean, status: number, message: string): Effect[] {
  return [
    { type: "save", state },
    { type: "drop-tabs", runId: "do.run" },
    { type: "prune-runs", keep: KEEP_RUNS },
    { type: "log-run", runId: "do.run", request: state.request, startedAt: 0, ok, status, message },
  ];
}

describe("an event that does not belong to the state changes nothing", () => {
  const cases: [RunState, RunEvent["type"][]][] = [
    [readingMain, ["sources-read", "finished"]],
    [readingSources, ["main-read", "finished"]],
    [finishing, ["main-read", "sources-read"]],
    [succeeded, ["alarm", "main-read", "sources-read", "finished", "unavailable", "broken"]],
    [failed, ["alarm", "main-read", "sources-read", "finished", "unavailable", "broken"]],
  ];
  for (const [state, types] of cases) {
    for (const type of types) {
      it(`${state.kind} × ${type}`, () => {
        expect(next(state, events[type], clock)).toEqual({ state, effects: [] });
      });
    }
  }
});

describe("reading-main", () => {
  it("alarm: counts a step and reads the main spreadsheet", () => {
    const { state, effects } = next(readingMain, events.alarm, clock);
    expect(state).toEqual({ ...readingMain, steps: 1, updatedAt: NOW });
    expect(effects).toEqual([{ type: "read-main", request: req, pacerStarts: [] }]);
  });

  it("main-read with sources: reads them from the first, at once", () => {
    const { state, effects } = next({ ...readingMain, retries: 2 }, events["main-read"], clock);
    const after = {
      ...readingMain,
      kind: "reading-sources",
      list,
      next: 0,
      failed: [],
      requests: 2,
      retries: 0,
      pacerStarts: [NOW],
    };
    expect(state).toEqual(after);
    expect(effects).toEqual([
      { type: "save", state: after },
      { type: "set-alarm", at: NOW },
    ]);
  });

  it("main-read of a single spreadsheet (no list, or an empty one): finishes at once", () => {
    for (const l of [null, { entries: [], errors: [] }]) {
      const { state, effects } = next(readingMain, { type: "main-read", list: l, requests: 1, pacerStarts: [] }, clock);
      expect(state).toEqual({ ...readingMain, kind: "finishing", list: l, failed: [], requests: 1 });
      expect(effects).toEqual([
        { type: "save", state },
        { type: "set-alarm", at: NOW },
      ]);
    }
  });

  it("unavailable (Google down at the main spreadsheet): tries again in 10 s", () => {
    const { state, effects } = next(readingMain, events.unavailable, clock);
    expect(state).toEqual({ ...readingMain, retries: 1, pacerStarts: [NOW] });
    expect(effects).toEqual([
      { type: "save", state },
      { type: "set-alarm", at: NOW + RETRY_BASE_MS },
    ]);
  });

  it("unavailable once the retries are exhausted: fails with Google's failure, logged", () => {
    const { state, effects } = next({ ...readingMain, retries: MAX_RETRIES }, events.unavailable, clock);
    expect(state).toEqual({
      ...readingMain,
      retries: MAX_RETRIES,
      kind: "failed",
      list: null,
      next: 0,
      failed: [],
      failure: googleDown,
      pacerStarts: [NOW],
    });
    expect(effects).toEqual(overEffects(state, false, 502, googleDown.message));
  });

  it("broken (the main spreadsheet refused or its contract broken): fails at once", () => {
    const { state, effects } = next(readingMain, events.broken, clock);
    expect(state).toMatchObject({ kind: "failed", list: null, next: 0, failure: contract, retries: 0 });
    expect(effects).toEqual(overEffects(state, false, 422, contract.message));
  });
});

describe("reading-sources", () => {
  it("alarm: reads the next sources, at most sourcesPerStep", () => {
    const { state, effects } = next(readingSources, events.alarm, clock);
    expect(state).toEqual({ ...readingSources, steps: 2, updatedAt: NOW });
    expect(effects).toEqual([
      { type: "read-sources", mainId: req.spreadsheetId, entries: [entry(2), entry(3)], from: 2, pacerStarts: [] },
    ]);
  });

  it("alarm: reads only what the quota lets start within the step", () => {
    // 57 reads in the last minute: three more may start now, so one source (two reads) fits.
    const pacerStarts = Array.from({ length: 57 }, () => NOW - 1_000);
    const { effects } = next({ ...readingSources, pacerStarts }, events.alarm, clock);
    expect(effects).toEqual([
      { type: "read-sources", mainId: req.spreadsheetId, entries: [entry(2)], from: 2, pacerStarts },
    ]);
  });

  it("alarm with the quota spent: waits for it, reading nothing", () => {
    const pacerStarts = Array.from({ length: 60 }, (_, i) => NOW - 1_000 + i);
    const { state, effects } = next({ ...readingSources, pacerStarts }, events.alarm, clock);
    expect(state).toMatchObject({ kind: "reading-sources", next: 2, steps: 2 });
    // A source's three reads may start when the first three of the last minute are a minute old.
    expect(effects).toEqual([
      { type: "save", state },
      { type: "set-alarm", at: NOW - 1_000 + 2 + READ_WINDOW_MS },
    ]);
  });

  it("sources-read mid-way: keeps their tabs, adds the refused ones, next step when the quota allows", () => {
    const event: RunEvent = {
      type: "sources-read",
      to: 4,
      read: [{ source: 2, tabs }],
      failed: [{ ...refused, entry: entry(3) }],
      requests: 4,
      pacerStarts: [NOW],
    };
    const { state, effects } = next({ ...readingSources, retries: 3 }, event, clock);
    const after = {
      ...readingSources,
      next: 4,
      failed: [refused, { ...refused, entry: entry(3) }],
      requests: 6,
      retries: 0,
      pacerStarts: [NOW],
    };
    expect(state).toEqual(after);
    expect(effects).toEqual([
      { type: "keep-tabs", runId: "do.run", tabs: [{ source: 2, tabs }] },
      { type: "save", state: after },
      { type: "set-alarm", at: NOW },
    ]);
  });

  it("sources-read with the quota spent by them: the next step waits a minute", () => {
    const pacerStarts = Array.from({ length: 60 }, () => NOW);
    const { effects } = next(readingSources, { ...events["sources-read"], pacerStarts } as RunEvent, clock);
    expect(effects.at(-1)).toEqual({ type: "set-alarm", at: NOW + READ_WINDOW_MS });
  });

  it("sources-read of the last sources: finishes at once (no tabs to keep when all were refused)", () => {
    const event: RunEvent = { type: "sources-read", to: 5, read: [], failed: [], requests: 2, pacerStarts: [] };
    const { state, effects } = next({ ...readingSources, next: 4 }, event, clock);
    expect(state).toEqual({ ...base, kind: "finishing", list, failed: [refused], requests: 4, pacerStarts: [] });
    expect(effects).toEqual([
      { type: "save", state },
      { type: "set-alarm", at: NOW },
    ]);
  });

  it("unavailable mid-sources: keeps what was read, backing off more with each retry in a row", () => {
    const { state, effects } = next({ ...readingSources, retries: 2 }, events.unavailable, clock);
    expect(state).toEqual({ ...readingSources, retries: 3, pacerStarts: [NOW] });
    expect(effects).toEqual([
      { type: "save", state },
      { type: "set-alarm", at: NOW + 4 * RETRY_BASE_MS },
    ]);
  });

  it("unavailable once the retries are exhausted: fails, keeping its progress and the refused sources", () => {
    const { state, effects } = next({ ...readingSources, retries: MAX_RETRIES }, events.unavailable, clock);
    expect(state).toEqual({
      ...readingSources,
      retries: MAX_RETRIES,
      kind: "failed",
      failure: googleDown,
      pacerStarts: [NOW],
    });
    expect(effects).toEqual(overEffects(state, false, 502, googleDown.message));
  });

  it("broken: fails at once", () => {
    const { state, effects } = next(readingSources, events.broken, clock);
    expect(state).toEqual({ ...readingSources, kind: "failed", failure: contract, pacerStarts: [NOW] });
    expect(effects).toEqual(overEffects(state, false, 422, contract.message));
  });
});

describe("finishing", () => {
  it("alarm: scores and writes with the list, the refused sources and the requests so far", () => {
    const { state, effects } = next(finishing, events.alarm, clock);
    expect(state).toEqual({ ...finishing, steps: 2, updatedAt: NOW });
    expect(effects).toEqual([
      {
        type: "finish",
        runId: "do.run",
        request: req,
        startedAt: 0,
        list,
        failed: [refused],
        requests: 2,
        pacerStarts: [],
      },
    ]);
  });

  it("finished: succeeds with the result's figures, stores the result and logs the run", () => {
    const { state, effects } = next(finishing, events.finished, clock);
    expect(state).toEqual({ ...succeeded, requests: 14, pacerStarts: [NOW] });
    const [save, drop, prune, log] = overEffects(
      state,
      true,
      200,
      "Chạy nền: Đã ghi 1 trang tính; 1 nguồn không đọc được",
    );
    expect(effects).toEqual([save, drop, prune, { type: "store-result", run }, log]);
  });

  it("finished, a dry run: nothing stored", () => {
    const dry = { ...finishing, request: { ...req, dryRun: true } };
    const { effects } = next(
      dry,
      { ...events.finished, run: { ...run, dryRun: true, tabsWritten: [] } } as RunEvent,
      clock,
    );
    expect(effects.map((e) => e.type)).toEqual(["save", "drop-tabs", "prune-runs", "log-run"]);
    expect(effects.at(-1)).toMatchObject({
      ok: true,
      message: "Chạy nền: Chạy thử (không ghi); 1 nguồn không đọc được",
    });
  });

  it("unavailable (Google down at finishing): the step is tried again, sources kept", () => {
    const { state, effects } = next(finishing, events.unavailable, clock);
    expect(state).toEqual({ ...finishing, retries: 1, pacerStarts: [NOW] });
    expect(effects).toEqual([
      { type: "save", state },
      { type: "set-alarm", at: NOW + RETRY_BASE_MS },
    ]);
  });

  it("unavailable once the retries are exhausted: fails with every source counted as done", () => {
    const { state, effects } = next({ ...finishing, retries: MAX_RETRIES }, events.unavailable, clock);
    expect(state).toMatchObject({ kind: "failed", next: 5, failed: [refused], failure: googleDown });
    expect(effects).toEqual(overEffects(state, false, 502, googleDown.message));
  });

  it("broken (a contract error at finishing): fails, nothing stored", () => {
    const { state, effects } = next(finishing, events.broken, clock);
    expect(state).toEqual({ ...finishing, kind: "failed", next: 5, failure: contract, pacerStarts: [NOW] });
    expect(effects).toEqual(overEffects(state, false, 422, contract.message));
  });
});

describe("a whole run, event by event", () => {
  it("goes main → sources (two steps, a retry between) → finishing → succeeded, its progress never going back", () => {
    const small: SourceList = { entries: list.entries.slice(0, 3), errors: [] };
    const script: RunEvent[] = [
      { type: "alarm" },
      { type: "main-read", list: small, requests: 2, pacerStarts: [] },
      { type: "alarm" },
      {
        type: "sources-read",
        to: 2,
        read: [
          { source: 0, tabs },
          { source: 1, tabs },
        ],
        failed: [],
        requests: 4,
        pacerStarts: [],
      },
      { type: "alarm" },
      { type: "unavailable", failure: googleDown, pacerStarts: [] },
      { type: "alarm" },
      { type: "sources-read", to: 3, read: [{ source: 2, tabs }], failed: [], requests: 2, pacerStarts: [] },
      { type: "alarm" },
      { type: "finished", run, pacerStarts: [] },
    ];
    let state: RunState = readingMain;
    const seen: { kind: string; percent: number }[] = [];
    for (const event of script) {
      state = next(state, event, clock).state;
      seen.push({ kind: state.kind, percent: progressOf(state).percent });
    }
    expect(seen.map((s) => s.kind)).toEqual([
      "reading-main",
      "reading-sources",
      "reading-sources",
      "reading-sources",
      "reading-sources",
      "reading-sources",
      "reading-sources",
      "finishing",
      "finishing",
      "succeeded",
    ]);
    expect(seen.map((s) => s.percent)).toEqual([0, 20, 20, 60, 60, 60, 60, 80, 80, 100]);
    expect(state.steps).toBe(5);
  });
});

describe("eventOfError", () => {
  const down = new SheetsUnavailableError({ status: 503, message: "Service Unavailable", retryAfterMs: null }, 6);

  it("Google unavailable, at the main spreadsheet or at a source: a step to try again", () => {
    expect(eventOfError(down, [1])).toMatchObject({
      type: "unavailable",
      failure: { status: 502, code: "sheets_unavailable" },
      pacerStarts: [1],
    });
    expect(eventOfError(new SourceUnavailableError(entry(1), down), [])).toMatchObject({
      type: "unavailable",
      failure: {
        status: 502,
        where: "'Nguồn dữ liệu'!A3",
        message: expect.stringContaining('Không đọc được nguồn "Xã 1" (s1)'),
      },
    });
  });

  it("a broken contract, a refused spreadsheet or a bug: the run is over", () => {
    expect(eventOfError(new ContractError("Thiếu cột", "'Đơn vị'!1:1"), [])).toMatchObject({
      type: "broken",
      failure: { status: 422, code: "contract" },
    });
    expect(
      eventOfError(new SheetsRejectedError({ status: 403, message: "denied", retryAfterMs: null }), []),
    ).toMatchObject({
      type: "broken",
      failure: { status: 403, code: "sheets_forbidden" },
    });
    expect(eventOfError(new TypeError("x is undefined"), [])).toMatchObject({
      type: "broken",
      failure: { status: 500, code: "internal" },
    });
  });
});

describe("progressOf: what GET /api/runs/{id} answers, in each state", () => {
  const common = {
    runId: "do.run",
    spreadsheetId: "main",
    year: 2024,
    reviewKind: "nam",
    startedAt: "1970-01-01T00:00:00.000Z",
    updatedAt: new Date(NOW - 1).toISOString(),
  };
  const refusedReport = {
    spreadsheetId: "s1",
    name: "Xã 1",
    cell: "'Nguồn dữ liệu'!A3",
    status: 403,
    reason: refused.reason,
  };

  it("names the review of the run, and serves a six-month result where GET /api/results keeps it", () => {
    const sixMonth = { ...succeeded, request: { ...succeeded.request, review: "6-thang" as const } };
    expect(progressOf(sixMonth)).toMatchObject({
      reviewKind: "6-thang",
      resultUrl: "/api/results?year=2024&spreadsheetId=main&review=6-thang",
    });
  });

  it("reading-main", () => {
    expect(progressOf(readingMain)).toEqual({
      ...common,
      updatedAt: common.startedAt,
      status: "running",
      step: "main",
      stepLabel: "Đọc bảng tính chính",
      sourcesTotal: null,
      sourcesRead: 0,
      sourcesFailed: 0,
      percent: 0,
      steps: 0,
      failedSources: [],
    });
  });

  it("reading-sources", () => {
    expect(progressOf(readingSources)).toEqual({
      ...common,
      status: "running",
      step: "sources",
      stepLabel: "Đọc các nguồn dữ liệu",
      sourcesTotal: 5,
      sourcesRead: 1,
      sourcesFailed: 1,
      percent: 42,
      steps: 1,
      failedSources: [refusedReport],
    });
  });

  it("finishing, and finishing a single-spreadsheet run", () => {
    expect(progressOf(finishing)).toMatchObject({
      status: "running",
      step: "finishing",
      stepLabel: "Chấm điểm và ghi kết quả",
      sourcesTotal: 5,
      sourcesRead: 4,
      percent: 85,
    });
    expect(progressOf({ ...finishing, list: null, failed: [] })).toMatchObject({
      sourcesTotal: null,
      sourcesRead: 0,
      percent: 50,
    });
  });

  it("succeeded: where the result is, and its figures", () => {
    expect(progressOf(succeeded)).toEqual({
      ...common,
      status: "succeeded",
      step: "done",
      stepLabel: "Đã xong",
      sourcesTotal: 5,
      sourcesRead: 4,
      sourcesFailed: 1,
      percent: 100,
      steps: 1,
      failedSources: [refusedReport],
      resultUrl: "/api/results?year=2024&spreadsheetId=main",
      summary,
    });
    expect(progressOf({ ...succeeded, request: { ...req, dryRun: true } }).resultUrl).toBeUndefined();
  });

  it("failed: the error, what was read before it", () => {
    expect(progressOf({ ...failed, failure: contract })).toEqual({
      ...common,
      status: "failed",
      step: "done",
      stepLabel: "Thất bại",
      sourcesTotal: 5,
      sourcesRead: 1,
      sourcesFailed: 1,
      percent: 100,
      steps: 1,
      failedSources: [refusedReport],
      error: { status: 422, code: "contract", message: contract.message, where: contract.where },
    });
  });
});

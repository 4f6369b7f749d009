/**
 * The shell of a background run: executes the effects the decider (`background-run.ts`) asks for (Sheets reads,
 * storage, the alarm) and tells it what happened, until the step has nothing more to do. It decides nothing.
 */
import { eventOfError, next, type Effect, type RunEvent, type RunState } from "../jobs/background-run.ts";
import { finishRun, readMain, runPacer, type RunContext } from "../jobs/score-spreadsheet.ts";
import type { ReadPacer } from "../sheets/read-pacer.ts";
import { readSourceSpreadsheets } from "../sheets/source-reader.ts";
import type { BackgroundStore } from "./background-store.ts";
import type { ResultStore } from "./result-store.ts";

export interface RunnerDeps {
  /** The Sheets context of this step; made when a read needs it, so a broken credential fails the run, not the alarm. */
  context: () => RunContext;
  background: Pick<BackgroundStore, "saveJob" | "saveTabs" | "loadTabs" | "deleteTabs" | "pruneJobs">;
  results: Pick<ResultStore, "saveResult" | "recordRun">;
  setAlarm: (at: number) => Promise<void>;
  now: () => number;
  readsPerMinute: number;
}

/** Tells the decider `event`, executes what it decides, and so on until it asks for nothing that answers. */
export async function runStep(state: RunState, event: RunEvent, deps: RunnerDeps): Promise<RunState> {
  let pending: RunEvent | null = event;
  while (pending !== null) {
    const decision = next(state, pending, { now: deps.now(), readsPerMinute: deps.readsPerMinute });
    state = decision.state;
    pending = null;
    for (const effect of decision.effects) pending = (await execute(effect, deps)) ?? pending;
  }
  return state;
}

/** Executes one effect; a read answers with what it found, or what stopped it. */
async function execute(effect: Effect, deps: RunnerDeps): Promise<RunEvent | null> {
  switch (effect.type) {
    case "read-main":
    case "read-sources":
    case "finish":
      return read(effect, deps);
    case "keep-tabs":
      for (const { source, tabs } of effect.tabs) deps.background.saveTabs(effect.runId, source, tabs);
      return null;
    case "save":
      deps.background.saveJob(effect.state);
      return null;
    case "set-alarm":
      await deps.setAlarm(effect.at);
      return null;
    case "drop-tabs":
      deps.background.deleteTabs(effect.runId);
      return null;
    case "prune-runs":
      deps.background.pruneJobs(effect.keep);
      return null;
    case "store-result":
      deps.results.saveResult(effect.run.year, JSON.stringify(effect.run), effect.run.reviewKind);
      return null;
    case "log-run": {
      const { runId, request: req, startedAt, ok, status, message } = effect;
      deps.results.recordRun({
        runId,
        year: req.year,
        at: new Date(startedAt).toISOString(),
        dryRun: req.dryRun,
        ok,
        status,
        message,
        caller: req.caller,
      });
      return null;
    }
    default:
      return assertNever(effect);
  }
}

type ReadEffect = Extract<Effect, { type: "read-main" | "read-sources" | "finish" }>;

/** The effects that read Google Sheets: whatever they throw becomes the event of a failed step. */
async function read(effect: ReadEffect, deps: RunnerDeps): Promise<RunEvent> {
  let pacer: ReadPacer | undefined;
  try {
    const ctx = deps.context();
    pacer = runPacer(ctx, effect.pacerStarts);
    const paced = pacer;
    const pace = () => paced.acquire(ctx.policy.deadline);
    switch (effect.type) {
      case "read-main": {
        const main = await readMain(ctx, effect.request, pace);
        return { type: "main-read", list: main.list, requests: main.requests, pacerStarts: pacer.starts() };
      }
      case "read-sources": {
        const { entries, from, mainId } = effect;
        const got = await readSourceSpreadsheets(ctx.api, entries, {
          mainId,
          policy: ctx.policy,
          concurrency: ctx.sources?.concurrency,
          pace,
        });
        const read = got.read.map((s) => ({ source: from + entries.indexOf(s.entry), tabs: s.tabs }));
        return {
          type: "sources-read",
          to: from + entries.length,
          read,
          failed: got.failed,
          requests: got.requests,
          pacerStarts: pacer.starts(),
        };
      }
      case "finish": {
        // Read again: the tab ids the write needs must be current, and so must the units and the rules.
        const main = await readMain(ctx, effect.request, pace);
        const { list, failed } = effect;
        const kept = deps.background.loadTabs(effect.runId);
        const read = [...kept].flatMap(([i, tabs]) => {
          const entry = list?.entries[i];
          return entry === undefined ? [] : [{ entry, tabs }];
        });
        const run = await finishRun(
          ctx,
          effect.request,
          effect.startedAt,
          { ...main, list, requests: main.requests + effect.requests },
          list === null ? null : { read, failed, requests: 0 },
        );
        return { type: "finished", run, pacerStarts: pacer.starts() };
      }
      default:
        return assertNever(effect);
    }
  } catch (error) {
    return eventOfError(error, pacer?.starts() ?? effect.pacerStarts);
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected ${JSON.stringify(x)}`);
}

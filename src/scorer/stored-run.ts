/**
 * Reads a background run's stored body. Runs stored before the decider (`background-run.ts`) kept a loose job
 * object (`status` and `step` instead of `kind`); a run under way when the Worker is deployed, and the finished runs
 * whose progress is still readable, are read into the states of the decider so they carry on and answer as before.
 */
import type { SourceList } from "../../sheets-schema/source-list.ts";
import type { RunState } from "../jobs/background-run.ts";
import type { RunFailure } from "../jobs/run-failure.ts";
import type { FailedSourceReport } from "../jobs/score-spreadsheet.ts";
import type { FailedSource } from "../sheets/source-reader.ts";

/** The job object stored by the version before the decider. */
interface LegacyJob {
  status: "running" | "succeeded" | "failed";
  step: "main" | "sources" | "finishing" | "done";
  list: SourceList | null;
  next: number;
  failed: FailedSource[];
  summary?: Extract<RunState, { kind: "succeeded" }>["summary"];
  failedSources?: FailedSourceReport[];
  failure?: RunFailure;
}

type Base = Omit<Extract<RunState, { kind: "reading-main" }>, "kind">;

/** A stored body as a RunState, whichever version stored it. */
export function fromStored(body: unknown): RunState {
  if (typeof body === "object" && body !== null && "kind" in body) return body as RunState;
  const { status, step, list, next, failed, summary, failedSources, failure, ...base } = body as LegacyJob & Base;
  if (status === "failed") {
    return { ...base, kind: "failed", list, next, failed, failure: failure ?? unknownFailure };
  }
  if (status === "succeeded") {
    return {
      ...base,
      kind: "succeeded",
      list,
      failed,
      summary: summary ?? noSummary,
      failedSources: failedSources ?? [],
    };
  }
  if (step === "main") return { ...base, kind: "reading-main" };
  if (step === "sources" && list !== null) return { ...base, kind: "reading-sources", list, next, failed };
  return { ...base, kind: "finishing", list, failed };
}

const unknownFailure: RunFailure = { status: 500, code: "internal", message: "Lần chạy nền thất bại." };
const noSummary = { units: 0, registrations: 0, dataErrors: 0, tabsWritten: [] };

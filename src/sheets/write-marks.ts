import type { sheets_v4 } from "@googleapis/sheets";
import { LAST_RUN_KEY, STAGING_KEY, type WriteState } from "./gateway.ts";

type Request = sheets_v4.Schema$Request;

/**
 * The service's marks in a spreadsheet, as Google developer metadata (never a title someone could type):
 * - `dvk-score.staging = <run id>` on each hidden staging tab a run creates; the swap removes it in the same atomic
 *   request that shows the tab, so a tab carrying it is a staging tab that was never shown, and only such tabs are
 *   ever deleted as leftovers;
 * - `dvk-score.lastRun = <run id>` on the spreadsheet, set by the request that makes a run visible, so after a lost
 *   reply one `spreadsheets.get` tells whether that request was applied.
 */

/** The staging mark of a tab this run is creating. */
export function markStaging(sheetId: number, runId: string): Request {
  return {
    createDeveloperMetadata: {
      developerMetadata: {
        metadataKey: STAGING_KEY,
        metadataValue: runId,
        location: { sheetId },
        visibility: "DOCUMENT",
      },
    },
  };
}

/** Removes this run's staging marks: its tabs become ordinary generated tabs. */
export function unmarkStaging(runId: string): Request {
  return {
    deleteDeveloperMetadata: {
      dataFilter: { developerMetadataLookup: { metadataKey: STAGING_KEY, metadataValue: runId } },
    },
  };
}

/** Records `runId` as the last run written: updates the spreadsheet's mark, or creates it the first time. */
export function markRun(state: WriteState, runId: string): Request {
  if (state.lastRun !== null) {
    return {
      updateDeveloperMetadata: {
        dataFilters: [{ developerMetadataLookup: { metadataKey: LAST_RUN_KEY, locationType: "SPREADSHEET" } }],
        developerMetadata: { metadataValue: runId },
        fields: "metadataValue",
      },
    };
  }
  return {
    createDeveloperMetadata: {
      developerMetadata: {
        metadataKey: LAST_RUN_KEY,
        metadataValue: runId,
        location: { spreadsheet: true },
        visibility: "DOCUMENT",
      },
    },
  };
}

/**
 * One batchUpdate of a run's write, by what it does; each is atomic on Google's side. `body()` writes the request
 * body as sent, `{"requests":[…]}`, as text: a province's bodies are megabytes of cells, so each is written when
 * its call is sent and dropped after, rather than all held at once.
 * - `stage`: creates the hidden staging tabs (and removes a crashed run's leftovers);
 * - `fill`: writes rows into staging tabs (writing the same cells twice is harmless);
 * - `publish`: makes the run visible (the swap, or the whole write when it fits one request) and sets the run mark;
 * - `cleanup`: deletes this run's staging tabs after a failure.
 */
export type WriteStep = {
  kind: "stage" | "fill" | "publish" | "cleanup";
  /** The JSON text of the call's body. */
  body: () => string;
  /** The same body as the UTF-8 bytes sent, when the planner can write them without the whole text first. */
  bytes?: () => Uint8Array;
};

/**
 * Whether a step whose reply was lost is already applied, judged from what the spreadsheet holds now. A fill is
 * never "known applied": it is simply sent again.
 *
 * @example stepApplied({ kind: "publish", body }, { sheets, lastRun: "r1" }, "r1") // → true
 */
export function stepApplied(step: WriteStep, state: WriteState, runId: string): boolean {
  switch (step.kind) {
    case "stage":
      return state.sheets.some((s) => s.stagingRun === runId);
    case "fill":
      return false;
    case "publish":
      return state.lastRun === runId;
    case "cleanup":
      return !state.sheets.some((s) => s.stagingRun === runId);
    default: {
      const never: never = step.kind;
      return never;
    }
  }
}

/** Deletes the staging tabs of `runId` still present (by their mark only); null when there are none. */
export function planCleanup(state: WriteState, runId: string): WriteStep | null {
  const mine = state.sheets.filter((s) => s.stagingRun === runId);
  if (mine.length === 0) return null;
  const requests: Request[] = mine.map((s) => ({ deleteSheet: { sheetId: s.sheetId } }));
  return { kind: "cleanup", body: () => JSON.stringify({ requests }) };
}

import type { sheets_v4 } from "@googleapis/sheets";
import { describeFailure, SheetsRejectedError, SheetsUnavailableError, withRetry, type RetryPolicy } from "./retry.ts";
import { readWriteState, type WriteState } from "./gateway.ts";
import { planCleanup, stepApplied, type WriteStep } from "./write-marks.ts";
import { STAGING_PREFIX } from "./write-plan.ts";

/**
 * Sends a run's planned steps in order, each safe to repeat after a lost reply: when a write failed in a way that
 * may have reached Google (no answer, or a 5xx), the spreadsheet is read again before anything else is sent, and a
 * step found applied is not sent again (a swap whose reply was lost and that did apply is a success). If the run
 * fails after creating staging tabs, they are deleted — found by this run's mark, never by title or remembered id.
 * Returns the number of Sheets calls made.
 *
 * Failures: the error of the failed step, meaning nothing visible was written; `StagingLeftError` when hidden
 * staging tabs could not be removed; `WriteOutcomeUnknownError` when Google could not say whether the run was written.
 */
export async function executeWrite(
  api: sheets_v4.Sheets,
  spreadsheetId: string,
  steps: readonly WriteStep[],
  runId: string,
  policy: RetryPolicy,
): Promise<number> {
  const io = new WriteIo(api, spreadsheetId, policy);
  let staged = false;
  try {
    for (const step of steps) {
      // Counted before sending: a lost reply may have created the staging tabs.
      if (step.kind === "stage") staged = true;
      await sendStep(io, step, runId);
    }
    return io.calls;
  } catch (error) {
    if (!staged || error instanceof WriteOutcomeUnknownError) throw error;
    const cleaned = await cleanUp(io, runId);
    if (!cleaned && (error instanceof SheetsUnavailableError || error instanceof SheetsRejectedError)) {
      throw new StagingLeftError(error, runId);
    }
    throw error;
  }
}

/** The Sheets calls of one write, counted. */
class WriteIo {
  calls = 0;
  constructor(
    private readonly api: sheets_v4.Sheets,
    private readonly spreadsheetId: string,
    readonly policy: RetryPolicy,
  ) {}

  /** Sends a body the planner already wrote, as its UTF-8 bytes (or its JSON text): the client passes it through. */
  async batchUpdate(body: string | Uint8Array): Promise<void> {
    this.calls++;
    await this.api.spreadsheets.batchUpdate(
      // The client's type asks for the object; bytes or a string go through gaxios untouched, never serialised again.
      { spreadsheetId: this.spreadsheetId, requestBody: body as sheets_v4.Schema$BatchUpdateSpreadsheetRequest },
      { headers: { "content-type": "application/json" } },
    );
  }

  /** The tabs and marks now; `policy` defaults to the run's. */
  readState(policy: RetryPolicy = this.policy): Promise<WriteState> {
    return readWriteState(this.api, this.spreadsheetId, policy, {
      pace: async () => {
        this.calls++;
      },
    });
  }
}

/** A failure after which the request may or may not have been applied: no answer at all, or a server error. */
function mayHaveApplied(error: unknown): boolean {
  const { status } = describeFailure(error);
  return status === null || status >= 500;
}

/** Sends one step with retries; before each retry that follows an ambiguous failure, checks whether it applied. */
async function sendStep(io: WriteIo, step: WriteStep, runId: string): Promise<void> {
  let ambiguous = false;
  try {
    await withRetry(async () => {
      if (ambiguous && step.kind !== "fill" && stepApplied(step, await io.readState(), runId)) return;
      try {
        await io.batchUpdate(step.bytes?.() ?? step.body());
        ambiguous = false;
      } catch (error) {
        ambiguous = mayHaveApplied(error);
        throw error;
      }
    }, io.policy);
  } catch (error) {
    if (!ambiguous || step.kind === "fill") throw error;
    // The last reply was lost too: whether that attempt applied decides between success and failure.
    let state: WriteState;
    try {
      state = await io.readState({ ...io.policy, maxAttempts: 2 });
    } catch {
      if (step.kind === "publish") throw new WriteOutcomeUnknownError(error, runId);
      throw error;
    }
    if (!stepApplied(step, state, runId)) throw error;
  }
}

/** Deletes this run's staging tabs, found by their mark; false when Google could not be reached to do so. */
async function cleanUp(io: WriteIo, runId: string): Promise<boolean> {
  try {
    const step = planCleanup(await io.readState(), runId);
    if (step) await sendStep(io, step, runId);
    return true;
  } catch {
    return false;
  }
}

/** The run failed and its hidden staging tabs could not be removed: the visible tabs are unchanged. */
export class StagingLeftError extends Error {
  override readonly name = "StagingLeftError";
  /** The title prefix of the tabs left behind. */
  readonly stagingTitles: string;
  constructor(
    readonly reason: SheetsUnavailableError | SheetsRejectedError,
    readonly runId: string,
  ) {
    super(reason.message);
    this.stagingTitles = `${STAGING_PREFIX}${runId}~`;
  }
}

/** The reply to the request that makes the run visible was lost, and Google could not be asked whether it applied. */
export class WriteOutcomeUnknownError extends Error {
  override readonly name = "WriteOutcomeUnknownError";
  constructor(
    readonly reason: unknown,
    readonly runId: string,
  ) {
    super(describeFailure(reason).message);
  }
}

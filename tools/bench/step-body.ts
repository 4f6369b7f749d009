import type { WriteStep } from "../../src/sheets/write-marks.ts";

/** The text of one step's `batchUpdate` body, exactly as it goes to Google. */
export function stepBody(step: WriteStep): string {
  return step.body();
}

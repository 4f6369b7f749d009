import type { WriteStep } from "../../src/sheets/write-marks.ts";

/** The text of one step's `batchUpdate` body, exactly as it goes to Google (a fill goes as bytes: their text). */
export function stepBody(step: WriteStep): string {
  return step.bytes ? new TextDecoder().decode(step.bytes()) : step.body();
}

/**
 * Makes one step's body ready to send, as the Worker does, and returns its size: a fill's UTF-8 bytes, another
 * call's text read once. A body built with `+` is a rope until first read, when V8 copies it into one flat string:
 * that copy is part of the pipeline's cost and must be counted.
 */
export function readyToSend(step: WriteStep): number {
  if (step.bytes) return step.bytes().length;
  const body = step.body();
  body.charCodeAt(body.length - 1);
  return body.length;
}

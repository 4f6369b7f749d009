import type { sheets_v4 } from "@googleapis/sheets";

/**
 * The body of a `spreadsheets.batchUpdate`, handed to the googleapis client so that it is not copied.
 *
 * The client deep-copies every plain object it is given (the `extend` package, twice: once in googleapis, once in
 * gaxios) before serialising it; a province's write bodies are millions of cells, and those copies cost more CPU
 * than scoring the province. `extend` copies only plain objects — an instance of a class is passed by reference —
 * and `JSON.stringify` sends the same bytes for it (its own enumerable property, `requests`).
 *
 * @example api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: batchUpdateBody(requests) })
 */
export function batchUpdateBody(requests: sheets_v4.Schema$Request[]): sheets_v4.Schema$BatchUpdateSpreadsheetRequest {
  return new BatchUpdateBody(requests);
}

class BatchUpdateBody implements sheets_v4.Schema$BatchUpdateSpreadsheetRequest {
  constructor(readonly requests: sheets_v4.Schema$Request[]) {}
}

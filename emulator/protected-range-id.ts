import type { Spreadsheet } from "./model.ts";

/**
 * A protectedRangeId not yet used in `doc`. Google hands out large arbitrary ids; the emulator derives them from the
 * spreadsheet and the ranges it already holds, so the same requests on the same document give the same ids (a batch
 * applied in place and on a copy-on-write draft must agree).
 *
 * @example newProtectedRangeId(doc, new Set()) // → e.g. 1_305_467_291, the same every time for this document
 */
export function newProtectedRangeId(doc: Spreadsheet, used: ReadonlySet<unknown>): number {
  // FNV-1a over the spreadsheet id and the count of ranges, folded into 1 … 2^31 − 1.
  let hash = 0x811c9dc5;
  for (const ch of `${doc.spreadsheetId}:${used.size}`) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  let id = (hash % 2_147_483_646) + 1;
  while (used.has(id)) id = (id % 2_147_483_646) + 1;
  return id;
}

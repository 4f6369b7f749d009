import { badRequest } from "./errors.ts";
import { MAX_COLUMNS, type Rect, type Sheet, type Spreadsheet } from "./model.ts";

/**
 * A1 notation as the Sheets API reads and writes it: `Sheet1!A1:B2`, `'Đăng ký'!A2:P` (open-ended),
 * `'It''s'!A1` (quotes doubled), `A:C` (whole columns), `2:5` (whole rows), `Sheet1` (the whole sheet) and `A1:B2`
 * (the first visible sheet).
 */

/** A parsed A1 reference before it meets a sheet: zero-based, end-exclusive, `undefined` end = to the grid's edge. */
export interface A1Bounds {
  startRow: number;
  startCol: number;
  endRow: number | undefined;
  endCol: number | undefined;
}

export interface ParsedA1 {
  /** The sheet title as written (quotes removed); absent when the range names no sheet. */
  sheetName?: string;
  /** Absent when the text names a whole sheet. */
  bounds?: A1Bounds;
}

/** A range resolved against a spreadsheet: the sheet, and bounds that may still run past the grid. */
export interface A1Target {
  sheet: Sheet;
  bounds: A1Bounds;
}

/** `0 → "A"`, `25 → "Z"`, `26 → "AA"`. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** `"A" → 0`, `"aa" → 26`. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * A sheet title as Google writes it inside a range: bare when it is a plain identifier (`Sheet1`), quoted when it
 * holds spaces, punctuation or non-ASCII letters (`'Đăng ký'`, `'It''s'`) or could be read as a cell (`'A1'`).
 */
export function quoteSheetTitle(title: string): string {
  const plain =
    /^[A-Za-z_][A-Za-z0-9_]*$/.test(title) &&
    !/^[A-Za-z]{1,3}[0-9]+$/.test(title) &&
    !/^R[0-9]*C[0-9]*$/i.test(title) &&
    !/^(TRUE|FALSE)$/i.test(title);
  return plain ? title : `'${title.replace(/'/g, "''")}'`;
}

/** `Sheet1!A1:B2`, or `Sheet1!A1` for a single cell, from zero-based end-exclusive bounds. */
export function formatRange(title: string, startRow: number, endRow: number, startCol: number, endCol: number): string {
  const from = `${columnLetters(startCol)}${startRow + 1}`;
  const to = `${columnLetters(Math.max(endCol - 1, startCol))}${Math.max(endRow, startRow + 1)}`;
  return `${quoteSheetTitle(title)}!${from === to ? from : `${from}:${to}`}`;
}

/** The A1 text of a resolved rectangle. */
export function formatRect(rect: Rect): string {
  return formatRange(rect.sheet.properties.title, rect.startRow, rect.endRow, rect.startCol, rect.endCol);
}

/** Parses A1 text without looking at any sheet; `undefined` when it is not A1 notation at all. */
export function parseA1(input: string): ParsedA1 | undefined {
  const text = input.trim();
  if (text === "") return undefined;
  if (text.startsWith("'")) {
    let i = 1;
    let name = "";
    for (;;) {
      if (i >= text.length) return undefined;
      const ch = text[i] as string;
      if (ch === "'" && text[i + 1] === "'") {
        name += "'";
        i += 2;
      } else if (ch === "'") {
        i += 1;
        break;
      } else {
        name += ch;
        i += 1;
      }
    }
    if (name === "") return undefined;
    if (i === text.length) return { sheetName: name };
    if (text[i] !== "!") return undefined;
    const bounds = parseRef(text.slice(i + 1));
    return bounds ? { sheetName: name, bounds } : undefined;
  }
  const bang = text.lastIndexOf("!");
  if (bang >= 0) {
    const bounds = parseRef(text.slice(bang + 1));
    const name = text.slice(0, bang);
    return bounds && name !== "" ? { sheetName: name, bounds } : undefined;
  }
  const bounds = parseRef(text);
  return bounds ? { bounds } : { sheetName: text };
}

/**
 * Resolves A1 text against a spreadsheet: the named sheet (titles compare without regard to case, as in Sheets) or
 * the first visible sheet. An unknown sheet or bad text is Google's 400 "Unable to parse range: …".
 */
export function resolveA1(doc: Spreadsheet, input: string): A1Target {
  const parsed = parseA1(input);
  const sheet = parsed && (parsed.sheetName === undefined ? firstVisibleSheet(doc) : findSheet(doc, parsed.sheetName));
  if (!parsed || !sheet) throw badRequest(`Unable to parse range: ${input}`);
  return { sheet, bounds: parsed.bounds ?? { startRow: 0, startCol: 0, endRow: undefined, endCol: undefined } };
}

/** The sheet with this title, matched exactly first, then ignoring case. */
export function findSheet(doc: Spreadsheet, title: string): Sheet | undefined {
  const exact = doc.sheets.find((s) => s.properties.title === title);
  if (exact) return exact;
  const folded = title.toLowerCase();
  return doc.sheets.find((s) => s.properties.title.toLowerCase() === folded);
}

function firstVisibleSheet(doc: Spreadsheet): Sheet | undefined {
  const ordered = [...doc.sheets].sort((a, b) => a.properties.index - b.properties.index);
  return ordered.find((s) => !s.properties.hidden) ?? ordered[0];
}

interface RefPart {
  col?: number;
  row?: number;
}

function parsePart(text: string): RefPart | undefined {
  const m = /^\$?([A-Za-z]{1,3})?\$?([0-9]+)?$/.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined)) return undefined;
  const part: RefPart = {};
  if (m[1] !== undefined) part.col = columnIndex(m[1]);
  if (m[2] !== undefined) {
    const row = Number(m[2]);
    if (row < 1) return undefined;
    part.row = row - 1;
  }
  if (part.col !== undefined && part.col >= MAX_COLUMNS) return undefined;
  return part;
}

function parseRef(text: string): A1Bounds | undefined {
  const pieces = text.split(":");
  if (pieces.length > 2) return undefined;
  const first = parsePart(pieces[0] ?? "");
  if (!first) return undefined;
  if (pieces.length === 1) {
    if (first.col === undefined || first.row === undefined) return undefined;
    return { startRow: first.row, startCol: first.col, endRow: first.row + 1, endCol: first.col + 1 };
  }
  const second = parsePart(pieces[1] ?? "");
  if (!second) return undefined;
  const rowsOnly = (p: RefPart) => p.col === undefined;
  const colsOnly = (p: RefPart) => p.row === undefined;
  // `1:B` and `A:2` mean nothing.
  if ((rowsOnly(first) && !rowsOnly(second)) || (colsOnly(first) && rowsOnly(second))) return undefined;
  let startRow = first.row ?? 0;
  let startCol = first.col ?? 0;
  let endRow = second.row === undefined ? undefined : second.row + 1;
  let endCol = second.col === undefined ? undefined : second.col + 1;
  // `B2:A1` is the same rectangle as `A1:B2`.
  if (endRow !== undefined && endRow <= startRow) [startRow, endRow] = [endRow - 1, startRow + 1];
  if (endCol !== undefined && endCol <= startCol) [startCol, endCol] = [endCol - 1, startCol + 1];
  return { startRow, startCol, endRow, endCol };
}

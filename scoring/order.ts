/**
 * The orders results are listed in. Every order ends on fields that make it total, so the output never depends
 * on the order of the rows people typed.
 */
import type { Registration } from "./types.ts";

/** Vietnamese collation: "Dương" before "Đông", "O" before "Ô" before "Ơ". */
const collator = new Intl.Collator("vi");

/**
 * Compares two texts in Vietnamese collation, for sorting names.
 *
 * @example ["Đông", "Dương"].sort(compareVietnamese) // → ["Dương", "Đông"]
 */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

/**
 * Compares plain strings by UTF-16 code unit: for codes and sheet names, where a fixed order matters, not language.
 *
 * @example ["b", "B", "a"].sort(compareCodes) // → ["B", "a", "b"]
 */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Registrations by unit code, then where they were typed (spreadsheet, row). */
export function compareRegistrations(a: Registration, b: Registration): number {
  return compareCodes(a.unitCode, b.unitCode) || compareCodes(a.ref.source, b.ref.source) || a.ref.row - b.ref.row;
}

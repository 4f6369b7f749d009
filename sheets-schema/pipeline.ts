import { score, yearsScored } from "../scoring/score.ts";
import type { ScoringResult } from "../scoring/types.ts";
import { outputTabs } from "./output/write-tabs.ts";
import { readSources, type SkippedSource, type SourceTabs } from "./read-sources.ts";
import type { DataError, OutputTab, RawTabs } from "./types.ts";

export interface ScoredWorkbook {
  result: ScoringResult;
  /** Cells and rows that could not be read; they were left out of scoring and fill `Lỗi dữ liệu`. */
  errors: DataError[];
  /** Every generated tab, ready to write. */
  tabs: OutputTab[];
}

/**
 * The whole path from raw tab values to results and the grids to write back, so the Worker only does I/O:
 * read the input tabs of every spreadsheet of the run, the main one first (SPEC §2, §4; see `readSources` for how
 * several merge), apply the rules for `year` (§3), shape the generated tabs (§5). A missing tab or column of the
 * main spreadsheet, or a bad setting, throws the reader's `ContractError` unchanged, before anything exists to be
 * written. `extraErrors` (rows of `Nguồn dữ liệu` that could not be used, sources that could not be read) head the
 * list of data errors, where the Ban Chỉ đạo sees them first.
 */
export function scoreSources(
  sources: readonly SourceTabs[],
  year: number,
  options: { extraErrors?: readonly DataError[] } = {},
): ScoredWorkbook & { skipped: SkippedSource[] } {
  // Only the years the rules look at become records; every row is still read and checked for `Lỗi dữ liệu`.
  const read = readSources(sources, { years: yearsScored(year) });
  const { units, registrations, teams, settings, skipped } = read;
  const errors = options.extraErrors?.length ? [...options.extraErrors, ...read.errors] : read.errors;
  const rejectedRegistrations = new Map<string, number>();
  for (const r of read.rejectedRegistrations) {
    if (r.year === year) rejectedRegistrations.set(r.unitCode, (rejectedRegistrations.get(r.unitCode) ?? 0) + 1);
  }
  const result = score({ year, settings, units, registrations, teams, rejectedRegistrations });
  return { result, errors, tabs: outputTabs(result, errors), skipped };
}

/** `scoreSources` for one spreadsheet on its own. */
export function scoreWorkbook(tabs: RawTabs, year: number, options: { source?: string } = {}): ScoredWorkbook {
  const { skipped: _none, ...scored } = scoreSources([{ source: options.source ?? "", tabs }], year);
  return scored;
}

/**
 * What must hold however hostile the spreadsheet: the properties the fuzz test (workerd) and `npm run fuzz` (Node)
 * check after running one hostile workbook through `scoreWorkbook`.
 *
 * - the run either returns or stops with a ContractError (Vietnamese message, a place named) — nothing else;
 * - every data error names a tab of the workbook, a cell `'Tab'!A1` of that tab below the header, and says what is
 *   wrong in Vietnamese;
 * - every output cell is text, a finite number, a boolean or empty, and no text exceeds Google's 50,000 characters
 *   per cell (a longer one would make the whole write fail);
 * - a registration or team row with a data error is not scored (it appears nowhere in the result), and a unit row
 *   with one is kept only when the error says so.
 */
import { scoreWorkbook, type ScoredWorkbook } from "../../sheets-schema/pipeline.ts";
import { locateInputTabs } from "../../sheets-schema/tabs.ts";
import { ContractError, type DataError, type RawTabs } from "../../sheets-schema/types.ts";
import { hostileWorkbook, type HostileOptions, type HostileWorkbook } from "./hostile-workbook.ts";

/** Google Sheets refuses a cell holding more characters than this. */
export const MAX_CELL_CHARS = 50_000;

/** Vietnamese text: at least one letter with a Vietnamese diacritic. */
const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;
const A1_CELL = /^'((?:[^']|'')+)'!([A-Z]+)([1-9]\d*)$/;
/** The reader's words for a unit row it keeps despite the error (an unknown `Đơn vị cấp trên`). */
const KEPT_ROW = "vẫn được chấm";

export type Outcome = "ok" | "contract" | "failure";

export interface FuzzCase {
  seed: number;
  workbook: HostileWorkbook;
  outcome: Outcome;
  /** Data errors found (0 unless ok). */
  dataErrors: number;
  /** Every broken property, in words; empty when the case passed. */
  problems: string[];
  ms: number;
}

/** Generates the workbook of `seed`, scores it, and checks every property. */
export function runFuzzCase(seed: number, options: HostileOptions = {}): FuzzCase {
  const workbook = hostileWorkbook(seed, options);
  const started = performance.now();
  let scored: ScoredWorkbook | null = null;
  let thrown: unknown = null;
  try {
    scored = scoreWorkbook(workbook.tabs, workbook.year);
  } catch (error) {
    thrown = error;
  }
  const ms = performance.now() - started;
  const problems: string[] = [];
  let outcome: Outcome;
  if (scored !== null) {
    outcome = "ok";
    problems.push(...scoredProblems(workbook.tabs, scored));
  } else if (thrown instanceof ContractError) {
    outcome = "contract";
    problems.push(...contractErrorProblems(thrown));
  } else {
    outcome = "failure";
    const e = thrown as Error | undefined;
    problems.push(`threw ${e?.name ?? typeof thrown}: ${e?.message ?? String(thrown)}\n${e?.stack ?? ""}`);
  }
  return { seed, workbook, outcome, dataErrors: scored?.errors.length ?? 0, problems, ms };
}

/** What is wrong with a ContractError: it must speak Vietnamese and say where. */
export function contractErrorProblems(error: ContractError): string[] {
  const problems: string[] = [];
  if (!VIETNAMESE.test(error.message)) problems.push(`contract error not in Vietnamese: ${error.message}`);
  if (error.where.trim() === "") problems.push(`contract error without a place: ${error.message}`);
  return problems;
}

/** What is wrong with a run that returned. */
export function scoredProblems(tabs: RawTabs, scored: ScoredWorkbook): string[] {
  return [...dataErrorProblems(tabs, scored.errors), ...outputProblems(scored), ...leftOutProblems(tabs, scored)];
}

/** Every data error names a tab of the workbook, one of its cells below the header, and speaks Vietnamese. */
export function dataErrorProblems(tabs: RawTabs, errors: readonly DataError[]): string[] {
  const problems: string[] = [];
  for (const e of errors) {
    const where = `${e.cell} (${JSON.stringify(e.message).slice(0, 120)})`;
    if (!Object.hasOwn(tabs, e.tab)) problems.push(`data error on an unknown tab "${e.tab}": ${where}`);
    const m = A1_CELL.exec(e.cell);
    if (m === null) problems.push(`data error cell is not A1 notation: ${where}`);
    else {
      if (m[1]?.replaceAll("''", "'") !== e.tab)
        problems.push(`data error cell names another tab than "${e.tab}": ${where}`);
      if (Number(m[3]) < 2) problems.push(`data error on the header row: ${where}`);
      if (Number(m[3]) > (tabs[e.tab]?.length ?? 0)) problems.push(`data error below the last row: ${where}`);
    }
    if (!VIETNAMESE.test(e.message)) problems.push(`data error message not in Vietnamese: ${where}`);
    if (typeof e.value !== "string") problems.push(`data error value is not text: ${where}`);
  }
  return problems;
}

/** Every output cell is text, a finite number, a boolean or empty; text fits in one Sheets cell. */
export function outputProblems(scored: ScoredWorkbook): string[] {
  const problems: string[] = [];
  const titles = new Set<string>();
  for (const tab of scored.tabs) {
    if (titles.has(tab.title)) problems.push(`tab "${tab.title}" generated twice`);
    titles.add(tab.title);
    tab.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const at = `"${tab.title}" row ${r + 1} column ${c + 1}`;
        if (cell === null || typeof cell === "boolean") return;
        if (typeof cell === "number") {
          if (!Number.isFinite(cell)) problems.push(`${at}: number ${cell} is not finite`);
        } else if (typeof cell === "string") {
          if (cell.length > MAX_CELL_CHARS)
            problems.push(`${at}: ${cell.length} characters, over Google's ${MAX_CELL_CHARS}`);
          if (cell.includes("[object Object]") || cell.includes("function "))
            problems.push(`${at}: "${cell.slice(0, 80)}"`);
        } else problems.push(`${at}: a ${typeof cell}`);
      }),
    );
  }
  for (const u of scored.result.units) {
    if (!Number.isFinite(u.score) || u.score < 0 || u.score > 100)
      problems.push(`unit ${u.unit.code}: score ${u.score}`);
    if (!Number.isInteger(u.rank) || u.rank < 1) problems.push(`unit ${u.unit.code}: rank ${u.rank}`);
  }
  return problems;
}

/** A row with a data error is left out of scoring; only a unit row whose error says it is kept may stay. */
export function leftOutProblems(tabs: RawTabs, scored: ScoredWorkbook): string[] {
  const located = locateInputTabs(Object.keys(tabs));
  const bad = new Map<string, DataError[]>(); // "tab|row" → its errors
  for (const e of scored.errors) {
    const key = `${e.tab}|${A1_CELL.exec(e.cell)?.[3]}`;
    bad.set(key, [...(bad.get(key) ?? []), e]);
  }
  const errorsAt = (tab: string | null, row: number) => (tab === null ? [] : (bad.get(`${tab}|${row}`) ?? []));
  const problems: string[] = [];
  const { result } = scored;
  for (const v of result.registrations) {
    if (errorsAt(located.registrations, v.registration.ref.row).length > 0) {
      problems.push(`registration of row ${v.registration.ref.row} was scored despite a data error`);
    }
  }
  for (const item of result.review) {
    if (errorsAt(located.registrations, item.registration.ref.row).length > 0) {
      problems.push(`registration of row ${item.registration.ref.row} is in the review list despite a data error`);
    }
  }
  for (const f of result.teamFlags) {
    if (errorsAt(located.teams, f.team.ref.row).length > 0)
      problems.push(`team of row ${f.team.ref.row} is flagged despite a data error`);
  }
  for (const u of result.units) {
    const rejecting = errorsAt(located.units, u.unit.ref.row).filter((e) => !e.message.includes(KEPT_ROW));
    if (rejecting.length > 0)
      problems.push(`unit of row ${u.unit.ref.row} was ranked despite "${rejecting[0]?.message}"`);
  }
  return problems;
}

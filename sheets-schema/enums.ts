/**
 * Enumerated cells (SPEC §2, §4): each value is known by its Vietnamese name and a few usual spellings, matched
 * after normalisation, then without diacritics, spaces and punctuation (`VH-XH` = `vhxh` = `VH - XH`).
 */
import { cellText, EMPTY, fail, isEmptyCell, memoised, ok, quoted, type CellReader, type CellResult } from "./cell.ts";
import { compactKey, normalise } from "./normalise.ts";

/**
 * A reader of one closed set. `names` are the official Vietnamese names (listed in the error message), `aliases`
 * the further spellings accepted. Spellings that collide without diacritics are a programming error, caught at load.
 *
 * @example enumReader("Loại", { collective: "Tập thể", individual: "Cá nhân" }, { collective: ["TT"], individual: ["CN"] })("tt")
 *   // → { ok: true, value: "collective" }
 */
export function enumReader<T extends string>(
  label: string,
  names: Readonly<Record<T, string>>,
  aliases: Readonly<Partial<Record<T, readonly string[]>>>,
): CellReader<T> {
  const exact = new Map<string, T>();
  const loose = new Map<string, T>();
  for (const value of Object.keys(names) as T[]) {
    for (const spelling of [names[value], ...(aliases[value] ?? [])]) {
      const key = compactKey(spelling);
      const taken = loose.get(key);
      if (taken !== undefined && taken !== value) throw new Error(`${label}: "${spelling}" is ambiguous`);
      exact.set(normalise(spelling), value);
      loose.set(key, value);
    }
  }
  const accepted = Object.values<string>(names).join(", ");
  // Blank texts are remembered too, so that reading a typical cell is one look-up and nothing more.
  const readText = memoised((text: string): CellResult<T | null> => {
    if (isEmptyCell(text)) return EMPTY;
    const value = exact.get(normalise(text)) ?? loose.get(compactKey(text));
    return value === undefined
      ? fail(`Không hiểu ${quoted(text)}; ${label} phải là một trong: ${accepted}`)
      : ok(value);
  });
  return (cell) => {
    if (typeof cell === "string") return readText(cell);
    if (isEmptyCell(cell)) return EMPTY;
    return readText(cellText(cell));
  };
}

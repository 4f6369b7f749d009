/** Yes/no cells (SPEC §4): `Có`/`Không`, `C`/`K`, `x`, `✓`, checkboxes, `1`/`0`, `Đạt`/`Không đạt`. */
import { EMPTY, fail, isEmptyCell, memoised, ok, quoted, type CellResult } from "./cell.ts";
import { normalise, stripDiacritics } from "./normalise.ts";
import type { RawCell } from "./types.ts";

const YES = ["có", "c", "x", "✓", "✔", "☑", "✅", "true", "1", "đạt", "yes", "rồi"];
const NO = ["không", "k", "ko", "false", "0", "không đạt", "chưa đạt", "chưa", "no", "✗", "✘", "☐"];

const WORDS = new Map<string, boolean>();
for (const [words, value] of [
  [YES, true],
  [NO, false],
] as const) {
  for (const w of words) {
    WORDS.set(w, value);
    WORDS.set(stripDiacritics(w), value); // "co", "khong", "dat", "khong dat"
  }
}

const TRUE: CellResult<boolean> = ok(true);
const FALSE: CellResult<boolean> = ok(false);

const readYesNoText = memoised((text: string): CellResult<boolean> => {
  const key = normalise(text);
  const value = WORDS.get(key) ?? WORDS.get(stripDiacritics(key));
  if (value === undefined) return fail(`Không hiểu ${quoted(text)} là Có hay Không`);
  return value ? TRUE : FALSE;
});

/**
 * Reads a yes/no cell; `null` when empty (SPEC: empty is no, but `Xét danh hiệu` needs to tell empty apart).
 *
 * @example readYesNo("x") // → { ok: true, value: true }
 * @example readYesNo("không đạt") // → { ok: true, value: false }
 */
export function readYesNo(cell: RawCell | undefined): CellResult<boolean | null> {
  if (typeof cell === "boolean") return cell ? TRUE : FALSE;
  if (typeof cell === "number") {
    if (cell === 1) return TRUE;
    if (cell === 0) return FALSE;
    return fail(`Không hiểu ${quoted(cell)} là Có hay Không`);
  }
  if (isEmptyCell(cell)) return EMPTY;
  if (typeof cell !== "string") return fail(`Không hiểu ${quoted(cell)} là Có hay Không`);
  return readYesNoText(cell);
}

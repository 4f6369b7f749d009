/**
 * The text normalisation of SPEC §4: what makes two spellings of the same Vietnamese word compare equal.
 *
 * Used for headers, tab titles, setting names and every enumerated value; never for display. All regular
 * expressions are built once here, never per cell.
 */
import { flatText } from "../scoring/flat-text.ts";

// Invisible characters offices paste along with text: soft hyphen, zero-width space/joiners, LRM/RLM marks,
// word joiner and the byte-order mark.
const INVISIBLE = /[\u00AD\u200B-\u200F\u2060\uFEFF]/g;

/**
 * A text without the invisible characters pasted along with it, for readers that match it against a pattern
 * (`30%`, a spreadsheet id) where JavaScript's `trim` and `\s` would leave a zero-width space in place.
 *
 * @example withoutInvisible("30%\u200B") // → "30%"
 */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, "");
}
// Ð (U+00D0, Icelandic eth) and its look-alikes are typed for Đ by some keyboards and fonts.
const ETH = /[\u00D0\u00F0\u0189\u0256]/g;
// Hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar, minus sign, small and full-width hyphens.
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const WHITESPACE = /\s+/g;
const AROUND_DASH = / ?- ?/g;
const AROUND_COMMA = / ?, ?/g;
const TRAILING_COMMA_SPACE = /, $/;
// After NFD: a tone mark on the o of "oa"/"oe" or the u of "uy" (new placement, hòa, ủy) moves to the next vowel
// (old placement, hoà, uỷ). The vowel may carry a breve or circumflex, which must stay next to it.
const TONE_ON_O = /o([\u0300\u0301\u0303\u0309\u0323])([ae][\u0302\u0306]?)/g;
const TONE_ON_U = /u([\u0300\u0301\u0303\u0309\u0323])y/g;
const COMBINING = /[\u0300-\u036f]/g;
const SMALL_D = /[đ\u00F0\u0256]/g;
const CAPITAL_D = /[Đ\u00D0\u0189]/g;
// Decorations around labels that do not change their meaning: a required-field star, a colon, a "(%)" unit.
const LABEL_DECORATION = /\s*(?:\(\*\)|\*|:|\(%\))\s*$/;
const NOT_COMPACT = /[\s\-,.;/&()+_]/g;

/**
 * The comparison form of a text (SPEC §4): NFC, one tone-mark placement, `Ð` → `đ`, lower case, invisible
 * characters removed, white space trimmed and collapsed, every dash read as `-` with no space around it, and
 * one space after a comma.
 *
 * @example normalise(" Văn hoá – Xã  hội ") // → "văn hoá-xã hội", the same as normalise("Văn hóa - xã hội")
 */
export function normalise(text: string): string {
  let s = text.replace(INVISIBLE, "").replace(ETH, "đ").normalize("NFD").toLowerCase();
  s = s.replace(TONE_ON_O, "o$2$1").replace(TONE_ON_U, "uy$1").normalize("NFC");
  s = s.replace(DASHES, "-").replace(WHITESPACE, " ").trim();
  return s.replace(AROUND_DASH, "-").replace(AROUND_COMMA, ", ").replace(TRAILING_COMMA_SPACE, ",");
}

/**
 * The text without diacritics, `đ` read as `d`: for the accent-less matching of enumerations and headers.
 *
 * @example stripDiacritics("Xây dựng mới") // → "Xay dung moi"
 */
export function stripDiacritics(text: string): string {
  return text.normalize("NFD").replace(COMBINING, "").replace(SMALL_D, "d").replace(CAPITAL_D, "D");
}

/**
 * The loosest key a label or enumerated value is matched by: normalised, without diacritics, without spaces and
 * punctuation. Used only after an exact normalised match failed.
 *
 * @example compactKey("VH - XH") === compactKey("vhxh") // true
 */
export function compactKey(text: string): string {
  return stripDiacritics(normalise(text)).replace(NOT_COMPACT, "");
}

/**
 * The comparison form of a header, tab title or setting name: `normalise` without trailing decorations
 * (`Năm (*)`, `Mã đơn vị:`, `Tỷ lệ đồng ý phải trên (%)`).
 */
export const labelKey = rememberKeys((text) => normalise(text).replace(LABEL_DECORATION, ""));

/** `compactKey` of a label, decorations removed. */
export const compactLabelKey = rememberKeys((text) => stripDiacritics(labelKey(text)).replace(NOT_COMPACT, ""));

/**
 * A key function that remembers its answers, for labels: every run matches the same few dozen tab titles and
 * headers, each several times (every tab title against every wanted tab), and ten regular expressions and two
 * Unicode normalisations per label were a tenth of a small run's CPU (tools/bench/profile-run.ts). The memory is
 * the isolate's, bounded: at most `limit` labels, and it starts again empty when full.
 */
function rememberKeys(key: (text: string) => string, limit = 2000): (text: string) => string {
  const memory = new Map<string, string>();
  return (text) => {
    let found = memory.get(text);
    if (found === undefined) {
      if (memory.size >= limit) memory.clear();
      found = key(text);
      memory.set(text, found);
    }
    return found;
  };
}

/**
 * Text kept for display (names, notes, clusters): NFC, invisible characters removed, white space trimmed and
 * collapsed. Case and diacritics are kept as typed.
 */
export function tidyText(text: string): string {
  // Nearly every name is already tidy: one pass over its characters says so, and returns it without copying it.
  if (isTidy(text)) return text;
  // In one piece: V8 keeps a trimmed text as a slice of the typed one, and the names end up in the stored result,
  // whose JSON.stringify leaves its fast path for any slice (flatText).
  return flatText(text.replace(INVISIBLE, "").normalize("NFC").replace(WHITESPACE, " ").trim());
}

/**
 * The code point ranges of the characters a tidy text may have besides single spaces, inclusive (U+00A0 no-break
 * space and U+00AD soft hyphen fall between the second and third). Every character in them, and every pair of
 * them, is its own NFC; none is white space or invisible (normalise.test.ts checks all of them).
 */
export const TIDY_RANGES: readonly (readonly [number, number])[] = [
  [0x21, 0x7e], // printable ASCII
  [0xa1, 0xac], // ¡ … ¬
  [0xae, 0x2ff], // ® … Latin-1 letters, Latin Extended-A and -B (Đ, Ơ, Ư), IPA, spacing modifiers
  [0x1e00, 0x1eff], // Latin Extended Additional: the precomposed Vietnamese letters (ạ, ế, ữ …)
  [0x2010, 0x2027], // dashes, curly quotes, bullet, ellipsis
];

const TIDY_CHARACTER = `[${TIDY_RANGES.map(([first, last]) => `\\u{${first.toString(16)}}-\\u{${last.toString(16)}}`).join("")}]`;
// Words of tidy characters with single spaces between them: already what `tidyText` returns.
const TIDY = new RegExp(`^(?:${TIDY_CHARACTER}+(?: ${TIDY_CHARACTER}+)*)?$`, "u");

/**
 * Whether `tidyText` would return the text unchanged: single spaces between characters from TIDY_RANGES (ASCII,
 * Latin letters, the precomposed Vietnamese letters, dashes and curly quotes), which need no composing. Anything
 * else — a combining mark, another script, a tab, a double space — returns false and takes the slow path.
 *
 * Why: every name of every row passes here, and this one anchored test costs a third of the regular expression
 * and `String.normalize` it replaces on a province (tools/bench).
 */
export function isTidy(text: string): boolean {
  return TIDY.test(text);
}

// Printable ASCII with no space and no lower-case letter: a code that is its own key.
const PLAIN_UPPER_CODE = /^[\x21-\x60\x7b-\x7e]*$/;

/**
 * The comparison key of a code (`Mã đơn vị`, `Mã mô hình`, `Mã tổ`): trimmed, white space collapsed, upper case.
 *
 * @example codeKey(" xa01 ") // → "XA01"
 */
export function codeKey(text: string): string {
  // Most codes are typed plain and upper case: return them as they are, with no new string (50 000 rows per read).
  if (PLAIN_UPPER_CODE.test(text)) return text;
  return tidyText(text).toUpperCase();
}

/** A1 notation (SPEC §4): how a cell is named in `Lỗi dữ liệu` and in contract errors, the way Google writes it. */

/**
 * The column letters of a 0-based column index.
 *
 * @example columnLetters(0) // → "A"
 * @example columnLetters(26) // → "AA"
 */
export function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * A tab title as A1 notation needs it: always quoted, single quotes inside doubled.
 *
 * @example quoteTab("Đăng ký") // → "'Đăng ký'"
 */
export function quoteTab(title: string): string {
  return `'${title.replaceAll("'", "''")}'`;
}

/**
 * One cell in A1 notation.
 *
 * @example cellRef("Đăng ký", 12, 7) // → "'Đăng ký'!H12"
 */
export function cellRef(tab: string, row: number, column: number): string {
  return `${quoteTab(tab)}!${columnLetters(column)}${row}`;
}

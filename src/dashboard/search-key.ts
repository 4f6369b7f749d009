import { normalise, stripDiacritics } from "../../sheets-schema/normalise.ts";

/**
 * What the dashboard's filter box matches a unit by: its code and name in lower case, without diacritics, `đ` as `d`,
 * spaces collapsed. Computed on the server into a `data-search` attribute, so the page's script only folds what the
 * person types (the same way: see FILTER_SCRIPT) and never works per unit on load.
 *
 * @example searchKey("X03-T04", "Thôn Hòa Bình") // → "x03-t04 thon hoa binh"
 */
export function searchKey(code: string, name: string): string {
  return stripDiacritics(normalise(`${code} ${name}`));
}

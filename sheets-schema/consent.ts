/**
 * Consent of a source spreadsheet (SPEC §2.5, §6): a spreadsheet listed in another one's `Nguồn dữ liệu` is read
 * only when its own editors agreed, by naming that main spreadsheet in their tab `Gửi về` (column
 * `Mã bảng tính hoặc đường dẫn`: an id or a Google Sheets address, one per row, as in `Nguồn dữ liệu`). Without it,
 * anyone able to edit a main spreadsheet could pull into it any other spreadsheet the service account can read.
 */
import { isEmptyCell } from "./cell.ts";
import { locateColumns } from "./headers.ts";
import { readSpreadsheetRef, SOURCE_COLUMNS } from "./source-list.ts";
import { ContractError, type RawGrid } from "./types.ts";

export const CONSENT_TAB = "Gửi về";

const CONSENT_COLUMNS = [SOURCE_COLUMNS[0]] as const;

/**
 * Whether the `Gửi về` tab of a source names `mainId` (by id or address) in `Mã bảng tính hoặc đường dẫn`.
 * A tab without that header, or a cell that is no spreadsheet reference, names nothing.
 *
 * @example consentsTo([["Mã bảng tính hoặc đường dẫn"], ["https://docs.google.com/spreadsheets/d/tinh-1/edit"]], "tinh-1") // → true
 * @example consentsTo([["Mã bảng tính hoặc đường dẫn"], ["tinh-2"]], "tinh-1") // → false
 */
export function consentsTo(grid: RawGrid, mainId: string): boolean {
  let column: number;
  try {
    column = locateColumns(CONSENT_TAB, grid[0], CONSENT_COLUMNS).spreadsheet;
  } catch (error) {
    if (error instanceof ContractError) return false;
    throw error;
  }
  return grid.slice(1).some((row) => {
    const cell = row[column];
    if (isEmptyCell(cell)) return false;
    const ref = readSpreadsheetRef(cell);
    return ref.ok && ref.value === mainId;
  });
}

/**
 * Why a source is not read without consent, in words its editors can act on.
 *
 * @example noConsentReason("tinh-1") // → 'bảng tính nguồn chưa đồng ý gửi dữ liệu về bảng tính này: …'
 */
export function noConsentReason(mainId: string): string {
  return `bảng tính nguồn chưa đồng ý gửi dữ liệu về bảng tính này: người quản lý bảng tính nguồn cần thêm trang tính "${CONSENT_TAB}" có cột "${SOURCE_COLUMNS[0].header}" và ghi vào đó mã bảng tính chính (${mainId}) hoặc đường dẫn của nó`;
}

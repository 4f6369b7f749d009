import { quoteTab } from "../../sheets-schema/a1.ts";
import { SOURCES_TAB } from "../../sheets-schema/source-list.ts";
import { ContractError, NoRegistrationsError } from "../../sheets-schema/types.ts";
import { ConfigError } from "../config/config.ts";
import { SheetsRejectedError, SheetsUnavailableError } from "../sheets/retry.ts";
import { SourceUnavailableError } from "../sheets/source-reader.ts";
import { StagingLeftError, WriteOutcomeUnknownError } from "../sheets/write-output.ts";
import { SourcesTooSlowError } from "./score-spreadsheet.ts";

/** A failed run as the HTTP layer reports it: a status and a Vietnamese message (nothing was written). */
export interface RunFailure {
  status: 400 | 403 | 404 | 409 | 422 | 429 | 500 | 502 | 503;
  code: string;
  message: string;
  /** The cell, tab or column a contract error is about. */
  where?: string;
  retryAfterSeconds?: number;
}

/** Turns what a run threw into the answer a person can act on. */
export function describeRunFailure(error: unknown): RunFailure {
  if (error instanceof ConfigError) {
    console.error(error.message);
    return { status: 500, code: "config", message: error.publicMessage };
  }
  if (error instanceof NoRegistrationsError) {
    return { status: 422, code: "no_registrations", message: error.message, where: error.where };
  }
  if (error instanceof ContractError) {
    return { status: 422, code: "contract", message: error.message, where: error.where };
  }
  if (error instanceof SourcesTooSlowError) {
    return { status: 422, code: "too_many_sources", message: error.message, where: quoteTab(SOURCES_TAB) };
  }
  if (error instanceof SourceUnavailableError) {
    const unavailable = describeRunFailure(error.unavailable);
    const { name, spreadsheetId, cell } = error.entry;
    return {
      ...unavailable,
      message: `Không đọc được nguồn "${name}" (${spreadsheetId}): ${unavailable.message}`,
      where: cell,
    };
  }
  if (error instanceof StagingLeftError) {
    const underlying = describeRunFailure(error.reason);
    return {
      ...underlying,
      code: "staging_left",
      message:
        `${underlying.message.replace(" Không có gì được ghi.", "")} Các trang kết quả đang hiển thị không thay đổi, nhưng còn ` +
        `các trang tạm ẩn "${error.stagingTitles}…" chưa xoá được; lần chấm sau sẽ tự xoá chúng.`,
    };
  }
  if (error instanceof WriteOutcomeUnknownError) {
    return {
      status: 502,
      code: "write_unknown",
      message:
        `Mất kết nối với Google Sheets đúng lúc ghi kết quả (${error.message}) và không kiểm tra lại được: kết quả có thể ` +
        `đã được ghi hoặc chưa. Hãy xem "Nhật ký chấm điểm" có dòng mã lần chạy ${error.runId} không; nếu không có, hãy chấm lại.`,
    };
  }
  if (error instanceof SheetsUnavailableError) {
    const overQuota = error.failure.status === 429;
    return {
      status: overQuota ? 503 : 502,
      code: overQuota ? "sheets_quota" : "sheets_unavailable",
      message: overQuota
        ? `Google Sheets đang giới hạn số yêu cầu (đã thử ${error.attempts} lần). Không có gì được ghi; vui lòng thử lại sau ít phút.`
        : `Không kết nối được Google Sheets sau ${error.attempts} lần thử (${error.failure.message}). Không có gì được ghi.`,
      ...(error.failure.retryAfterMs !== null
        ? { retryAfterSeconds: Math.ceil(error.failure.retryAfterMs / 1000) }
        : {}),
    };
  }
  if (error instanceof SheetsRejectedError) {
    const { status, message } = error.failure;
    if (status === 404) {
      return {
        status: 404,
        code: "sheets_not_found",
        message:
          "Google không tìm thấy bảng tính. Hãy kiểm tra mã bảng tính (spreadsheetId) và bảng tính đã được chia sẻ cho " +
          `email của tài khoản dịch vụ (client_email trong GOOGLE_SERVICE_ACCOUNT_JSON). Google trả lời: ${message}`,
      };
    }
    if (status === 403 || status === 401) {
      return {
        status: 403,
        code: "sheets_forbidden",
        message: `Tài khoản dịch vụ không có quyền với bảng tính này (hãy chia sẻ bảng tính cho email của tài khoản dịch vụ với quyền chỉnh sửa): ${message}`,
      };
    }
    return { status: 502, code: "sheets_rejected", message: `Google Sheets từ chối yêu cầu: ${message}` };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { status: 500, code: "internal", message: `Lỗi không mong đợi: ${message}` };
}

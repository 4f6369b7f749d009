import { ErrorBody } from "./schemas.ts";

/**
 * An error answer of the API reference: the `Error` body (`{ error: { code, message, field?, where? } }`) and what it
 * means, in Vietnamese.
 *
 * @example errorResponse("Chưa có kết quả cho năm này") // → { description: "…", content: { "application/json": { schema: ErrorBody } } }
 */
export function errorResponse(description: string) {
  return { description, content: { "application/json": { schema: ErrorBody } } };
}

/** 401: no identity, or a wrong one. */
export const NOT_SIGNED_IN = errorResponse("Thiếu hoặc sai mã truy cập / danh tính Cloudflare Access");
/** 403 of a route that calls Sheets: a reader, or a spreadsheet the service account may not edit. */
export const NOT_A_SCORER_OR_NOT_SHARED = errorResponse(
  "Người gọi chỉ được xem (không có trong SCORER_EMAILS, hoặc dùng READ_TOKEN), hoặc tài khoản dịch vụ không có quyền với bảng tính (sheets_forbidden); không ghi gì",
);
/** 404: Google knows no such spreadsheet, or it is not shared with the service account. */
export const SHEETS_NOT_FOUND = errorResponse(
  "Google không tìm thấy bảng tính: sai mã, hoặc chưa chia sẻ cho tài khoản dịch vụ (sheets_not_found); không ghi gì",
);
/** 415: a body sent without `Content-Type: application/json` (curl's `-d` sends a form type by default). */
export const NOT_JSON = errorResponse(
  "Nội dung yêu cầu không được gửi dưới dạng JSON (cần Content-Type: application/json)",
);
/** 500: a setting of the Worker is missing or wrong, or an error nobody foresaw. */
export const SERVER_FAULT = errorResponse(
  "Cấu hình của Worker thiếu hoặc sai (config), hoặc lỗi không mong đợi (internal)",
);
/** 502: Google Sheets did not answer, even after the retries. */
export const SHEETS_DOWN = errorResponse("Google Sheets không trả lời; không ghi gì");
/** 503: Google Sheets kept refusing for its quota, even after the retries. */
export const SHEETS_OVER_QUOTA = errorResponse("Google Sheets quá hạn mức; không ghi gì");

/** The error answers of the routes that call Sheets for a scorer (`POST /api/score`, `POST /api/setup`). */
export const SCORER_SHEETS_ERRORS = {
  400: errorResponse("Yêu cầu sai (nêu tên trường)"),
  401: NOT_SIGNED_IN,
  403: NOT_A_SCORER_OR_NOT_SHARED,
  404: SHEETS_NOT_FOUND,
  415: NOT_JSON,
  500: SERVER_FAULT,
  502: SHEETS_DOWN,
  503: SHEETS_OVER_QUOTA,
} as const;

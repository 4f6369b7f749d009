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
/** 403: an identity that may only read, asking to score or set up. */
export const NOT_A_SCORER = errorResponse(
  "Người gọi chỉ được xem (không có trong SCORER_EMAILS, hoặc dùng READ_TOKEN)",
);
/** 502: Google Sheets did not answer, even after the retries. */
export const SHEETS_DOWN = errorResponse("Google Sheets không trả lời; không ghi gì");
/** 503: Google Sheets kept refusing for its quota, even after the retries. */
export const SHEETS_OVER_QUOTA = errorResponse("Google Sheets quá hạn mức; không ghi gì");

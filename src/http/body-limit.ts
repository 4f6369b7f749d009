import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { ApiError } from "./api-error.ts";

/** The largest request body accepted. The API's bodies are a few hundred bytes; 64 KB leaves room and no more. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Refuses a request body over `maxBytes` with 413 and a Vietnamese message, before any route reads it: by its
 * Content-Length when it has one, else while it streams in, so a chunked body is never buffered beyond the limit.
 */
export function requestBodyLimit(maxBytes = MAX_BODY_BYTES): MiddlewareHandler<{ Bindings: Env }> {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ApiError(
        413,
        "payload_too_large",
        `Nội dung yêu cầu quá lớn (tối đa ${Math.floor(maxBytes / 1024)} KB).`,
      );
    },
  });
}

import type { Hook } from "@hono/zod-openapi";
import { ApiError } from "../http/api-error.ts";

/**
 * Refuses a request that fails its zod schema with 400 and the first bad field named, in Vietnamese (the messages
 * come from zod's Vietnamese locale, see zod-vietnamese.ts).
 * e.g. { "year": "2024" } → 400 { error: { code: "invalid_request", field: "year", message: "Trường \"year\" không hợp lệ: cần số, nhận được chuỗi ký tự." } }
 */
export const validationHook: Hook<unknown, { Bindings: Env }, string, unknown> = (result) => {
  if (result.success) return;
  const issue = result.error.issues[0];
  const field = issue?.path.length
    ? issue.path.join(".")
    : issue && "keys" in issue
      ? String((issue.keys as string[])[0])
      : "";
  const detail = issue?.code === "unrecognized_keys" ? "trường không được hỗ trợ" : (issue?.message ?? "không hợp lệ");
  // No field to name: the body as a whole is wrong (`[]`, `null`, a bare text instead of an object).
  if (field === "") {
    throw new ApiError(400, "invalid_request", `Nội dung yêu cầu không hợp lệ: ${detail}.`, { field: "body" });
  }
  throw new ApiError(400, "invalid_request", `Trường "${field}" không hợp lệ: ${detail}.`, { field });
};

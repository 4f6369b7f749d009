import type { Hook } from "@hono/zod-openapi";

/**
 * Answers a request that fails its zod schema with 400 and the first bad field named, in Vietnamese.
 * e.g. { "year": "2024" } → 400 { error: { code: "invalid_request", field: "year", message: "Trường \"year\" không hợp lệ: …" } }
 */
export const validationHook: Hook<unknown, { Bindings: Env }, string, unknown> = (result, c) => {
  if (result.success) return;
  const issue = result.error.issues[0];
  const field = issue?.path.length ? issue.path.join(".") : (issue && "keys" in issue ? String((issue.keys as string[])[0]) : "");
  const detail = issue?.code === "unrecognized_keys" ? "trường không được hỗ trợ" : (issue?.message ?? "không hợp lệ");
  return c.json(
    { error: { code: "invalid_request", field, message: `Trường "${field}" không hợp lệ: ${detail}.` } },
    400,
  );
};

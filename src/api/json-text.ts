import type { TypedResponse } from "hono";

/**
 * Answers 200 with JSON that is already text — a run is serialised once, when it is stored, and re-parsing it only to
 * serialise it again would double the cost. `T` names what the text holds (`JSON.stringify` of a `T`), so the route
 * is still type-checked against its OpenAPI response schema.
 *
 * The text may come as a stream of its UTF-8 bytes (a run's answer does: made outside the JavaScript heap), sent as
 * they are.
 *
 * @example return jsonText<ScoreRun>(reply.body);
 */
export function jsonText<T>(text: string | ReadableStream<Uint8Array>): TypedResponse<T, 200, "json"> & Response {
  const res = new Response(text, { headers: { "Content-Type": "application/json; charset=utf-8" } });
  return res as TypedResponse<T, 200, "json"> & Response;
}

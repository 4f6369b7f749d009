import type { ReviewKind } from "../../scoring/review-kind.ts";

/** The Durable Object that owns one spreadsheet: its lock and its stored results. */
export function scorerFor(env: Env, spreadsheetId: string) {
  return env.SCORER.get(env.SCORER.idFromName(spreadsheetId));
}

/**
 * The latest stored run of `review` for `year`, parsed, or null. Read from the stored UTF-8 bytes as they come
 * (`latestResultBody`), never as one string copied from the Durable Object and parsed again.
 */
export async function storedResult<T>(
  scorer: ReturnType<typeof scorerFor>,
  year: number,
  review: ReviewKind = "nam",
): Promise<T | null> {
  const body = await scorer.latestResultBody(year, review);
  return body === null ? null : ((await new Response(body).json()) as T);
}

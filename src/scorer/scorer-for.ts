/** The Durable Object that owns one spreadsheet: its lock and its stored results. */
export function scorerFor(env: Env, spreadsheetId: string) {
  return env.SCORER.get(env.SCORER.idFromName(spreadsheetId));
}

/**
 * What points a local Worker (`wrangler dev`) at the local Sheets emulator, whatever port the emulator got: the
 * Sheets API, its token endpoint, and the Cloudflare Access team, which the emulator plays by serving the
 * development key's JWKS at `/cdn-cgi/access/certs` (start it with `accessJwks: devAccessJwks()`). Written as a
 * second env file, read by wrangler after `.dev.vars(.example)`, so these addresses win. Used by `npm start` and by
 * the benchmarks, load test and browser test (tools/bench/worker-process.ts).
 *
 * @example localWorkerOverrides("http://127.0.0.1:8790")
 *   // → 'SHEETS_API_ROOT="http://127.0.0.1:8790/"\nGOOGLE_TOKEN_URL="http://127.0.0.1:8790/token"\nACCESS_TEAM_DOMAIN="http://127.0.0.1:8790"\n'
 */
export function localWorkerOverrides(emulatorUrl: string): string {
  return `SHEETS_API_ROOT="${emulatorUrl}/"\nGOOGLE_TOKEN_URL="${emulatorUrl}/token"\nACCESS_TEAM_DOMAIN="${emulatorUrl}"\n`;
}

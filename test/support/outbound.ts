/**
 * Where the Worker's outbound requests go in tests. Google's hosts (the Sheets API and the OAuth token endpoint) are
 * routed to the local emulator, so the production code path — JWT signed in workerd, token exchanged, Sheets called
 * through @googleapis/sheets — runs unchanged. Anything else is refused loudly.
 */
import { devAccessJwks } from "../../tools/dev-access/key.ts";

export const EMULATOR_HOST = "sheets-emulator.test";

/** The Cloudflare Access team of the tests: its JWKS is the development key's (tools/dev-access/key.ts). */
export const ACCESS_TEAM = "dvk-test.cloudflareaccess.com";

export async function routeOutbound(request: Request): Promise<Response> {
  const base = process.env.DVK_TEST_EMULATOR_URL;
  if (!base) return new Response("emulator not started", { status: 599 });
  const url = new URL(request.url);
  // jose fetches the team's keys from here, as it would from Cloudflare: the real verification path runs in workerd.
  if (url.hostname === ACCESS_TEAM && url.pathname === "/cdn-cgi/access/certs") return Response.json(devAccessJwks());
  const target =
    url.hostname === "oauth2.googleapis.com" && url.pathname === "/token"
      ? `${base}/token`
      : url.hostname === "sheets.googleapis.com" || url.hostname === EMULATOR_HOST
        ? `${base}${url.pathname}${url.search}`
        : null;
  if (!target) return new Response(`unexpected outbound request: ${request.url}`, { status: 599 });
  const init: RequestInit & { duplex?: string } = { method: request.method, headers: request.headers };
  if (request.method !== "GET" && request.method !== "HEAD") {
    init.body = await request.arrayBuffer();
  }
  return fetch(target, init);
}

/**
 * Where the Worker's outbound requests go in tests. Google's hosts (the Sheets API and the OAuth token endpoint) are
 * routed to the local emulator, so the production code path — JWT signed in workerd, token exchanged, Sheets called
 * through @googleapis/sheets — runs unchanged. Anything else is refused loudly.
 */
export const EMULATOR_HOST = "sheets-emulator.test";

export async function routeOutbound(request: Request): Promise<Response> {
  const base = process.env.DVK_TEST_EMULATOR_URL;
  if (!base) return new Response("emulator not started", { status: 599 });
  const url = new URL(request.url);
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

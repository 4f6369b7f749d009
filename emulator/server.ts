import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { routeSheets } from "./api.ts";
import { routeControl } from "./control.ts";
import { ApiError, errorBody, quotaExceeded, unauthenticated } from "./errors.ts";
import { Faults, parseFaultHeader, type FaultRule } from "./faults.ts";
import { parseFieldMask, pickFields } from "./field-mask.ts";
import { indexPage, spreadsheetPage } from "./html-view.ts";
import { parseRequestBody } from "./request-check.ts";
import { Stats } from "./stats.ts";
import { Store } from "./store.ts";
import { TokenIssuer } from "./token.ts";

/**
 * The emulator's HTTP server: Google's paths (`/v4/spreadsheets/...`), the OAuth token endpoint (`/token`), the
 * control API (`/_emulator/...`) and the HTML view (`/`, `/view/{id}`). Routing, authentication, fault injection
 * and error bodies live here; what each endpoint does lives in api.ts, control.ts and below.
 */
export interface EmulatorOptions {
  /** Port on 127.0.0.1; 0 picks a free one. Default 8790. */
  port?: number;
  /** Directory of the spreadsheet files; absent keeps everything in memory. */
  dataDir?: string;
  /**
   * Token checking. Absent/false: any bearer token, or none, is accepted. true: only tokens issued by `/token`.
   * A string: that token, or one issued by `/token`. A rejected or missing token is Google's 401.
   */
  checkToken?: boolean | string;
  /** PEM public key: when set, `/token` verifies the assertion's RS256 signature with it. */
  publicKeyPem?: string;
  /**
   * A Cloudflare Access team's JWKS, served at `/cdn-cgi/access/certs` as Access serves it: `npm start` makes the
   * local stack the Access team of the development Worker (development key only).
   */
  accessJwks?: unknown;
  log?: (line: string) => void;
}

export interface RunningEmulator {
  url: string;
  port: number;
  store: Store;
  faults: Faults;
  stats: Stats;
  close(): Promise<void>;
}

const TOKEN_PATHS = new Set(["/token", "/oauth2/v4/token", "/o/oauth2/token"]);
const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** Starts the emulator; resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const log = options.log ?? (() => {});
  const store = new Store(options.dataDir, log);
  const faults = new Faults();
  const stats = new Stats();
  const tokens = new TokenIssuer(options.publicKeyPem);
  let baseUrl = "";

  const server = createServer((req, res) => {
    const started = Date.now();
    handle(req, res)
      .catch((error: unknown) => {
        const apiError = error instanceof ApiError ? error : new ApiError(500);
        if (!(error instanceof ApiError)) log(`internal error: ${(error as Error).stack ?? String(error)}`);
        sendJson(res, apiError.code, errorBody(apiError));
      })
      .finally(() => log(`${req.method} ${req.url} → ${res.statusCode} (${Date.now() - started} ms)`));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    const rawPath = url.pathname;
    const path = safeDecode(rawPath);
    const text = await readBody(req);

    if (path.startsWith("/_emulator/")) {
      const control = routeControl(method, path);
      if (!control) throw new ApiError(404, "The requested URL was not found on this server.");
      const reply = control({ store, faults, stats, body: parseJson(text) });
      return sendJson(res, reply.status, reply.json);
    }
    if (method === "GET" && path === "/cdn-cgi/access/certs" && options.accessJwks !== undefined) {
      return sendJson(res, 200, options.accessJwks);
    }
    if (method === "GET" && (path === "/" || path === "/view" || path === "/view/")) {
      return sendHtml(res, indexPage(store.list()));
    }
    if (method === "GET" && path.startsWith("/view/")) {
      return sendHtml(res, spreadsheetPage(store.get(path.slice("/view/".length))));
    }

    if (TOKEN_PATHS.has(path) && method === "POST") {
      stats.count(method, "token");
      await applyFault(req, res, { method, path, kind: "token" });
      if (res.writableEnded) return;
      const reply = tokens.exchange(formOf(text, req.headers["content-type"]));
      if (reply.status === 200) stats.tokenIssued();
      return sendJson(res, reply.status, reply.body);
    }

    const route = routeSheets(method, rawPath);
    stats.count(method, route?.kind ?? "unknown");
    if (!route) throw new ApiError(404, "The requested URL was not found on this server.");
    checkAuth(req, url.searchParams);
    const lost = await applyFault(req, res, { method, path, kind: route.kind });
    if (res.writableEnded) return;
    const body = parseJson(text) ?? {};
    if (typeof body !== "object" || Array.isArray(body))
      throw new ApiError(400, "Invalid JSON payload received. Expected an object.");
    // Before dispatch, as on Google: a body with an unknown field or a wrong type changes nothing.
    const request = parseRequestBody(route.kind, body as Record<string, unknown>);
    let result = route.handle({ store, query: url.searchParams, body: request, baseUrl });
    if (lost) return loseReply(res, lost);
    const fields = url.searchParams.get("fields");
    if (fields) result = pickFields(result, parseFieldMask(fields));
    sendJson(res, 200, result, url.searchParams.get("prettyPrint") !== "false");
  }

  function checkAuth(req: IncomingMessage, query: URLSearchParams): void {
    if (!options.checkToken) return;
    const header = req.headers.authorization ?? "";
    const bearer = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim() ?? query.get("access_token") ?? "";
    if (bearer === "") throw unauthenticated(true);
    const accepted =
      tokens.isValid(bearer) || (typeof options.checkToken === "string" && bearer === options.checkToken);
    if (!accepted) throw unauthenticated(false);
  }

  /** Applies the fault rule for this request; returns it when the request must be carried out and its reply lost. */
  async function applyFault(
    req: IncomingMessage,
    res: ServerResponse,
    info: { method: string; path: string; kind: string },
  ): Promise<FaultRule | undefined> {
    const header = req.headers["x-emulator-fault"];
    const rule: FaultRule | undefined =
      typeof header === "string" && header !== "" ? parseFaultHeader(header) : faults.take(info);
    if (!rule) return undefined;
    stats.fault(rule.status !== undefined || rule.afterApply === true, rule.delayMs !== undefined);
    if (rule.delayMs) await new Promise((resolve) => setTimeout(resolve, rule.delayMs));
    if (rule.afterApply) return rule;
    if (rule.status === undefined) return undefined;
    sendFault(res, rule);
    return undefined;
  }

  /** The reply of a request already carried out is lost: a fault status instead, or no answer at all. */
  function loseReply(res: ServerResponse, rule: FaultRule): void {
    if (rule.status !== undefined) sendFault(res, rule);
    else res.socket?.destroy();
  }

  function sendFault(res: ServerResponse, rule: FaultRule): void {
    const status = rule.status ?? 500;
    const error = status === 429 && !rule.message ? quotaExceeded() : new ApiError(status, rule.message);
    if (rule.retryAfter !== undefined) res.setHeader("Retry-After", String(rule.retryAfter));
    sendJson(res, error.code, errorBody(error));
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 8790, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;
  return {
    url: baseUrl,
    port,
    store,
    faults,
    stats,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new ApiError(413 as number, "Request payload size exceeds the limit."));
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseJson(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiError(400, `Invalid JSON payload received. ${(error as Error).message}`);
  }
}

function formOf(text: string, contentType: string | undefined): URLSearchParams {
  if (contentType?.includes("application/json")) {
    const json = parseJson(text);
    const entries = json && typeof json === "object" ? Object.entries(json as Record<string, unknown>) : [];
    return new URLSearchParams(entries.map(([k, v]) => [k, String(v)]));
  }
  return new URLSearchParams(text);
}

function sendJson(res: ServerResponse, status: number, body: unknown, pretty = true): void {
  if (res.writableEnded) return;
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json; charset=UTF-8");
  res.end(`${JSON.stringify(body, null, pretty ? 2 : undefined)}\n`);
}

function sendHtml(res: ServerResponse, html: string): void {
  res.statusCode = 200;
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.end(html);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

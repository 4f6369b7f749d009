import { startEmulator, type EmulatorOptions, type RunningEmulator } from "./server.ts";

/** Test helpers: an emulator on a free port and a small JSON client over plain `fetch`. */

export interface Reply {
  status: number;
  headers: Headers;
  /** Parsed JSON (tests read arbitrary shapes), or the text when the body is not JSON. */
  json: any;
}

export interface TestEmulator {
  emulator: RunningEmulator;
  url: string;
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  /** Creates a spreadsheet with the given tab titles; returns its id. */
  create(titles?: string[], properties?: Record<string, unknown>): Promise<string>;
  /** values.update of one range. */
  put(id: string, range: string, values: unknown[][], option?: "RAW" | "USER_ENTERED"): Promise<Reply>;
  /** values.get of one range with query parameters. */
  get(id: string, range: string, query?: string): Promise<Reply>;
  close(): Promise<void>;
}

export async function testEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const emulator = await startEmulator({ port: 0, ...options });
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> => {
    const init: RequestInit = { method, headers: { authorization: "Bearer test", ...headers } };
    if (body !== undefined) {
      init.body = typeof body === "string" ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)["content-type"] ??= "application/json";
    }
    const res = await fetch(`${emulator.url}${path}`, init);
    const text = await res.text();
    let json: unknown = text;
    try {
      json = JSON.parse(text);
    } catch {
      // HTML or empty
    }
    return { status: res.status, headers: res.headers, json };
  };
  return {
    emulator,
    url: emulator.url,
    call,
    async create(titles, properties = {}) {
      const body = {
        properties: { title: "Test", ...properties },
        sheets: titles?.map((title) => ({ properties: { title } })),
      };
      const reply = await call("POST", "/v4/spreadsheets", body);
      if (reply.status !== 200) throw new Error(JSON.stringify(reply.json));
      return reply.json.spreadsheetId as string;
    },
    put(id, range, values, option = "RAW") {
      return call("PUT", `/v4/spreadsheets/${id}/values/${encodeURIComponent(range)}?valueInputOption=${option}`, {
        values,
      });
    },
    get(id, range, query = "") {
      return call("GET", `/v4/spreadsheets/${id}/values/${encodeURIComponent(range)}${query ? `?${query}` : ""}`);
    },
    close: () => emulator.close(),
  };
}

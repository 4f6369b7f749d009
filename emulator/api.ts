import { applyBatchUpdate } from "./batch-update.ts";
import { getDeveloperMetadata, searchDeveloperMetadata } from "./developer-metadata.ts";
import { badRequest } from "./errors.ts";
import { createSpreadsheet, spreadsheetJson } from "./spreadsheet.ts";
import type { Store } from "./store.ts";
import * as values from "./values.ts";

/**
 * The Sheets API v4 endpoints: which URL is which method (`routeSheets`), and what each does with the store.
 * Paths are matched on the raw URL, as the client sends it: the range segment arrives URL-encoded and
 * `:append` / `:clear` / `:batchUpdate` follow it unencoded.
 */

export interface SheetsCall {
  store: Store;
  query: URLSearchParams;
  body: Record<string, unknown>;
  baseUrl: string;
}

export interface SheetsRoute {
  /** The endpoint kind counted in stats and matched by fault rules: "values.batchGet", "batchUpdate", … */
  kind: string;
  handle: (call: SheetsCall) => unknown;
}

type Json = Record<string, unknown>;

/** The endpoint for a method and raw path under `/v4/spreadsheets`, or undefined. */
export function routeSheets(method: string, rawPath: string): SheetsRoute | undefined {
  const prefix = "/v4/spreadsheets";
  if (!rawPath.startsWith(prefix)) return undefined;
  const rest = rawPath.slice(prefix.length);
  if (rest === "" || rest === "/") return method === "POST" ? { kind: "create", handle: create } : undefined;
  if (!rest.startsWith("/")) return undefined;
  const slash = rest.indexOf("/", 1);
  const head = slash < 0 ? rest.slice(1) : rest.slice(1, slash);
  const tail = slash < 0 ? "" : rest.slice(slash);
  const colon = head.indexOf(":");
  const id = safeDecode(colon < 0 ? head : head.slice(0, colon));
  const verb = colon < 0 ? "" : head.slice(colon + 1);
  if (id === undefined || id === "") return undefined;
  if (tail === "") {
    if (verb === "" && method === "GET") return { kind: "get", handle: (c) => get(c, id) };
    if (verb === "batchUpdate" && method === "POST") return { kind: "batchUpdate", handle: (c) => batchUpdate(c, id) };
    return undefined;
  }
  if (verb !== "") return undefined;
  if (tail === "/developerMetadata:search" && method === "POST") {
    return { kind: "developerMetadata.search", handle: (c) => searchDeveloperMetadata(c.store.get(id), c.body) };
  }
  const metadataId = /^\/developerMetadata\/(\d+)$/.exec(tail)?.[1];
  if (metadataId !== undefined && method === "GET") {
    return { kind: "developerMetadata.get", handle: (c) => getDeveloperMetadata(c.store.get(id), metadataId) };
  }
  if (tail === "/values:batchGet" && method === "GET") {
    return {
      kind: "values.batchGet",
      handle: (c) => values.batchGetValues(c.store.get(id), c.query.getAll("ranges"), params(c.query)),
    };
  }
  if (tail === "/values:batchUpdate" && method === "POST") {
    return {
      kind: "values.batchUpdate",
      handle: (c) => c.store.mutate(id, (d) => values.batchUpdateValues(d, c.body)),
    };
  }
  if (tail === "/values:batchClear" && method === "POST") {
    return {
      kind: "values.batchClear",
      handle: (c) => c.store.mutate(id, (d) => values.batchClearValues(d, rangesOf(c.body))),
    };
  }
  if (!tail.startsWith("/values/")) return undefined;
  return valuesRoute(method, id, tail.slice("/values/".length));
}

function valuesRoute(method: string, id: string, rawRange: string): SheetsRoute | undefined {
  const suffix = /:(append|clear)$/.exec(rawRange)?.[1];
  const range = safeDecode(suffix ? rawRange.slice(0, -(suffix.length + 1)) : rawRange);
  if (range === undefined) return undefined;
  if (suffix === "append" && method === "POST") {
    return {
      kind: "values.append",
      handle: (c) => c.store.mutate(id, (d) => values.appendValues(d, range, c.body, params(c.query))),
    };
  }
  if (suffix === "clear" && method === "POST") {
    return { kind: "values.clear", handle: (c) => c.store.mutate(id, (d) => values.clearValues(d, range)) };
  }
  if (suffix) return undefined;
  if (method === "GET")
    return { kind: "values.get", handle: (c) => values.getValues(c.store.get(id), range, params(c.query)) };
  if (method === "PUT") {
    return {
      kind: "values.update",
      handle: (c) => c.store.mutate(id, (d) => values.updateValues(d, range, c.body, params(c.query))),
    };
  }
  return undefined;
}

function create(call: SheetsCall): unknown {
  const doc = createSpreadsheet(call.body);
  call.store.put(doc);
  return spreadsheetJson(doc, { includeGridData: false, ranges: [], baseUrl: call.baseUrl });
}

function get(call: SheetsCall, id: string): unknown {
  return spreadsheetJson(call.store.get(id), {
    includeGridData: call.query.get("includeGridData") === "true",
    ranges: call.query.getAll("ranges"),
    baseUrl: call.baseUrl,
  });
}

function batchUpdate(call: SheetsCall, id: string): unknown {
  return call.store.mutate(id, (draft) => {
    const response = applyBatchUpdate(draft, call.body);
    if (call.body.includeSpreadsheetInResponse === true) {
      response.updatedSpreadsheet = spreadsheetJson(draft, {
        includeGridData: call.body.responseIncludeGridData === true,
        ranges: Array.isArray(call.body.responseRanges) ? (call.body.responseRanges as string[]) : [],
        baseUrl: call.baseUrl,
      });
    }
    return response;
  });
}

function params(query: URLSearchParams): Json {
  return Object.fromEntries(query.entries());
}

function rangesOf(body: Json): string[] {
  if (!Array.isArray(body.ranges) || body.ranges.some((r) => typeof r !== "string")) {
    throw badRequest("Invalid value at 'ranges': expected a list of A1 ranges.");
  }
  return body.ranges as string[];
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

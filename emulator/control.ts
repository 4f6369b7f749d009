import type { Faults } from "./faults.ts";
import { exportSpreadsheet, importSpreadsheet } from "./seed.ts";
import type { Stats } from "./stats.ts";
import type { Store } from "./store.ts";

/**
 * The emulator's own control API under `/_emulator/` (never part of Google's API): fault rules, request counts,
 * wiping, and importing/exporting spreadsheets in the simple seed form.
 */

export interface ControlContext {
  store: Store;
  faults: Faults;
  stats: Stats;
  body: unknown;
}

export interface ControlReply {
  status: number;
  json: unknown;
}

type ControlHandler = (ctx: ControlContext, id: string) => ControlReply;

const ok = (json: unknown): ControlReply => ({ status: 200, json });

/** The handler for a control path, or undefined. */
export function routeControl(method: string, path: string): ((ctx: ControlContext) => ControlReply) | undefined {
  const one = /^\/_emulator\/spreadsheets\/([^/]+)$/.exec(path);
  if (one) {
    const id = decodeURIComponent(one[1] ?? "");
    const handler = SPREADSHEET[method];
    return handler ? (ctx) => handler(ctx, id) : undefined;
  }
  const handler = FIXED[`${method} ${path}`];
  return handler ? (ctx) => handler(ctx, "") : undefined;
}

const FIXED: Record<string, ControlHandler> = {
  "GET /_emulator/health": (ctx) =>
    ok({ ok: true, spreadsheets: ctx.store.list().length, dataDir: ctx.store.dataDir ?? null }),
  "GET /_emulator/stats": (ctx) => ok(ctx.stats.get()),
  "POST /_emulator/reset-stats": (ctx) => {
    ctx.stats.reset();
    return ok(ctx.stats.get());
  },
  "GET /_emulator/faults": (ctx) => ok({ rules: ctx.faults.list() }),
  "POST /_emulator/faults": (ctx) =>
    ok({ rules: ctx.faults.set((ctx.body as { rules?: unknown } | undefined)?.rules) }),
  "DELETE /_emulator/faults": (ctx) => {
    ctx.faults.clear();
    return ok({ rules: [] });
  },
  "POST /_emulator/reset": (ctx) => {
    ctx.store.reset();
    ctx.faults.clear();
    ctx.stats.reset();
    return ok({ ok: true });
  },
  "GET /_emulator/spreadsheets": (ctx) =>
    ok({
      spreadsheets: ctx.store.list().map((doc) => ({
        spreadsheetId: doc.spreadsheetId,
        title: doc.properties.title,
        sheets: doc.sheets.map((s) => s.properties.title),
      })),
    }),
};

const SPREADSHEET: Record<string, ControlHandler> = {
  GET: (ctx, id) => ok(exportSpreadsheet(ctx.store.get(id))),
  PUT: (ctx, id) => {
    const existed = ctx.store.has(id);
    const doc = importSpreadsheet(id, ctx.body);
    ctx.store.put(doc);
    return {
      status: existed ? 200 : 201,
      json: { spreadsheetId: id, title: doc.properties.title, sheets: doc.sheets.map((s) => s.properties) },
    };
  },
  DELETE: (ctx, id) => {
    ctx.store.get(id);
    ctx.store.delete(id);
    return ok({ deleted: id });
  },
};

import { badRequest } from "./errors.ts";

/**
 * Google's field masks, in both places the Sheets API uses them: the `fields` query parameter that trims a response
 * (`sheets.properties(sheetId,title)`, `sheets/properties/title`) and the `fields` of an update request, which names
 * what the request overwrites (`userEnteredValue,userEnteredFormat.backgroundColor`, `gridProperties(frozenRowCount)`).
 * `*` selects everything at its level.
 */
export type MaskTree = { [field: string]: MaskTree | true };

/** Parses a mask; an empty text is an empty tree. */
export function parseFieldMask(text: string): MaskTree {
  let pos = 0;
  const fail = (): never => {
    throw badRequest(`Invalid field mask: ${text}`);
  };
  const list = (): MaskTree => {
    const tree: MaskTree = {};
    for (;;) {
      const m = /^\s*([A-Za-z0-9_*]+(?:\s*[./]\s*[A-Za-z0-9_*]+)*)\s*/.exec(text.slice(pos));
      if (!m) fail();
      const match = m as RegExpExecArray;
      pos += match[0].length;
      const path = (match[1] ?? "").split(/\s*[./]\s*/);
      let sub: MaskTree | true = true;
      if (text[pos] === "(") {
        pos += 1;
        sub = list();
        if (text[pos] !== ")") fail();
        pos += 1;
        while (text[pos] === " ") pos += 1;
      }
      merge(tree, path, sub);
      if (text[pos] !== ",") return tree;
      pos += 1;
    }
  };
  if (text.trim() === "") return {};
  const tree = list();
  if (pos !== text.length) fail();
  return tree;
}

function merge(tree: MaskTree, path: string[], leaf: MaskTree | true): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  const existing = tree[head];
  if (rest.length === 0) {
    if (leaf === true || existing === true) tree[head] = true;
    else tree[head] = { ...(existing ?? {}), ...leaf };
    return;
  }
  if (existing === true) return;
  const child: MaskTree = existing ?? {};
  tree[head] = child;
  merge(child, rest, leaf);
}

/** The parts of a JSON value a response mask selects (arrays are filtered element by element). */
export function pickFields(value: unknown, mask: MaskTree): unknown {
  if (Array.isArray(value)) return value.map((v) => pickFields(v, mask));
  if (value === null || typeof value !== "object") return value;
  if (mask["*"] === true) return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of Object.entries(mask)) {
    if (!(key in source)) continue;
    out[key] = sub === true ? source[key] : pickFields(source[key], sub);
  }
  return out;
}

/**
 * Overwrites in `target` the fields an update mask names with their values in `source`; a named field absent from
 * `source` is cleared, as Google does ("fields": "note" with no note removes the note).
 */
export function applyMask(target: Record<string, unknown>, source: Record<string, unknown>, mask: MaskTree): void {
  for (const [key, sub] of Object.entries(mask)) {
    if (key === "*") {
      for (const k of new Set([...Object.keys(target), ...Object.keys(source)])) copyField(target, source, k);
      continue;
    }
    if (sub === true) {
      copyField(target, source, key);
      continue;
    }
    const from = (source[key] ?? {}) as Record<string, unknown>;
    const into = { ...((target[key] ?? {}) as Record<string, unknown>) };
    applyMask(into, from, sub);
    if (Object.keys(into).length > 0) target[key] = into;
    else delete target[key];
  }
}

function copyField(target: Record<string, unknown>, source: Record<string, unknown>, key: string): void {
  if (source[key] === undefined) delete target[key];
  else target[key] = copyJson(source[key]);
}

/**
 * A deep copy of a JSON value (what request bodies are). updateCells runs this for every field of every cell, and
 * structuredClone, made for any value, costs several times more on such small objects.
 */
export function copyJson<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(copyJson) as T;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = copyJson((value as Record<string, unknown>)[key]);
  return copy as T;
}

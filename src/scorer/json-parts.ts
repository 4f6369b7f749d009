/**
 * The JSON text of a run in parts of at most `maxChars` characters, whose concatenation is exactly
 * `JSON.stringify(value)`. A province run is 10.7 M characters of JSON, two-byte for its Vietnamese (≈ 21 MB): held
 * whole next to the run it was made from, it was the largest thing in the Durable Object's heap. In parts, each can
 * be stored and encoded to UTF-8 before the next is made.
 *
 * Objects and arrays down to `depth` levels are written member by member (the rest with `JSON.stringify`), so a part
 * is built from small pieces; a piece longer than `maxChars` is cut, never between the two halves of a surrogate
 * pair (each part is whole text: it is stored, and encoded to UTF-8, by itself). `maxChars` is at least 2.
 */
export function* jsonParts(value: unknown, maxChars: number, depth = 3): Generator<string> {
  let part = "";
  for (const piece of jsonPieces(value, depth)) {
    if (part.length + piece.length <= maxChars) {
      part += piece;
      continue;
    }
    if (part !== "") yield part;
    part = "";
    for (const whole of textParts(piece, maxChars)) {
      if (part !== "") yield part;
      part = whole; // the last, and shortest, is carried on
    }
  }
  if (part !== "") yield part;
}

/**
 * `text` cut into parts of at most `maxChars` characters (at least 2), never between the two halves of a surrogate
 * pair: each part is whole text, to be stored or encoded to UTF-8 by itself. Nothing for an empty text.
 *
 * @example [...textParts("abcde", 2)] // → ["ab", "cd", "e"]
 */
export function* textParts(text: string, maxChars: number): Generator<string> {
  let from = 0;
  while (from < text.length) {
    let end = Math.min(text.length, from + maxChars);
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
    yield text.slice(from, end);
    from = end;
  }
}

/** Array items written per piece. */
const ITEMS_PER_PIECE = 256;

/** Pieces of `JSON.stringify(value)` (nothing when it is undefined), members written one by one down to `depth`. */
function* jsonPieces(value: unknown, depth: number): Generator<string> {
  if (depth <= 0 || typeof value !== "object" || value === null || hasToJSON(value)) {
    const text = JSON.stringify(value) as string | undefined;
    if (text !== undefined) yield text;
    return;
  }
  if (Array.isArray(value)) {
    yield "[";
    for (let i = 0; i < value.length; i += ITEMS_PER_PIECE) {
      // One JSON.stringify per run of items, its brackets dropped: the same text as each item written and joined
      // with commas (an item JSON cannot write, a hole included, is null), made in one flat string by V8's
      // serialiser instead of hundreds of small ones glued together.
      const items = JSON.stringify(value.slice(i, i + ITEMS_PER_PIECE));
      yield `${i === 0 ? "" : ","}${items.slice(1, -1)}`;
    }
    yield "]";
    return;
  }
  yield "{";
  let first = true;
  for (const key of Object.keys(value)) {
    const member = (value as Record<string, unknown>)[key];
    // Members JSON leaves out: undefined, functions, symbols.
    if (member === undefined || typeof member === "function" || typeof member === "symbol") continue;
    yield `${first ? "" : ","}${JSON.stringify(key)}:`;
    first = false;
    yield* jsonPieces(member, depth - 1);
  }
  yield "}";
}

function hasToJSON(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === "function";
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

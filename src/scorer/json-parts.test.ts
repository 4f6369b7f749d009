import { describe, expect, it } from "vitest";
import { jsonParts, textParts } from "./json-parts.ts";

const samples: unknown[] = [
  null,
  42,
  'Đơn vị "khéo" \n ✓ \ud83d\ude00',
  [],
  {},
  [1, undefined, () => 1, null, "a"],
  // Longer than one run of items, with items JSON writes as null (a hole among them) across the runs' seams.
  // biome-ignore lint/suspicious/noSparseArray: a hole is one of the cases
  Array.from({ length: 700 }, (_, i) => [i % 3 === 0 ? undefined : i % 5 === 0 ? () => i : { i, t: `Thôn ${i}` }, , i]),
  Object.assign(new Array(600), { 3: "ba", 299: undefined, 599: { x: 1 } }),
  { a: undefined, b: () => 1, c: Symbol("x"), d: 1, 'khóa "lạ"': [{ x: new Date(0) }, { y: undefined }] },
  {
    units: Array.from({ length: 1000 }, (_, i) => ({
      code: `DV${i}`,
      name: `Đơn vị số ${i}`,
      score: i / 3,
      nested: { deep: [i, { deeper: [i] }] },
    })),
    empty: { inner: {} },
    at: new Date(1_700_000_000_000),
    big: `${"x".repeat(4999)}\ud83d\ude00`.repeat(3),
  },
];

describe("jsonParts", () => {
  it("cuts JSON.stringify of any value into parts of at most maxChars that join back to it exactly", () => {
    for (const value of samples) {
      for (const max of [2, 7, 100, 4096, 5000, 1_000_000]) {
        const parts = [...jsonParts(value, max)];
        expect(parts.join("")).toBe(JSON.stringify(value));
        for (const part of parts) expect(part.length).toBeLessThanOrEqual(max);
        expect(parts.every((p) => p.length > 0)).toBe(true);
        // Each part is whole text: encoded by itself, it gives the bytes of its characters (no lone surrogate).
        const encoder = new TextEncoder();
        const bytes = parts.map((p) => encoder.encode(p));
        const all = new Uint8Array(bytes.reduce((n, b) => n + b.length, 0));
        let at = 0;
        for (const b of bytes) {
          all.set(b, at);
          at += b.length;
        }
        expect(new TextDecoder().decode(all)).toBe(JSON.stringify(value));
      }
    }
  });

  it("makes several parts of a large value, so no part holds the whole text", () => {
    const value = { rows: Array.from({ length: 5000 }, (_, i) => ({ i, name: `Hộ ${i}` })) };
    const parts = [...jsonParts(value, 10_000)];
    expect(parts.length).toBeGreaterThan(10);
    expect(parts.join("")).toBe(JSON.stringify(value));
  });
});

describe("textParts", () => {
  it("cuts a text into whole parts of at most maxChars, an emoji never split, nothing for an empty text", () => {
    expect([...textParts("abcde", 2)]).toEqual(["ab", "cd", "e"]);
    expect([...textParts("a\ud83d\ude00b", 2)]).toEqual(["a", "\ud83d\ude00", "b"]);
    expect([...textParts("", 5)]).toEqual([]);
    const text = `Thôn ${"\ud83d\ude00".repeat(1000)} Đông`;
    for (const max of [2, 3, 7, 100]) {
      const parts = [...textParts(text, max)];
      expect(parts.join("")).toBe(text);
      for (const part of parts) {
        expect(part.length).toBeLessThanOrEqual(max);
        expect(new TextDecoder().decode(new TextEncoder().encode(part))).toBe(part); // no lone half
      }
    }
  });
});

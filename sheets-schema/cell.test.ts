import { describe, expect, it } from "vitest";
import { fail, memoised, ok, type CellResult } from "./cell.ts";

/** A reader that counts how often it really reads. */
function counting(): { read: (raw: string | number) => CellResult<string>; calls: () => number } {
  let calls = 0;
  return {
    read: (raw) => {
      calls++;
      return raw === "bad" ? fail("bad") : ok(`read ${raw}`);
    },
    calls: () => calls,
  };
}

describe("memoised", () => {
  it("gives the same result as the reader, and the same result for the same value", () => {
    const reader = counting();
    const read = memoised(reader.read);
    expect(read("Có")).toEqual({ ok: true, value: "read Có" });
    expect(read("bad")).toEqual({ ok: false, message: "bad" });
    expect(read(45382)).toEqual({ ok: true, value: "read 45382" });
    expect(read("Có")).toBe(read("Có"));
    expect(reader.calls()).toBe(3);
  });

  it("knows an equal string that is another object, as every cell of a parsed payload is", () => {
    const reader = counting();
    const read = memoised(reader.read);
    const parsed = JSON.parse('["Xây dựng mới", "Xây dựng mới"]') as string[];
    expect(read(parsed[0] ?? "")).toBe(read(parsed[1] ?? ""));
    expect(reader.calls()).toBe(1);
  });

  it("tells apart a number and the text of that number", () => {
    const reader = counting();
    const read = memoised(reader.read);
    read(1);
    read("1");
    expect(reader.calls()).toBe(2);
  });

  it("tells apart 0 and -0, which Map keys take for one value", () => {
    const read = memoised((n: number) => ok(n));
    const zero = read(0);
    const negative = read(-0);
    expect(zero.ok && Object.is(zero.value, 0)).toBe(true);
    expect(negative.ok && Object.is(negative.value, -0)).toBe(true);
  });

  it("holds at most `limit` values besides the first few, then starts again", () => {
    const reader = counting();
    const read = memoised(reader.read, 5);
    const values = Array.from({ length: 40 }, (_, i) => `v${i}`);
    for (const v of values) read(v);
    expect(reader.calls()).toBe(40);
    read("v39"); // just read: still remembered
    expect(reader.calls()).toBe(40);
    read("v20"); // forgotten when the memory was full
    expect(reader.calls()).toBe(41);
    read("v0"); // among the first texts seen: kept in the short list
    expect(reader.calls()).toBe(41);
  });
});

/** The stored results of a spreadsheet: what is saved is what is read back, whichever way its parts were stored. */
import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { PART_CHARS, ResultStore } from "./result-store.ts";
import { scorerFor } from "./scorer-for.ts";

/** The stored JSON text of a year and review, decoded from its parts, or null. */
function loadResult(store: ResultStore, year: number, review?: "6-thang" | "giai-doan"): string | null {
  const parts = store.loadResultBytes(year, review);
  return parts === null ? null : parts.map((p) => new TextDecoder().decode(p)).join("");
}

/** A fresh store in a fresh Durable Object's SQLite. */
async function withStore<T>(use: (store: ResultStore, sql: SqlStorage) => T): Promise<T> {
  const id = `store-${crypto.randomUUID()}`;
  return runInDurableObject(scorerFor(env, id), (_scorer, state) =>
    use(new ResultStore(state.storage.sql), state.storage.sql),
  );
}

describe("ResultStore", () => {
  it("gives back a result of several parts exactly, emoji and Vietnamese cut at a part's edge included", async () => {
    // A high surrogate falls on the last character of the first part: it must travel with its pair.
    const json = JSON.stringify({
      a: `${"x".repeat(PART_CHARS - 7)}\ud83d\ude00 Thôn Đông`,
      b: "ố".repeat(PART_CHARS),
    });
    expect(json.charCodeAt(PART_CHARS - 1)).toBe(0xd83d);
    const back = await withStore((store, sql) => {
      store.saveResult(2024, json);
      const parts = sql.exec<{ n: number }>("SELECT count(*) AS n FROM result_parts WHERE year = 2024").one().n;
      return { text: loadResult(store, 2024), parts };
    });
    expect(back.parts).toBe(3);
    expect(back.text).toBe(json);
  });

  it("keeps each review apart and replaces a year's result whole", async () => {
    const back = await withStore((store) => {
      store.saveResult(2024, `{"lần":1,"dài":"${"a".repeat(PART_CHARS * 2)}"}`);
      store.saveResult(2024, '{"lần":2}');
      store.saveResult(2024, '{"sơ kết":true}', "6-thang");
      return [loadResult(store, 2024), loadResult(store, 2024, "6-thang"), loadResult(store, 2024, "giai-doan")];
    });
    expect(back).toEqual(['{"lần":2}', '{"sơ kết":true}', null]);
  });

  it("still reads a result stored as text, as stores made before parts were kept as bytes hold them", async () => {
    const back = await withStore((store, sql) => {
      store.saveResult(2023, "{}"); // creates the tables
      sql.exec("DELETE FROM result_parts");
      sql.exec(
        "INSERT INTO result_parts (year, part, body) VALUES (2023, 0, ?), (2023, 1, ?)",
        '{"tên":"Xã ',
        'Hòa An"}',
      );
      return loadResult(store, 2023);
    });
    expect(back).toBe('{"tên":"Xã Hòa An"}');
  });
});

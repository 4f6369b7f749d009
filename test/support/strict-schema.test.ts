import { z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { deepStrict, parseStrict } from "./strict-schema.ts";

describe("deepStrict", () => {
  const schema = z.object({
    a: z.array(z.object({ b: z.string() })),
    c: z.object({ d: z.number() }).nullable().optional(),
    e: z.discriminatedUnion("kind", [z.object({ kind: z.literal("x"), f: z.number() })]),
  });
  const valid = { a: [{ b: "1" }], c: { d: 1 }, e: { kind: "x", f: 1 } };

  it("accepts a body with exactly the documented fields", () => {
    expect(parseStrict(schema, valid)).toEqual(valid);
  });

  it("refuses an undocumented field at any depth, naming its path", () => {
    expect(() => parseStrict(schema, { ...valid, extra: 1 })).toThrow(/extra/);
    expect(() => parseStrict(schema, { ...valid, a: [{ b: "1", hidden: true }] })).toThrow(/hidden/);
    expect(() => parseStrict(schema, { ...valid, c: { d: 1, more: 2 } })).toThrow(/more/);
    expect(() => parseStrict(schema, { ...valid, e: { kind: "x", f: 1, g: 2 } })).toThrow(/g/);
  });

  it("refuses to guess for a kind of schema it does not walk", () => {
    expect(() => deepStrict(z.object({ t: z.tuple([z.string()]) }))).toThrow(/tuple/);
  });
});

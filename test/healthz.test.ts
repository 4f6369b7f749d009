import { describe, expect, it } from "vitest";
import { SELF } from "cloudflare:test";

describe("GET /healthz", () => {
  it("answers ok, from inside workerd", async () => {
    const res = await SELF.fetch("http://x/healthz");
    expect(await res.json()).toEqual({ ok: true });
    expect(navigator.userAgent).toContain("Cloudflare-Workers");
  });
});

/**
 * Where the browser test's Chromium comes from: the npm package's build, whole and self-contained, or CHROME_PATH.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { chromiumLaunchOptions } from "./chromium.ts";

describe.runIf(process.platform === "linux" && process.arch === "x64")("the packaged Chromium", () => {
  it("is unpacked with its own NSS libraries first on its library path, and fonts with Vietnamese letters", async () => {
    const options = await chromiumLaunchOptions({ PATH: process.env.PATH, LD_LIBRARY_PATH: "/somewhere/else" });
    const dir = dirname(options.executablePath!);
    expect(existsSync(options.executablePath!)).toBe(true);
    expect(options.env!.LD_LIBRARY_PATH).toBe(`${dir}/al2023/lib:/somewhere/else`);
    expect(readdirSync(join(dir, "al2023", "lib"))).toEqual(
      expect.arrayContaining(["libnss3.so", "libnspr4.so", "libexpat.so.1"]),
    );
    const conf = readFileSync(join(options.env!.FONTCONFIG_PATH!, "fonts.conf"), "utf8");
    expect(conf).toContain(`<dir>${dir}/fonts/fonts</dir>`);
    const fonts = readdirSync(join(dir, "fonts", "fonts"), { recursive: true }).map(String);
    expect(fonts.some((f) => f.endsWith("OpenSans-Regular.ttf"))).toBe(true);
    expect(options.args).toContain("--no-sandbox");
    expect(options.args).not.toContain("--single-process");
  }, 120_000);
});

describe("CHROME_PATH", () => {
  it("launches the local browser it names, without the package's libraries", async () => {
    const options = await chromiumLaunchOptions({ CHROME_PATH: process.execPath });
    expect(options.executablePath).toBe(process.execPath);
    expect(options.env).toBeUndefined();
  });

  it("is refused with its value when it names no file", async () => {
    await expect(chromiumLaunchOptions({ CHROME_PATH: "/nowhere/chrome" })).rejects.toThrow(
      "CHROME_PATH=/nowhere/chrome: no such file",
    );
  });
});

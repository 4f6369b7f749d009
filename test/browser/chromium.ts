/**
 * The Chromium the browser test drives, found without root, apt or a download: `npm ci` is the whole set-up.
 *
 * By default it is the build shipped inside the npm package `@sparticuz/chromium` (a Linux x64 headless shell),
 * unpacked once per version into the temporary directory together with the NSS libraries and fonts the package
 * carries for Amazon Linux. Those libraries are put first on the browser's `LD_LIBRARY_PATH`, so it never depends
 * on what the machine happens to have (Debian has no NSS unless something like its own chromium pulled it in).
 *
 * `CHROME_PATH=/path/to/chrome` uses a local Chrome or Chromium instead: the way on macOS, Windows or Linux arm64,
 * where the package has no build.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import sparticuz, { inflate } from "@sparticuz/chromium";
import type { LaunchOptions } from "playwright-core";

/** Flags for a local Chrome: headless, no first-run chores, nothing fetched from Google while testing. */
const LOCAL_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Launch options for playwright-core's `chromium.launch`: the local Chrome named by `CHROME_PATH`, else the
 * packaged build (unpacked on first use, about 200 MB, a few seconds).
 */
export async function chromiumLaunchOptions(
  env: Record<string, string | undefined> = process.env,
): Promise<LaunchOptions> {
  const local = env.CHROME_PATH;
  if (local) {
    if (!existsSync(local))
      throw new Error(`CHROME_PATH=${local}: no such file (it should name a Chrome or Chromium executable)`);
    return { executablePath: local, args: LOCAL_ARGS, headless: true };
  }
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new Error(
      `@sparticuz/chromium has a browser for Linux x64 only, not ${process.platform} ${process.arch}: ` +
        "set CHROME_PATH to a local Chrome or Chromium to run the browser test.",
    );
  }
  const dir = await unpacked();
  const libs = join(dir, "al2023", "lib");
  return {
    executablePath: join(dir, "chromium"),
    // The package's flags (headless shell, no sandbox, no zygote), but not `--single-process`: Lambda needs it,
    // an ordinary machine does not, and Chromium supports it only for debugging.
    args: sparticuz.args.filter((a) => a !== "--single-process"),
    headless: true,
    env: {
      ...env,
      LD_LIBRARY_PATH: env.LD_LIBRARY_PATH ? `${libs}:${env.LD_LIBRARY_PATH}` : libs,
      FONTCONFIG_PATH: join(dir, "fonts"),
    },
  };
}

/**
 * The package's browser, unpacked in `<tmp>/dvk-chromium-<version>/`: the executable `chromium`, SwiftShader beside
 * it, `al2023/lib/` (NSS, NSPR, expat) and `fonts/` (Open Sans, which has every Vietnamese letter).
 *
 * The package's own `executablePath()` unpacks into `/tmp/chromium` whatever the version, reuses a half-written file
 * after an interrupted run, and adds the libraries only on Amazon Linux. Here everything is unpacked into a
 * directory of its own that is renamed into place when complete, so a directory that exists is always whole, and two
 * test runs starting together each unpack their own and the first rename wins.
 */
async function unpacked(): Promise<string> {
  const bin = join(dirname(createRequire(import.meta.url).resolve("@sparticuz/chromium")), "..", "bin");
  const { version } = JSON.parse(readFileSync(join(bin, "..", "package.json"), "utf8")) as { version: string };
  const dir = join(tmpdir(), `dvk-chromium-${version}`);
  if (existsSync(dir)) return dir;

  const staging = `${dir}.${process.pid}-${Date.now()}`;
  mkdirSync(staging, { recursive: true });
  try {
    // `inflate` writes into the temporary directory it reads from TMPDIR at the call, before its first await.
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = staging;
    const inflating = ["chromium.br", "swiftshader.tar.br", "al2023.tar.br", "fonts.tar.br"].map((f) =>
      inflate(join(bin, f)),
    );
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    await Promise.all(inflating);
    // The package's fonts.conf names /tmp/fonts; this one names the fonts where they end up.
    writeFileSync(
      join(staging, "fonts", "fonts.conf"),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
        `  <dir>${join(dir, "fonts", "fonts")}</dir>\n  <cachedir>${join(dir, "fonts", "cache")}</cachedir>\n</fontconfig>\n`,
    );
    renameSync(staging, dir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (existsSync(dir)) return dir; // another run finished first
    throw error;
  }
  return dir;
}

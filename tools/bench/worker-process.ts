/**
 * Starts the Worker under `wrangler dev` against a given Sheets emulator, for benchmarks, load tests and the browser
 * test. The development settings come from .dev.vars.example; a second env file points the Worker at the emulator,
 * which is also its Cloudflare Access team (for Access identities, start the emulator with
 * `accessJwks: devAccessJwks()`). Every route but `/healthz` needs an identity: callers send
 * `Authorization: Bearer` with `vars.SCORING_TOKEN` or `vars.READ_TOKEN`, or sign a browser in with
 * `devSignInLink` (tools/dev-access/sign-in-link.ts).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readEnvFile } from "../env-file.ts";
import { freePort } from "../free-port.ts";
import { localWorkerOverrides } from "../local-worker-env.ts";

const DEV_VARS = ".dev.vars.example";

/**
 * The environment of a wrangler the benchmarks start. Without a banner, wrangler makes no update check, whose cache
 * (`update-check/` in the system's temporary folder) would outlive the benchmark.
 */
export function wranglerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, WRANGLER_HIDE_BANNER: "true", ...extra };
}

export interface RunningWorker {
  url: string;
  /** The dev vars the Worker was started with (its tokens, its Access audience and scorers). */
  vars: Record<string, string>;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** `Authorization` of a script: the scorer's token, or the reader's (falling back to the scorer's when unset). */
export function bearer(worker: RunningWorker, role: "scorer" | "reader"): { Authorization: string } {
  const token = role === "reader" ? worker.vars.READ_TOKEN || worker.vars.SCORING_TOKEN : worker.vars.SCORING_TOKEN;
  if (!token) throw new Error(`${DEV_VARS} has no ${role === "reader" ? "READ_TOKEN nor " : ""}SCORING_TOKEN`);
  return { Authorization: `Bearer ${token}` };
}

/** How the benchmarks start workerd: V8 flags for its isolates (a heap cap), and whether its errors are shown. */
export interface WorkerOptions {
  /** Passed to workerd through miniflare's MINIFLARE_WORKERD_V8_FLAGS, e.g. `["--max-heap-size=48"]`. */
  v8Flags?: readonly string[];
  /** Drop wrangler's error output: a heap-cap bisection crashes workerd on purpose. */
  quiet?: boolean;
  /** Another checkout of the Worker to run (with its own node_modules): an A/B comparison of two builds. */
  cwd?: string;
}

/** `inspectorPort` exposes the Worker's isolate to the DevTools protocol (CPU profile, heap usage). */
export async function startWorker(
  emulatorUrl: string,
  port?: number,
  inspectorPort?: number,
  options: WorkerOptions = {},
): Promise<RunningWorker> {
  port ??= await freePort();
  const dir = mkdtempSync(join(tmpdir(), "dvk-worker-"));
  const overrides = join(dir, "emulator.env");
  writeFileSync(overrides, localWorkerOverrides(emulatorUrl));
  const child = spawn(
    process.execPath,
    [
      "node_modules/wrangler/bin/wrangler.js",
      "dev",
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      "--env-file",
      DEV_VARS,
      "--env-file",
      overrides,
      "--persist-to",
      join(dir, "state"),
      "--show-interactive-dev-session=false",
      "--log-level",
      "error",
      ...(inspectorPort ? ["--inspector-port", String(inspectorPort)] : []),
    ],
    {
      ...(options.cwd ? { cwd: options.cwd } : {}),
      stdio: ["ignore", "ignore", options.quiet ? "ignore" : "inherit"],
      env: wranglerEnv(options.v8Flags?.length ? { MINIFLARE_WORKERD_V8_FLAGS: options.v8Flags.join(" ") } : {}),
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) {
      child.kill("SIGTERM");
      rmSync(dir, { recursive: true, force: true });
      throw new Error("wrangler dev did not start within 60 s");
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    vars: readEnvFile(readFileSync(DEV_VARS, "utf8")),
    process: child,
    // SIGTERM, not SIGINT: both stop wrangler with its workerd and esbuild, but on SIGINT its esbuild watcher is
    // left mid-rebuild and prints a Go "all goroutines are asleep - deadlock!" trace into the test output.
    // The folder of its env file and local state goes with it: nothing is left in the system's temporary folder.
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}

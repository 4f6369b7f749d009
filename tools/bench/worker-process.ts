/**
 * Starts the Worker under `wrangler dev` against a given Sheets emulator, for benchmarks and load tests.
 * The development settings come from .dev.vars.example; a second env file points the Worker at the emulator.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../free-port.ts";

export interface RunningWorker {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** `inspectorPort` exposes the Worker's isolate to the DevTools protocol (CPU profile, heap usage). */
export async function startWorker(emulatorUrl: string, port?: number, inspectorPort?: number): Promise<RunningWorker> {
  port ??= await freePort();
  const dir = mkdtempSync(join(tmpdir(), "dvk-worker-"));
  const overrides = join(dir, "emulator.env");
  writeFileSync(overrides, `SHEETS_API_ROOT="${emulatorUrl}/"\nGOOGLE_TOKEN_URL="${emulatorUrl}/token"\n`);
  const child = spawn(
    process.execPath,
    [
      "node_modules/wrangler/bin/wrangler.js", "dev",
      "--ip", "127.0.0.1", "--port", String(port),
      "--env-file", ".dev.vars.example", "--env-file", overrides,
      "--persist-to", join(dir, "state"),
      "--show-interactive-dev-session=false", "--log-level", "error",
      ...(inspectorPort ? ["--inspector-port", String(inspectorPort)] : []),
    ],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error("wrangler dev did not start within 60 s");
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    process: child,
    // SIGTERM, not SIGINT: both stop wrangler with its workerd and esbuild, but on SIGINT its esbuild watcher is
    // left mid-rebuild and prints a Go "all goroutines are asleep - deadlock!" trace into the test output.
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

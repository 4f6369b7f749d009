import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const nodeMajor = Number(process.versions.node.split(".")[0]);
const dir = mkdtempSync(join(tmpdir(), "sheets-emulator-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts `emulator/main.ts` on a free port and resolves with its URL once it prints it. */
function startCli(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ["--experimental-strip-types", "--no-warnings", "emulator/main.ts", "--port", "0", "--quiet", ...args],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const url = /emulator on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (url) resolve({ child, url });
    });
    child.stderr?.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("exit", (code) => reject(new Error(`exited with ${code}: ${out}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

describe.skipIf(nodeMajor < 22)("main.ts", () => {
  it("imports a seed once and keeps later changes across a restart", async () => {
    const seed = join(dir, "demo.json");
    writeFileSync(seed, JSON.stringify({ title: "Demo", sheets: [{ title: "Đơn vị", values: [["Mã"], ["X01"]] }] }));
    const args = ["--data", join(dir, "data"), "--seed", seed];

    const first = await startCli(args);
    const range = `${first.url}/v4/spreadsheets/demo/values/${encodeURIComponent("'Đơn vị'!A2")}`;
    expect(((await (await fetch(range)).json()) as { values?: unknown }).values).toEqual([["X01"]]);
    await fetch(`${range}?valueInputOption=RAW`, { method: "PUT", body: JSON.stringify({ values: [["X02"]] }) });
    await stop(first.child);

    const second = await startCli(args);
    const again = `${second.url}/v4/spreadsheets/demo/values/${encodeURIComponent("'Đơn vị'!A2")}`;
    expect(((await (await fetch(again)).json()) as { values?: unknown }).values).toEqual([["X02"]]);
    await stop(second.child);
  }, 20_000);
});

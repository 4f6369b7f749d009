/**
 * `npm start`: the local Sheets emulator seeded with the demo district, and the Worker under `wrangler dev` pointed
 * at it — the same code path as against Google. Prints where to look and the one curl that scores the demo.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { startEmulator } from "../emulator/server.ts";
import { DEMO_SPREADSHEET_ID, DEMO_YEAR, demoSpreadsheet } from "./demo/district.ts";
import { devAccessJwks } from "./dev-access/key.ts";
import { devScorerEmail, devSignInLink } from "./dev-access/sign-in-link.ts";
import { readEnvFile } from "./env-file.ts";
import { localWorkerOverrides } from "./local-worker-env.ts";

const envFile = existsSync(".dev.vars") ? ".dev.vars" : ".dev.vars.example";
const vars = readEnvFile(readFileSync(envFile, "utf8"));
const emulatorPort = Number(process.env.SHEETS_EMULATOR_PORT ?? 8790);
const workerPort = Number(process.env.WORKER_PORT ?? 8787);

// The emulator is also the local Cloudflare Access team: it serves the development key's JWKS.
const emulator = await startEmulator({
  port: emulatorPort,
  dataDir: process.env.SHEETS_EMULATOR_DATA ?? ".emulator-data",
  accessJwks: devAccessJwks(),
});
const seeded = await seedDemoIfMissing(emulator.url);

// The Worker must reach this emulator whatever port it got: a second env file, read after the first, says where.
mkdirSync(".wrangler", { recursive: true });
const overrides = ".wrangler/emulator.env";
writeFileSync(overrides, localWorkerOverrides(emulator.url));
const wrangler = spawn(
  process.execPath,
  [
    "node_modules/wrangler/bin/wrangler.js",
    "dev",
    "--ip",
    "127.0.0.1",
    "--port",
    String(workerPort),
    "--env-file",
    envFile,
    "--env-file",
    overrides,
    "--show-interactive-dev-session=false",
  ],
  { stdio: ["ignore", "pipe", "inherit"] },
);
wrangler.stdout.pipe(process.stdout);

const worker = `http://127.0.0.1:${workerPort}`;
await waitFor(`${worker}/healthz`, 60_000);
const token = vars.SCORING_TOKEN ?? "";
// Signed in as the first development scorer for a week: the link stands in for Cloudflare Access's login page.
const devEmail = devScorerEmail(vars);
const signIn = await devSignInLink({ worker, team: emulator.url, vars, email: devEmail, validFor: 7 * 24 * 3600 });
console.log(`
──────────────────────────────────────────────────────────────────────────────
dvk-score chạy tại ${worker}  (API: ${worker}/docs, cần đăng nhập)
${signIn ? `Mở bảng điều khiển, đã đăng nhập là ${devEmail} (người chấm điểm, chỉ dùng khi phát triển):\n  ${signIn}` : 'ACCESS_DEV_SIGN_IN khác "true": không có đường dẫn đăng nhập sẵn.'}
Giả lập Google Sheets: ${emulator.url}  (xem bảng tính: ${emulator.url}/view/${DEMO_SPREADSHEET_ID})
Bảng tính mẫu "${DEMO_SPREADSHEET_ID}" ${seeded ? "vừa được tạo" : "đã có sẵn"} (dữ liệu lưu ở .emulator-data/).

Chấm điểm năm ${DEMO_YEAR} của huyện mẫu:
  curl -s -X POST ${worker}/api/score -H "Authorization: Bearer ${token}" -H "Content-Type: application/json" -d '{"year": ${DEMO_YEAR}, "spreadsheetId": "${DEMO_SPREADSHEET_ID}"}'
──────────────────────────────────────────────────────────────────────────────
`);

const stop = () => {
  wrangler.kill("SIGINT");
  void emulator.close().finally(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
wrangler.on("exit", (code) => {
  void emulator.close().finally(() => process.exit(code ?? 0));
});

async function seedDemoIfMissing(base: string): Promise<boolean> {
  const existing = await fetch(`${base}/v4/spreadsheets/${DEMO_SPREADSHEET_ID}`, {
    headers: { Authorization: "Bearer dev" },
  });
  if (existing.ok) return false;
  const res = await fetch(`${base}/_emulator/spreadsheets/${DEMO_SPREADSHEET_ID}`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(demoSpreadsheet()),
  });
  if (!res.ok) throw new Error(`Không tạo được bảng tính mẫu: ${res.status} ${await res.text()}`);
  return true;
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`Worker không khởi động được sau ${timeoutMs / 1000}s (${url}).`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

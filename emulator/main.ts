import { readFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { importSpreadsheet, type SimpleSpreadsheet } from "./seed.ts";
import { startEmulator, type EmulatorOptions } from "./server.ts";

/**
 * Command line entry of the Sheets emulator:
 *   npm run emulator -- [--port N] [--data DIR | --memory] [--seed FILE.json]...
 *        [--check-token [TOKEN]] [--public-key FILE.pem] [--quiet]
 * Port: --port, else SHEETS_EMULATOR_PORT, else 8790. Data: --data, else SHEETS_EMULATOR_DATA, else
 * `.emulator-data/` in the repository root. A seed file (simple form; its `spreadsheetId`, else the file name without
 * `.json`, is the id) is imported only when that spreadsheet does not exist yet, so a restart keeps later changes.
 */

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

interface Cli {
  options: EmulatorOptions;
  seeds: string[];
}

function parseArgs(argv: string[]): Cli {
  const options: EmulatorOptions = {
    port: Number(process.env.SHEETS_EMULATOR_PORT || 8790),
    dataDir: process.env.SHEETS_EMULATOR_DATA || resolve(REPO_ROOT, ".emulator-data"),
    log: (line) => console.log(`[sheets-emulator] ${line}`),
  };
  const seeds: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      return value;
    };
    if (arg === "--port") options.port = Number(next());
    else if (arg === "--data") options.dataDir = resolve(next());
    else if (arg === "--memory") options.dataDir = undefined;
    else if (arg === "--seed") seeds.push(resolve(next()));
    else if (arg === "--check-token") {
      const value = argv[i + 1];
      options.checkToken = value !== undefined && !value.startsWith("--") ? next() : true;
    } else if (arg === "--public-key") options.publicKeyPem = readFileSync(next(), "utf8");
    else if (arg === "--quiet") options.log = () => {};
    else if (arg === "--help" || arg === "-h") {
      console.log(
        "usage: npm run emulator -- [--port N] [--data DIR | --memory] [--seed FILE.json] [--check-token [TOKEN]] [--public-key FILE.pem] [--quiet]",
      );
      process.exit(0);
    } else throw new Error(`unknown argument: ${arg}`);
  }
  if (!Number.isInteger(options.port) || (options.port as number) < 0)
    throw new Error(`invalid port: ${String(options.port)}`);
  return { options, seeds };
}

async function main(): Promise<void> {
  const { options, seeds } = parseArgs(process.argv.slice(2));
  const emulator = await startEmulator(options);
  for (const file of seeds) {
    const seed = JSON.parse(readFileSync(file, "utf8")) as SimpleSpreadsheet;
    const id = seed.spreadsheetId ?? basename(file).replace(/\.json$/i, "");
    if (emulator.store.has(id)) {
      console.log(`[sheets-emulator] seed ${id} already present, kept as it is`);
      continue;
    }
    emulator.store.put(importSpreadsheet(id, seed));
    console.log(`[sheets-emulator] seeded ${id} from ${file}`);
  }
  console.log(`[sheets-emulator] Sheets API v4 emulator on ${emulator.url} (data: ${options.dataDir ?? "in memory"})`);
  console.log(`[sheets-emulator] spreadsheets: ${emulator.url}/   token endpoint: ${emulator.url}/token`);
  const stop = () => {
    emulator.close().finally(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`[sheets-emulator] ${(error as Error).message}`);
  process.exit(1);
});

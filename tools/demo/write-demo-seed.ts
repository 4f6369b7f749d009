/**
 * Writes the demo district for the local Sheets emulator to `emulator/seed/demo-district.json`
 * (spreadsheet id `demo-district`). Run: `npx node --experimental-strip-types tools/demo/write-demo-seed.ts [seed]`
 * (npx: the Node 22 from node_modules).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEMO_SEED, DEMO_SPREADSHEET_ID, demoSpreadsheet } from "./district.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const file = join(root, "emulator", "seed", `${DEMO_SPREADSHEET_ID}.json`);
const seed = process.argv[2] ? Number(process.argv[2]) : DEMO_SEED;

const json = JSON.stringify(demoSpreadsheet(seed));
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, `${json}\n`);
console.log(`${file}: ${(Buffer.byteLength(json) / 1024).toFixed(0)} KiB (seed ${seed})`);

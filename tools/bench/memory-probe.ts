/**
 * Developer probe: does one province scenario complete in workerd under the given heap caps?
 * `node --experimental-transform-types tools/bench/memory-probe.ts <annual|several|stage|quad> <MiB>...`
 */
import { startEmulator } from "../../emulator/server.ts";
import { provinceSpreadsheet } from "../demo/province.ts";
import { scoreOnce, seed } from "./score-call.ts";
import { startWorker } from "./worker-process.ts";

const [which = "annual", ...caps] = process.argv.slice(2);
const emulator = await startEmulator({ port: 0 });
try {
  const quad = which === "quad";
  await seed(
    emulator.url,
    "p",
    quad ? provinceSpreadsheet({ units: 18_200, registrationsTotal: 200_000 }) : provinceSpreadsheet(),
  );
  const runs = which === "several" ? [true, false, false] : [false];
  for (const cap of [quad ? "512" : "256", ...caps]) {
    await fetch(`${emulator.url}/_emulator/reset-stats`, { method: "POST" });
    const worker = await startWorker(emulator.url, undefined, undefined, {
      v8Flags: [`--max-heap-size=${cap}`],
      quiet: !process.env.LOUD,
    });
    let ok = true;
    try {
      for (const dry of runs) {
        const call = await scoreOnce(worker, "p", dry, which === "stage" ? "giai-doan" : "nam");
        if (!call.ok) {
          const calls = await (await fetch(`${emulator.url}/_emulator/stats`)).text();
          console.log(`status ${call.status} after ${Math.round(call.wallMs)} ms; Sheets calls made: ${calls}`);
          ok = false;
          break;
        }
      }
    } finally {
      await worker.stop();
    }
    console.log(`${which} cap ${cap}: ${ok ? "completes" : "fails"}`);
  }
} finally {
  await emulator.close();
}

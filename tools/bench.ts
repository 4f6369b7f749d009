/**
 * `npm run bench`: every benchmark of the repo, one section after another, each printing its own table.
 * A section is a title and a function returning its lines; add new ones to `SECTIONS`.
 */
import { benchEndToEnd, formatEndToEndFigures } from "./bench/end-to-end.ts";
import { benchLimits, formatLimitFigures } from "./bench/limits.ts";
import { benchMemory, formatMemoryFigures } from "./bench/memory.ts";
import { benchPipeline, formatPipelineFigures } from "./bench/pipeline.ts";

interface Section {
  title: string;
  run: () => Promise<string[]>;
}

const SECTIONS: Section[] = [
  {
    title: "Pipeline: raw values → result + output grids, against JSON.parse of the same payload (Node, V8)",
    run: async () => formatPipelineFigures(await benchPipeline()),
  },
  {
    title: "End to end: POST /api/score on the same province, Worker under wrangler dev (workerd), Sheets emulator",
    run: async () => formatEndToEndFigures(await benchEndToEnd()),
  },
  {
    title: "Workers limits at province size, measured on the isolate (DevTools protocol) and the bundle",
    run: async () => formatLimitFigures(await benchLimits()),
  },
  {
    title: "Memory of one province run with V8's heap capped below a Worker isolate's 128 MB (Node child process)",
    run: async () => formatMemoryFigures(benchMemory(96)),
  },
];

for (const section of SECTIONS) {
  console.log(`\n${section.title}`);
  for (const line of await section.run()) console.log(line);
}

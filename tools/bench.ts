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
    title:
      "Pipeline: batchGet text → parse → read → score → write plan bodies, against JSON.parse of the same text (Node, main-thread CPU)",
    run: async () => formatPipelineFigures(await benchPipeline()),
  },
  {
    title: "End to end: POST /api/score, Worker under wrangler dev (workerd main-thread CPU), Sheets emulator",
    run: async () => formatEndToEndFigures(await benchEndToEnd()),
  },
  {
    title: "Workers limits: bundle and start-up",
    run: async () => formatLimitFigures(await benchLimits()),
  },
  {
    title: "Memory: the smallest V8 heap with which runs complete in workerd (bisected heap cap)",
    run: async () => formatMemoryFigures(await benchMemory()),
  },
];

for (const section of SECTIONS) {
  console.log(`\n${section.title}`);
  for (const line of await section.run()) console.log(line);
}

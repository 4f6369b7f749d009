/**
 * `npm run bench`: every benchmark of the repo, one section after another, each printing its own table.
 * A section is a key, a title and a function returning its lines; add new ones to `SECTIONS`.
 * `npm run bench -- memory end-to-end` runs only the sections named (keys: pipeline, end-to-end, limits, memory).
 * `npm run bench -- district` is the district's goal alone, quickly (end-to-end measures it too, after the province).
 */
import { benchDistrict, formatDistrictFigures } from "./bench/district-cpu.ts";
import { benchEndToEnd, formatEndToEndFigures } from "./bench/end-to-end.ts";
import { benchLimits, formatLimitFigures } from "./bench/limits.ts";
import { benchMemory, formatMemoryFigures } from "./bench/memory.ts";
import { benchPipeline, formatPipelineFigures } from "./bench/pipeline.ts";

interface Section {
  key: string;
  title: string;
  run: () => Promise<string[]>;
  /** Run only when named (a quicker view of what another section measures). */
  onlyWhenNamed?: boolean;
}

const SECTIONS: Section[] = [
  {
    key: "pipeline",
    title:
      "Pipeline: batchGet text → parse → read → score → write plan bodies, against JSON.parse of the same text (Node, main-thread CPU)",
    run: async () => formatPipelineFigures(await benchPipeline()),
  },
  {
    key: "end-to-end",
    title: "End to end: POST /api/score, Worker under wrangler dev (workerd main-thread CPU), Sheets emulator",
    run: async () => formatEndToEndFigures(await benchEndToEnd()),
  },
  {
    key: "limits",
    title: "Workers limits: bundle and start-up",
    run: async () => formatLimitFigures(await benchLimits()),
  },
  {
    key: "memory",
    title: "Memory: the smallest V8 heap with which runs complete in workerd (bisected heap cap)",
    run: async () => formatMemoryFigures(await benchMemory()),
  },
  {
    key: "district",
    title:
      "District: full POST /api/score of the demo district alone, Worker under wrangler dev (workerd main-thread CPU)",
    run: async () => formatDistrictFigures(await benchDistrict()),
    onlyWhenNamed: true,
  },
];

const named = process.argv.slice(2);
for (const section of SECTIONS.filter((s) => (named.length === 0 ? !s.onlyWhenNamed : named.includes(s.key)))) {
  console.log(`\n${section.title}`);
  for (const line of await section.run()) console.log(line);
}

/**
 * `npm run bench`: every benchmark of the repo, one section after another, each printing its own table.
 * A section is a title and a function returning its lines; add new ones to `SECTIONS`.
 */
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
  // The end-to-end figures inside workerd (tools/bench/end-to-end.ts) come here.
];

for (const section of SECTIONS) {
  console.log(`\n${section.title}`);
  for (const line of await section.run()) console.log(line);
}

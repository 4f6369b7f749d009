/**
 * Child process of the cold pipeline figure: a fresh V8 (nothing compiled yet) generates the province, then
 * measures one JSON.parse and one whole pipeline on the batchGet text. Prints one JSON line.
 */
import { generateProvince } from "../demo/province.ts";
import { batchGetText, measureOnce } from "./pipeline-run.ts";

const { text, titles } = batchGetText(generateProvince({}));
console.log(JSON.stringify(measureOnce(text, titles)));

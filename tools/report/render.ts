/**
 * Renders the demo district's Word report to PDF and PNG pages, to look at it as a person would (issue 9):
 *
 *   node --experimental-transform-types --no-warnings tools/report/render.ts [--out test-output/report]
 *
 * Builds the .docx with the Worker's own pure builder (`reportDocument`) over the demo scored by the pure pipeline,
 * then converts it with LibreOffice headless (`soffice --headless --convert-to pdf`) and poppler's `pdftoppm -png`.
 * Needs the Debian packages libreoffice-writer, poppler-utils and fonts-liberation (Times New Roman is not in Debian:
 * LibreOffice shows its metric twin Liberation Serif, same widths, so lines and pages break as in Word).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { Packer } from "docx";
import { reportDocument } from "../../src/report/report-document.ts";
import { reportFileName } from "../../src/report/report-file.ts";
import { demoScoreRun } from "./demo-run.ts";

const { values } = parseArgs({ options: { out: { type: "string", default: "test-output/report" } } });
const out = resolve(values.out ?? "test-output/report");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const run = demoScoreRun();
const name = reportFileName("nam", run.year).ascii;
const docx = join(out, name);
writeFileSync(docx, Buffer.from(await Packer.toArrayBuffer(reportDocument({ review: "nam", run }))));
console.log(`wrote ${docx}`);

// A private LibreOffice profile, so a desktop session (or another render) does not lock the conversion.
const profile = `file://${join(out, ".lo-profile")}`;
execFileSync(
  "soffice",
  [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", out, docx],
  {
    stdio: "inherit",
  },
);
const pdf = docx.replace(/\.docx$/, ".pdf");
execFileSync("pdftoppm", ["-png", "-r", "100", pdf, join(out, "page")], { stdio: "inherit" });
rmSync(join(out, ".lo-profile"), { recursive: true, force: true });
const pages = readdirSync(out).filter((f) => f.endsWith(".png"));
console.log(`${pdf}: ${pages.length} pages as PNG in ${out}`);

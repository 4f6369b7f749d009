/**
 * Renders the demo district's Word report to PDF and PNG pages, to look at it as a person would (issue 9):
 *
 *   node --experimental-transform-types --no-warnings tools/report/render.ts [--review nam|6-thang|giai-doan]
 *     [--gap-year 2023] [--out test-output/report]
 *
 * `--review` picks the review (SPEC §3.8, default `nam`); `--gap-year` leaves that year out of the demo's
 * registrations, to see how a stage shows a year without data. Output goes to `test-output/report/{review}/`.
 * Builds the .docx with the Worker's own pure builder (`reportDocument`) over the demo reviewed by the pure pipeline,
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
import { REVIEW_KINDS, type ReviewKind } from "../../scoring/review-kind.ts";
import { DEMO_YEAR, DEMO_YEARS } from "../demo/district.ts";
import { demoReviewReport } from "./demo-run.ts";

const { values } = parseArgs({
  options: {
    out: { type: "string", default: "test-output/report" },
    review: { type: "string", default: "nam" },
    "gap-year": { type: "string" },
  },
});
const review = values.review as ReviewKind;
if (!REVIEW_KINDS.includes(review)) throw new Error(`--review must be one of ${REVIEW_KINDS.join(", ")}`);
const gap = values["gap-year"] === undefined ? undefined : Number(values["gap-year"]);
const out = join(resolve(values.out ?? "test-output/report"), review);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const district = gap === undefined ? {} : { years: DEMO_YEARS.filter((y) => y !== gap) };
const report = demoReviewReport(review, { district });
const name = reportFileName(review, DEMO_YEAR).ascii;
const docx = join(out, name);
writeFileSync(docx, Buffer.from(await Packer.toArrayBuffer(reportDocument(report))));
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

import { Document, type FileChild } from "docx";
import type { ScoreRun, SixMonthRun, StageRun } from "../jobs/score-spreadsheet.ts";
import { administrativeHeader, reportTitle } from "./admin-header.ts";
import { annualClosing, annualReportBody, annualSubject } from "./annual/annual-report.ts";
import { closingBlock } from "./closing.ts";
import { sixMonthClosing, sixMonthReportBody, sixMonthSubject } from "./six-month/six-month-report.ts";
import { stageClosing, stageReportBody, stageSubject } from "./stage/stage-report.ts";
import { DOCUMENT_STYLES, PAGE_PROPERTIES, pageNumberHeaders } from "./page-layout.ts";

/**
 * What a report is made from: the stored run of one review (SPEC §3.8), tagged by the review; the switch below makes
 * each say how its body reads.
 */
export type ReviewReport =
  | { review: "nam"; run: ScoreRun }
  | { review: "6-thang"; run: SixMonthRun }
  | { review: "giai-doan"; run: StageRun };

interface ReportParts {
  subject: string;
  body: FileChild[];
  closing: string;
}

function partsOf(report: ReviewReport): ReportParts {
  switch (report.review) {
    case "nam":
      return {
        subject: annualSubject(report.run.year),
        body: annualReportBody(report.run),
        closing: annualClosing(report.run.year),
      };
    case "6-thang":
      return {
        subject: sixMonthSubject(report.run.sixMonth.year),
        body: sixMonthReportBody(report.run),
        closing: sixMonthClosing(report.run.sixMonth.year),
      };
    case "giai-doan":
      return {
        subject: stageSubject(report.run.stage.stage),
        body: stageReportBody(report.run),
        closing: stageClosing(report.run.stage.stage),
      };
    default: {
      const unknown: never = report;
      throw new Error(`Unknown review ${JSON.stringify((unknown as { review: unknown }).review)}`);
    }
  }
}

/**
 * The Word report of a review, laid out as a Vietnamese administrative report (Nghị định 30/2020/NĐ-CP): header
 * table, `BÁO CÁO` and its trích yếu, the body, `Nơi nhận` and the signature. Pure: the same result gives the same
 * document (the Worker packs it; tests read it without HTTP).
 *
 * @example await Packer.toArrayBuffer(reportDocument({ review: "nam", run })) // → the .docx bytes
 */
export function reportDocument(report: ReviewReport): Document {
  const parts = partsOf(report);
  return new Document({
    creator: "dvk-score",
    title: `Báo cáo – ${parts.subject}`,
    description: parts.subject,
    styles: DOCUMENT_STYLES,
    sections: [
      {
        properties: PAGE_PROPERTIES,
        headers: pageNumberHeaders(),
        children: [
          administrativeHeader(),
          ...reportTitle(parts.subject),
          ...parts.body,
          ...closingBlock(parts.closing),
        ],
      },
    ],
  });
}

import { Document, type FileChild } from "docx";
import type { ReviewKind } from "../../scoring/review-kind.ts";
import type { ScoreRun } from "../jobs/score-spreadsheet.ts";
import { administrativeHeader, reportTitle } from "./admin-header.ts";
import { annualClosing, annualReportBody, annualSubject } from "./annual/annual-report.ts";
import { closingBlock } from "./closing.ts";
import { DOCUMENT_STYLES, PAGE_PROPERTIES, pageNumberHeaders } from "./page-layout.ts";

/**
 * What a report is made from: the stored result of one review (SPEC §3.8). Only the annual review is stored today;
 * the six-month and stage reviews join this union with their own result, and the switch below makes each say how
 * its body reads.
 */
export type ReviewReport = { review: Extract<ReviewKind, "nam">; run: ScoreRun };

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
    default: {
      const unknown: never = report.review;
      throw new Error(`Unknown review ${JSON.stringify(unknown)}`);
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

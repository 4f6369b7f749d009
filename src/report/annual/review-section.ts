import type { FileChild } from "docx";
import { REVIEW_LABEL } from "../../../scoring/labels.ts";
import type { Registration, ScoringResult } from "../../../scoring/types.ts";
import { failedReasons } from "../../../sheets-schema/output/review-tab.ts";
import { yearlyTabTitle } from "../../../sheets-schema/output/tab-names.ts";
import { unitNames } from "../../../sheets-schema/output/unit-names.ts";
import { heading, note } from "../paragraphs.ts";
import { afterTable, dataTable } from "../table.ts";

/**
 * `5. Mô hình, điển hình cần rà soát` (`Rà soát {Y}`, SPEC §3.6): what is proposed for removal from the list or needs
 * strengthening, with its unit and the criteria it failed this year.
 */
export function reviewSection(number: string, result: ScoringResult): FileChild[] {
  const title = heading(2, number, `Mô hình, điển hình cần rà soát (${yearlyTabTitle("review", result.year)})`);
  if (result.review.length === 0) return [title, note("Không có mô hình, điển hình cần rà soát.")];
  const names = unitNames(result);
  const failed = reasonsOfListed(result);
  return [
    title,
    dataTable(
      [
        { header: "Mã mô hình", width: 1.3 },
        { header: "Đơn vị", width: 2.2 },
        { header: "Tên mô hình, điển hình", width: 2.8 },
        { header: "Đề nghị", width: 1.9 },
        { header: "Lý do", width: 2.6 },
      ],
      result.review.map((item) => [
        item.registration.modelId ?? "",
        names.get(item.registration.unitCode) ?? item.registration.unitCode,
        item.registration.name,
        REVIEW_LABEL[item.code],
        failed.get(item.registration) ?? "",
      ]),
      { numbered: true },
    ),
    afterTable(),
  ];
}

/** `Lý do` of each listed registration, as `Rà soát {Y}` writes it. */
function reasonsOfListed(result: ScoringResult): Map<Registration, string> {
  const listed = new Set(result.review.map((item) => item.registration));
  const out = new Map<Registration, string>();
  for (const v of result.registrations) if (listed.has(v.registration)) out.set(v.registration, failedReasons(v));
  return out;
}

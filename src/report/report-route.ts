import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { Packer } from "docx";
import { REVIEW_KINDS, type ReviewKind } from "../../scoring/review-kind.ts";
import { errorResponse, NOT_SIGNED_IN } from "../api/error-response.ts";
import { ResultsQuery } from "../api/schemas.ts";
import { validationHook } from "../api/validation-hook.ts";
import { SIGNED_IN } from "../auth/openapi-security.ts";
import { configOf } from "../config/config.ts";
import { ApiError } from "../http/api-error.ts";
import type { ReviewRun } from "../jobs/score-spreadsheet.ts";
import { scorerFor, storedResult } from "../scorer/scorer-for.ts";
import { type ReviewReport, reportDocument } from "./report-document.ts";
import { contentDisposition, DOCX_TYPE, REVIEW_NAME, reportFileName } from "./report-file.ts";

export const ReportQuery = ResultsQuery.extend({
  review: z.enum(REVIEW_KINDS).default("nam").openapi({
    description: "Kỳ báo cáo: nam (tổng kết năm), 6-thang (sơ kết 6 tháng), giai-doan (tổng kết giai đoạn)",
    example: "nam",
  }),
});

const route = createRoute({
  method: "get",
  path: "/api/report",
  summary: "Báo cáo Word (.docx) của một kỳ sơ kết, tổng kết",
  description:
    "Báo cáo theo thể thức Nghị định 30/2020/NĐ-CP (khổ A4, Times New Roman), với mọi số liệu và bảng của kỳ báo cáo từ lần chấm gần nhất đã ghi, và các chỗ đánh dấu để Ban Chỉ đạo viết đánh giá chung, tồn tại, hạn chế, phương hướng.",
  security: SIGNED_IN,
  request: { query: ReportQuery },
  responses: {
    200: {
      description: "Tệp Word (.docx) để tải về và sửa",
      content: { [DOCX_TYPE]: { schema: z.string().openapi({ format: "binary" }) } },
    },
    400: errorResponse("Tham số sai"),
    401: NOT_SIGNED_IN,
    404: errorResponse("Chưa có kết quả của kỳ báo cáo này"),
  },
});

/** `GET /api/report` (SPEC §6): the latest stored run of a review as an editable Word report. */
export const reportRoute = new OpenAPIHono<{ Bindings: Env }>({ defaultHook: validationHook });
reportRoute.openapi(route, async (c) => {
  const { year, review, spreadsheetId: asked } = c.req.valid("query");
  const spreadsheetId = asked ?? configOf(c.env).spreadsheetId;
  const report = spreadsheetId ? await storedReport(c.env, spreadsheetId, year, review) : null;
  if (report === null) {
    const what = REVIEW_NAME[review].words;
    throw new ApiError(404, "not_found", `Chưa có kết quả ${what} năm ${year} cho bảng tính này: hãy chấm điểm trước.`);
  }
  const bytes = await Packer.toArrayBuffer(reportDocument(report));
  return c.body(bytes, 200, {
    "Content-Type": DOCX_TYPE,
    "Content-Disposition": contentDisposition(reportFileName(review, year)),
    // Behind Access, and a new run changes it: no shared cache may keep it.
    "Cache-Control": "private, no-store",
  });
});

/**
 * The stored run a report is made from, or null when that review of that year was never completed. Each review is
 * stored under its own key; the run's own tag is checked all the same, so a report never reads one review's run as
 * another's (an annual run stored before reviews existed has no tag: it is the annual one).
 */
async function storedReport(
  env: Env,
  spreadsheetId: string,
  year: number,
  review: ReviewKind,
): Promise<ReviewReport | null> {
  const stored = await storedResult<ReviewRun>(scorerFor(env, spreadsheetId), year, review);
  if (stored === null) return null;
  const report = reportOf({ ...stored, reviewKind: stored.reviewKind ?? "nam" } as ReviewRun);
  return report.review === review ? report : null;
}

/** A run as the report of its review. */
function reportOf(run: ReviewRun): ReviewReport {
  switch (run.reviewKind) {
    case "nam":
      return { review: "nam", run };
    case "6-thang":
      return { review: "6-thang", run };
    case "giai-doan":
      return { review: "giai-doan", run };
    default: {
      const unknown: never = run;
      throw new Error(`Unknown review ${JSON.stringify((unknown as ReviewRun).reviewKind)}`);
    }
  }
}

import { z } from "@hono/zod-openapi";
import { describeSpreadsheetRefProblem, parseSpreadsheetRef } from "../../sheets-schema/spreadsheet-id.ts";

/**
 * The `spreadsheetId` of a request: a spreadsheet id or the spreadsheet's Google Sheets address (as `Nguồn dữ liệu`
 * accepts), normalised to the id. Optional: the configured SPREADSHEET_ID is used when it is absent.
 *
 * @example SpreadsheetIdField.parse("https://docs.google.com/spreadsheets/d/1AbC-x_9/edit") // → "1AbC-x_9"
 */
export const SpreadsheetIdField = z
  .string()
  .max(1000)
  .transform((text, ctx) => {
    const ref = parseSpreadsheetRef(text);
    if (ref.ok) return ref.id;
    ctx.addIssue({ code: "custom", message: describeSpreadsheetRefProblem(ref.problem, `"${text}"`) });
    return z.NEVER;
  })
  .optional()
  .openapi({
    description:
      "Mã bảng tính Google Sheets, hoặc đường dẫn của bảng tính (https://docs.google.com/spreadsheets/d/{mã}/edit); mặc định là SPREADSHEET_ID",
    example: "demo-district",
  });

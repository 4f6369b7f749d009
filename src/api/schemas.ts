import { z } from "@hono/zod-openapi";
import { REVIEW_KINDS } from "../../scoring/review-kind.ts";
import { SpreadsheetIdField } from "./spreadsheet-id-field.ts";

/** Which review of SPEC §3.8: `nam` (annual, the default), `6-thang` (six months), `giai-doan` (the stage). */
const ReviewField = z
  .enum(REVIEW_KINDS, {
    error: 'phải là "nam" (chấm điểm năm), "6-thang" (sơ kết 6 tháng) hoặc "giai-doan" (tổng kết giai đoạn)',
  })
  .default("nam")
  .openapi({
    description:
      "Loại đánh giá: nam – chấm điểm năm (mặc định); 6-thang – sơ kết 6 tháng (đến Ngày sơ kết 6 tháng); giai-doan – tổng kết giai đoạn (Giai đoạn ở Cấu hình)",
    example: "nam",
  });

/** Body of `POST /api/score` (SPEC §6). */
export const ScoreBody = z
  .object({
    year: z.number().int().min(2000).max(2100).openapi({ example: 2024, description: "Năm chấm điểm" }),
    spreadsheetId: SpreadsheetIdField,
    dryRun: z.boolean().default(false).openapi({ description: "true: chỉ chấm điểm, không ghi vào bảng tính" }),
    caller: z.string().max(100).optional().openapi({ description: "Ai yêu cầu chấm điểm (ghi vào nhật ký)" }),
    review: ReviewField,
    background: z.boolean().optional().openapi({
      description:
        "true: chạy nền, trả lời ngay 202 với mã lần chạy để theo dõi (GET /api/runs/{runId}). Lần chấm có quá nhiều nguồn dữ liệu để đọc trong một yêu cầu cũng tự chạy nền.",
    }),
  })
  .strict()
  .openapi("ScoreBody");

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string().openapi({ description: "Thông báo bằng tiếng Việt" }),
      field: z.string().optional().openapi({ description: "Trường sai trong yêu cầu" }),
      where: z.string().optional().openapi({ description: "Ô, cột hoặc trang tính có vấn đề" }),
    }),
  })
  .openapi("Error");

export const ResultsQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).openapi({ example: 2024 }),
  spreadsheetId: SpreadsheetIdField,
  review: ReviewField,
});

const FailedSource = z.object({
  spreadsheetId: z.string(),
  name: z.string(),
  cell: z.string(),
  status: z.number().nullable(),
  reason: z.string(),
});

/** A run continued in the background (`POST /api/score` answering 202, `GET /api/runs/{runId}`). */
export const RunProgressSchema = z
  .object({
    runId: z.string().openapi({ description: "Mã lần chạy nền" }),
    spreadsheetId: z.string(),
    year: z.number(),
    reviewKind: z.enum(REVIEW_KINDS).openapi({ description: "Loại đánh giá của lần chạy" }),
    status: z.enum(["running", "succeeded", "failed"]),
    step: z.enum(["main", "sources", "finishing", "done"]),
    stepLabel: z.string().openapi({ description: "Bước đang làm, tiếng Việt", example: "Đọc các nguồn dữ liệu" }),
    sourcesTotal: z
      .number()
      .nullable()
      .openapi({ description: "Số nguồn trong Nguồn dữ liệu (null: chưa đọc bảng tính chính)" }),
    sourcesRead: z.number(),
    sourcesFailed: z.number(),
    percent: z.number().min(0).max(100),
    steps: z.number().openapi({ description: "Số bước đã chạy" }),
    startedAt: z.string(),
    updatedAt: z.string(),
    failedSources: z.array(FailedSource),
    resultUrl: z.string().optional().openapi({ description: "Khi xong: nơi lấy toàn bộ kết quả" }),
    summary: z
      .object({
        units: z.number(),
        registrations: z.number(),
        dataErrors: z.number(),
        tabsWritten: z.array(z.string()),
      })
      .optional(),
    error: z
      .object({ status: z.number(), code: z.string(), message: z.string(), where: z.string().optional() })
      .optional(),
  })
  .openapi("RunProgress");

export const RunParams = z.object({
  runId: z
    .string()
    .regex(/^[0-9a-f]{64}\.[0-9a-f-]{36}$/, {
      error: "không phải mã lần chạy nền (mã có dạng được trả về ở Location khi POST /api/score trả lời 202)",
    })
    .openapi({
      param: { name: "runId", in: "path" },
      description: "Mã lần chạy nền (trả về khi POST /api/score trả lời 202)",
    }),
});

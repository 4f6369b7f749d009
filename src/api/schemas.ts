import { z } from "@hono/zod-openapi";

/** Body of `POST /api/score` (SPEC §6). */
export const ScoreBody = z
  .object({
    year: z.number().int().min(2000).max(2100).openapi({ example: 2024, description: "Năm chấm điểm" }),
    spreadsheetId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,200}$/)
      .optional()
      .openapi({ description: "Mã bảng tính Google Sheets; mặc định là SPREADSHEET_ID", example: "demo-district" }),
    dryRun: z.boolean().default(false).openapi({ description: "true: chỉ chấm điểm, không ghi vào bảng tính" }),
    caller: z.string().max(100).optional().openapi({ description: "Ai yêu cầu chấm điểm (ghi vào nhật ký)" }),
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

const Row = z.object({ source: z.string(), row: z.number() });
const Unit = z.object({
  ref: Row, code: z.string(), name: z.string(), type: z.string(),
  parentCode: z.string().nullable(), cluster: z.string().nullable(), titleParticipation: z.boolean().nullable(),
});
const Registration = z.looseObject({ ref: Row, modelId: z.string().nullable(), year: z.number(), unitCode: z.string(), name: z.string() });

/** A target's goal as numbers, in the units of `actual` (a fraction for shares); see `Goal` in scoring/types.ts. */
const Goal = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("above"), min: z.number() }).openapi({ description: "Trên min (ví dụ > 70%)" }),
    z.object({ kind: z.literal("atLeast"), min: z.number() }).openapi({ description: "Ít nhất min (ví dụ ≥ 100%)" }),
    z
      .object({ kind: z.literal("between"), min: z.number(), max: z.number() })
      .openapi({ description: "Từ min đến max, tính cả hai đầu (ví dụ 25% – 30%); min = max: đúng bằng số đó" }),
  ])
  .openapi("Goal", { description: "Mục tiêu của chỉ tiêu, cùng đơn vị với actual (tỷ lệ là phân số, 0,7 = 70%)" });

/** What a run returns and `GET /api/results` serves again (documented for the API reference). */
export const ScoreRunSchema = z
  .object({
    runId: z.string(),
    spreadsheetId: z.string(),
    year: z.number(),
    dryRun: z.boolean(),
    startedAt: z.string(),
    durationMs: z.number(),
    caller: z.string(),
    tabsWritten: z.array(z.string()),
    sheetsRequests: z.number(),
    criteriaInForce: z.array(z.string()),
    units: z.array(
      z.looseObject({
        unit: Unit, group: z.string(), rank: z.number(), registrations: z.number(), counted: z.number(),
        recognised: z.number(), recognisedCollective: z.number(), recognisedIndividual: z.number(), fields: z.number(),
        meanApproval: z.number(), score: z.number(), quotaMet: z.boolean(), takesPartInTitle: z.boolean(),
        title: z.enum(["exemplary", "title", "tieAtCap", "none"]),
        flags: z.array(z.object({ code: z.string(), message: z.string() })),
      }),
    ),
    registrations: z.array(
      z.looseObject({
        registration: Registration, counted: z.boolean(), recognised: z.boolean(), approvalShare: z.number().nullable(),
        criteria: z.array(z.object({ criterion: z.string(), passed: z.boolean(), reason: z.string() })),
      }),
    ),
    targets: z.array(
      z.looseObject({
        id: z.string(), label: z.string(), communeCode: z.string().nullable(), goal: Goal,
        actual: z.number().nullable(), unit: z.enum(["share", "count"]), numerator: z.number(), denominator: z.number(),
        met: z.boolean(), detail: z.string(),
        missing: z
          .array(z.object({ code: z.string(), name: z.string() }))
          .openapi({ description: "Đơn vị chỉ tiêu thấy còn thiếu (độ phủ thôn, khu phố: các thôn chưa có mô hình được công nhận); rỗng nếu không có" }),
      }),
    ),
    communeTeams: z.array(z.looseObject({ communeCode: z.string(), communeName: z.string(), teams: z.number(), good: z.number(), share: z.number().nullable(), met: z.boolean() })),
    teamFlags: z.array(z.looseObject({ code: z.string(), message: z.string() })),
    review: z.array(z.looseObject({ code: z.string(), message: z.string(), registration: Registration })),
    dataErrors: z.array(
      z.object({
        tab: z.string(), cell: z.string(), value: z.string(), message: z.string(),
        source: z.string().optional().openapi({ description: "Mã bảng tính nguồn chứa ô này (không có: bảng tính chính)" }),
        sourceName: z.string().optional().openapi({ description: "Tên nguồn (cột Tên nguồn của Nguồn dữ liệu)" }),
      }),
    ),
    sources: z
      .array(z.object({ spreadsheetId: z.string(), name: z.string(), cell: z.string(), read: z.boolean() }))
      .openapi({ description: "Các bảng tính liệt kê trong trang tính Nguồn dữ liệu (rỗng nếu chỉ chấm một bảng tính)" }),
    failedSources: z
      .array(
        z.object({
          spreadsheetId: z.string(), name: z.string(), cell: z.string(),
          status: z.number().nullable().openapi({ description: "Mã HTTP của Google (403 chưa chia sẻ, 404 sai mã); null: trang tính sai cấu trúc" }),
          reason: z.string(),
        }),
      )
      .openapi({ description: "Các nguồn không đọc được: dữ liệu của chúng không được chấm lần này" }),
  })
  .openapi("ScoreRun");

export const ResultsQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).openapi({ example: 2024 }),
  spreadsheetId: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/).optional(),
});

const FailedSource = z.object({
  spreadsheetId: z.string(), name: z.string(), cell: z.string(), status: z.number().nullable(), reason: z.string(),
});

/** A run continued in the background (`POST /api/score` answering 202, `GET /api/runs/{runId}`). */
export const RunProgressSchema = z
  .object({
    runId: z.string().openapi({ description: "Mã lần chạy nền" }),
    spreadsheetId: z.string(),
    year: z.number(),
    status: z.enum(["running", "succeeded", "failed"]),
    step: z.enum(["main", "sources", "finishing", "done"]),
    stepLabel: z.string().openapi({ description: "Bước đang làm, tiếng Việt", example: "Đọc các nguồn dữ liệu" }),
    sourcesTotal: z.number().nullable().openapi({ description: "Số nguồn trong Nguồn dữ liệu (null: chưa đọc bảng tính chính)" }),
    sourcesRead: z.number(),
    sourcesFailed: z.number(),
    percent: z.number().min(0).max(100),
    steps: z.number().openapi({ description: "Số bước đã chạy" }),
    startedAt: z.string(),
    updatedAt: z.string(),
    failedSources: z.array(FailedSource),
    resultUrl: z.string().optional().openapi({ description: "Khi xong: nơi lấy toàn bộ kết quả" }),
    summary: z
      .object({ units: z.number(), registrations: z.number(), dataErrors: z.number(), tabsWritten: z.array(z.string()) })
      .optional(),
    error: z.object({ status: z.number(), code: z.string(), message: z.string(), where: z.string().optional() }).optional(),
  })
  .openapi("RunProgress");

export const RunParams = z.object({
  runId: z
    .string()
    .regex(/^[0-9a-f]{64}\.[0-9a-f-]{36}$/)
    .openapi({ param: { name: "runId", in: "path" }, description: "Mã lần chạy nền (trả về khi POST /api/score trả lời 202)" }),
});

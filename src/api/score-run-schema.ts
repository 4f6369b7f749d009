import { z } from "@hono/zod-openapi";

/**
 * What a run returns and `GET /api/results` serves again (`ScoreRun` in src/jobs/score-spreadsheet.ts), every field
 * documented: the routes are type-checked against it and the API tests parse real answers with it, strictly, so a
 * field added to the result without being added here fails a test.
 */

const RowRef = z.object({
  source: z.string().openapi({ description: "Mã bảng tính nguồn (rỗng: bảng tính chính)" }),
  row: z.number().openapi({ description: "Số dòng trong trang tính (từ 1)" }),
});

const Unit = z.object({
  ref: RowRef,
  code: z.string(),
  name: z.string(),
  type: z.enum(["commune", "partyCell", "agency", "village", "massOrganisation"]),
  parentCode: z.string().nullable(),
  cluster: z.string().nullable(),
  titleParticipation: z.boolean().nullable(),
});

const Registration = z.object({
  ref: RowRef,
  modelId: z.string().nullable(),
  year: z.number(),
  unitCode: z.string(),
  name: z.string(),
  kind: z.enum(["collective", "individual"]),
  field: z.enum(["economy", "cultureSociety", "defenceSecurity", "politicalSystem"]),
  form: z.enum(["new", "replicated", "maintained"]),
  registeredOn: z.string().nullable().openapi({ description: "Ngày đăng ký, yyyy-mm-dd" }),
  reportedOn: z.string().nullable().openapi({ description: "Ngày báo cáo, yyyy-mm-dd" }),
  publicVote: z.boolean(),
  votesFor: z.number().nullable(),
  votesCast: z.number().nullable(),
  acknowledged: z.boolean(),
  spread: z.enum(["low", "medium", "high"]).nullable(),
  committeeRecognised: z.boolean(),
  note: z.string(),
});

const Criterion = z.enum(["registeredOnTime", "democraticVote", "acknowledged", "spread", "committeeRecognised"]);

const UnitResult = z.object({
  unit: Unit,
  group: z.string().openapi({ description: "Cụm thi đua, hoặc loại đơn vị" }),
  rank: z.number(),
  registrations: z.number(),
  counted: z.number(),
  recognised: z.number(),
  recognisedCollective: z.number(),
  recognisedIndividual: z.number(),
  fields: z.number(),
  meanApproval: z.number(),
  score: z.number(),
  parts: z.object({ quota: z.number(), recognitionRate: z.number(), vote: z.number(), fields: z.number() }).openapi({
    description: "Điểm chỉ tiêu, Điểm tỷ lệ công nhận, Điểm bình chọn, Điểm lĩnh vực (mỗi phần làm tròn 2 chữ số)",
  }),
  quotaMet: z.boolean(),
  takesPartInTitle: z.boolean(),
  title: z.enum(["exemplary", "title", "tieAtCap", "none"]),
  reason: z
    .discriminatedUnion("code", [
      z.object({ code: z.literal("notTakingPart") }),
      z.object({ code: z.literal("quotaNotMet") }),
      z.object({ code: z.literal("beyondCap"), lowestProposed: z.number().nullable() }),
    ])
    .nullable()
    .openapi({ description: "Lý do chưa được đề xuất danh hiệu; null khi được đề xuất hoặc đồng hạng tại ngưỡng" }),
  flags: z.array(
    z.object({
      code: z.enum([
        "quotaNotMet",
        "lateReport",
        "noRegistration",
        "weakOrUnratedTeam",
        "tieAtExemplaryCap",
        "rejectedRows",
      ]),
      message: z.string(),
    }),
  ),
});

const RegistrationVerdict = z.object({
  registration: Registration,
  counted: z.boolean(),
  criteria: z.array(z.object({ criterion: Criterion, passed: z.boolean(), reason: z.string() })),
  recognised: z.boolean(),
  approvalShare: z.number().nullable(),
});

/** A target's goal as numbers, in the units of `actual` (a fraction for shares); see `Goal` in scoring/types.ts. */
const Goal = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("above"), min: z.number() }).openapi({ description: "Trên min (ví dụ > 70%)" }),
    z.object({ kind: z.literal("atLeast"), min: z.number() }).openapi({ description: "Ít nhất min (ví dụ ≥ 100%)" }),
    z
      .object({ kind: z.literal("between"), min: z.number(), max: z.number() })
      .openapi({ description: "Từ min đến max, tính cả hai đầu (ví dụ 25% – 30%); min = max: đúng bằng số đó" }),
  ])
  .openapi("Goal", { description: "Mục tiêu của chỉ tiêu, cùng đơn vị với actual (tỷ lệ là phân số: 0,7 là 70%)" });

const TargetResult = z.object({
  id: z.enum(["titleShare", "exemplaryCount", "villageTeamsGood", "communeBlocsGood", "villageCoverage", "quotaShare"]),
  label: z.string(),
  communeCode: z
    .string()
    .nullable()
    .openapi({ description: "Xã của chỉ tiêu tổ dân vận theo xã; null: chỉ tiêu toàn huyện" }),
  goal: Goal,
  actual: z.number().nullable().openapi({ description: "Tỷ lệ (phân số) hoặc số lượng; null: không có gì để đo" }),
  unit: z.enum(["share", "count"]),
  numerator: z.number(),
  denominator: z.number(),
  met: z.boolean(),
  detail: z.string(),
  missing: z.array(z.object({ code: z.string(), name: z.string() })).openapi({
    description:
      "Đơn vị chỉ tiêu thấy còn thiếu (độ phủ thôn, khu phố: các thôn chưa có mô hình được công nhận); rỗng nếu không có",
  }),
});

const Team = z.object({
  ref: RowRef,
  year: z.number(),
  teamId: z.string(),
  name: z.string(),
  level: z.enum(["villageTeam", "communeBloc"]),
  unitCode: z.string(),
  rating: z.enum(["good", "fair", "average", "weak"]).nullable(),
});

const DataErrorSchema = z.object({
  tab: z.string(),
  cell: z.string(),
  value: z.string(),
  message: z.string(),
  source: z.string().optional().openapi({ description: "Mã bảng tính nguồn chứa ô này (không có: bảng tính chính)" }),
  sourceName: z.string().optional().openapi({ description: "Tên nguồn (cột Tên nguồn của Nguồn dữ liệu)" }),
  unitCode: z.string().optional().openapi({
    description:
      "Mã đơn vị của dòng có lỗi (dòng Đơn vị, Đăng ký hoặc Tổ, khối dân vận) khi ô Mã đơn vị đọc được; không có: không biết",
  }),
});

/** What every run says about itself, whichever review it ran (`RunInfo`). */
const runInfo = {
  runId: z.string(),
  spreadsheetId: z.string(),
  spreadsheetTitle: z
    .string()
    .openapi({ description: "Tên bảng tính chính lúc chấm điểm (properties.title của Google Sheets)" }),
  sheetIds: z.record(z.string(), z.number()).openapi({
    description:
      "Mã trang tính (sheetId, phần #gid= của đường dẫn) của từng trang tính đầu vào đã đọc trong bảng tính chính, theo tên trang tính",
  }),
  year: z.number().openapi({ description: "Năm được yêu cầu" }),
  dryRun: z.boolean(),
  startedAt: z.string(),
  durationMs: z.number(),
  caller: z.string(),
  tabsWritten: z.array(z.string()),
  sheetsRequests: z.number(),
  dataErrors: z.array(DataErrorSchema),
  sources: z
    .array(z.object({ spreadsheetId: z.string(), name: z.string(), cell: z.string(), read: z.boolean() }))
    .openapi({
      description: "Các bảng tính liệt kê trong trang tính Nguồn dữ liệu (rỗng nếu chỉ chấm một bảng tính)",
    }),
  failedSources: z
    .array(
      z.object({
        spreadsheetId: z.string(),
        name: z.string(),
        cell: z.string(),
        status: z.number().nullable().openapi({
          description: "Mã HTTP của Google (403 chưa chia sẻ, 404 sai mã); null: trang tính sai cấu trúc",
        }),
        reason: z.string(),
      }),
    )
    .openapi({ description: "Các nguồn không đọc được: dữ liệu của chúng không được chấm lần này" }),
};

/** The annual run (§3.1–§3.7). */
export const ScoreRunSchema = z
  .object({
    ...runInfo,
    reviewKind: z.literal("nam").openapi({ description: "Chấm điểm năm" }),
    stagePeriod: z.object({ first: z.number(), last: z.number() }).openapi({
      description:
        "Giai đoạn chứa năm Y theo Cấu hình (Giai đoạn; mặc định 5 năm: 2021–2025, 2026–2030…): trang đơn vị hiện quá trình của các năm này",
    }),
    criteriaInForce: z.array(Criterion),
    scoreRules: z
      .object({
        weights: z
          .object({ quota: z.number(), recognitionRate: z.number(), vote: z.number(), fields: z.number() })
          .openapi({ description: "Trọng số (%): chỉ tiêu, tỷ lệ công nhận, bình chọn, lĩnh vực" }),
        targetModels: z.number().openapi({ description: "Số mô hình mục tiêu (T)" }),
        targetFields: z.number().openapi({ description: "Số lĩnh vực mục tiêu (Ft)" }),
        minimumModels: z.number().openapi({ description: "Số mô hình tối thiểu" }),
        minimumCollective: z.number().openapi({ description: "Tối thiểu tập thể" }),
        minimumIndividual: z.number().openapi({ description: "Tối thiểu cá nhân" }),
      })
      .openapi({ description: "Các tham số Cấu hình mà điểm và chỉ tiêu của lần chấm này dùng" }),
    units: z.array(UnitResult),
    registrations: z.array(RegistrationVerdict),
    targets: z.array(TargetResult),
    communeTeams: z.array(
      z.object({
        communeCode: z.string(),
        communeName: z.string(),
        teams: z.number(),
        good: z.number(),
        share: z.number().nullable(),
        met: z.boolean(),
      }),
    ),
    teamFlags: z.array(z.object({ team: Team, code: z.enum(["weak", "unrated"]), message: z.string() })),
    review: z
      .array(
        z.object({
          registration: Registration,
          code: z.enum(["proposeRemoval", "needsStrengthening"]),
          message: z.string(),
        }),
      )
      .openapi({ description: "Danh sách rà soát (Rà soát {năm}): đề nghị đưa ra khỏi danh sách, cần củng cố" }),
  })
  .openapi("ScoreRun");

const sixMonthCount = <K extends readonly [string, ...string[]]>(keys: K) =>
  z.object({
    key: z.enum(keys),
    registered: z.number().openapi({ description: "Đăng ký đến ngày sơ kết" }),
    reported: z.number().openapi({ description: "Trong đó đã báo cáo đến ngày sơ kết" }),
  });

const FIELDS = ["economy", "cultureSociety", "defenceSecurity", "politicalSystem"] as const;
const KINDS = ["collective", "individual"] as const;

/** The six-month review (`SixMonthResult` in scoring/six-month.ts). */
const SixMonthResultSchema = z
  .object({
    year: z.number(),
    cutoff: z.string().openapi({ description: "Ngày sơ kết trong năm, yyyy-mm-dd" }),
    units: z.array(
      z.object({
        unit: Unit,
        group: z.string().openapi({ description: "Cụm thi đua, hoặc loại đơn vị" }),
        registered: z.number().openapi({ description: "Đăng ký đến ngày sơ kết (mọi hình thức)" }),
        collective: z.number(),
        individual: z.number(),
        reported: z.number().openapi({ description: "Đã báo cáo đến ngày sơ kết" }),
        flags: z.array(
          z.discriminatedUnion("code", [
            z.object({ code: z.literal("noRegistration") }).openapi({ description: "Chưa đăng ký" }),
            z
              .object({ code: z.literal("rejectedRows"), rows: z.number() })
              .openapi({ description: "Có dòng đăng ký bị lỗi (xem Lỗi dữ liệu)" }),
          ]),
        ),
      }),
    ),
    byField: z.array(sixMonthCount(FIELDS)),
    byKind: z.array(sixMonthCount(KINDS)),
    byForm: z.array(sixMonthCount(["new", "replicated", "maintained"] as const)),
    registered: z.number(),
    reported: z.number(),
    undated: z.number().openapi({ description: "Đăng ký của năm chưa ghi Ngày đăng ký (không được tính)" }),
    afterCutoff: z.number().openapi({ description: "Đăng ký của năm sau ngày sơ kết (không được tính)" }),
    unitsWithout: z.number().openapi({ description: "Số đơn vị chưa đăng ký đến ngày sơ kết" }),
  })
  .openapi("SixMonthResult");

const YearCount = z.object({ registrations: z.number(), recognised: z.number() });
const stageBreakdown = <K extends readonly [string, ...string[]]>(keys: K) =>
  z.object({
    key: z.enum(keys),
    perYear: z
      .array(YearCount.nullable())
      .openapi({ description: "Theo từng năm của giai đoạn (years); null: năm chưa có dữ liệu" }),
    total: YearCount,
  });

/** The stage review (`StageResult` in scoring/stage.ts). */
const StageResultSchema = z
  .object({
    year: z.number(),
    stage: z.object({ first: z.number(), last: z.number() }).openapi({ description: "Giai đoạn năm đầu – năm cuối" }),
    years: z.array(z.number()).openapi({ description: "Các năm được tổng kết: năm đầu … min(năm cuối, năm yêu cầu)" }),
    scoredYears: z.array(z.number()).openapi({ description: "Các năm có dòng đăng ký (được chấm)" }),
    units: z.array(
      z.object({
        unit: Unit,
        group: z.string(),
        years: z.array(
          z.object({
            year: z.number(),
            counted: z.number(),
            recognised: z.number(),
            score: z.number(),
            rank: z.number(),
            title: z.enum(["exemplary", "title", "tieAtCap", "none"]),
            takesPartInTitle: z.boolean(),
            quotaMet: z.boolean(),
          }),
        ),
        counted: z.number(),
        recognised: z.number(),
        recognisedByField: z.object({
          economy: z.number(),
          cultureSociety: z.number(),
          defenceSecurity: z.number(),
          politicalSystem: z.number(),
        }),
        yearsQuotaMet: z.number(),
        yearsTitled: z.number().openapi({ description: "Số năm được đề xuất Dân vận khéo (kể cả tiêu biểu)" }),
        yearsExemplary: z.number(),
      }),
    ),
    perYear: z.array(
      z.discriminatedUnion("kind", [
        z.object({ kind: z.literal("noRegistrations"), year: z.number() }).openapi({ description: "Chưa có dữ liệu" }),
        z.object({
          kind: z.literal("scored"),
          year: z.number(),
          registrations: z.number(),
          counted: z.number(),
          recognised: z.number(),
          units: z.number(),
          unitsQuotaMet: z.number(),
          quotaShare: z.number().nullable(),
          unitsTitled: z.number(),
          unitsExemplary: z.number(),
        }),
      ]),
    ),
    byField: z.array(stageBreakdown(FIELDS)),
    byKind: z.array(stageBreakdown(KINDS)),
  })
  .openapi("StageResult");

/** A six-month review run. */
export const SixMonthRunSchema = z
  .object({ ...runInfo, reviewKind: z.literal("6-thang"), sixMonth: SixMonthResultSchema })
  .openapi("SixMonthRun");

/** A stage review run. */
export const StageRunSchema = z
  .object({ ...runInfo, reviewKind: z.literal("giai-doan"), stage: StageResultSchema })
  .openapi("StageRun");

/** Any run, by `reviewKind`: what `POST /api/score` and `GET /api/results` answer. */
export const ReviewRunSchema = z
  .discriminatedUnion("reviewKind", [ScoreRunSchema, SixMonthRunSchema, StageRunSchema])
  .openapi("ReviewRun");

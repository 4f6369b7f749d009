/**
 * The Word reports of the six-month and stage reviews (SPEC §3.8) built from small results made by hand, packed as
 * the Worker packs them and read back through mammoth: every figure of each review is checked where it is printed.
 */
import { Packer } from "docx";
import { describe, expect, it } from "vitest";
import type { SixMonthResult, SixMonthUnit } from "../scoring/six-month.ts";
import type { StageResult, StageUnit, StageUnitYear } from "../scoring/stage.ts";
import type { Unit, UnitType } from "../scoring/types.ts";
import type { DataError } from "../sheets-schema/types.ts";
import type { RunInfo, SixMonthRun, StageRun } from "../src/jobs/score-spreadsheet.ts";
import { type ReviewReport, reportDocument } from "../src/report/report-document.ts";
import { docxHtml, docxPart, docxText, htmlTables, tableStartingWith } from "./support/docx.ts";

function unit(code: string, name: string, type: UnitType, cluster: string | null): Unit {
  return { ref: { source: "", row: 2 }, code, name, type, parentCode: null, cluster, titleParticipation: null };
}

const ERROR: DataError = {
  tab: "Đăng ký",
  cell: "'Đăng ký'!G7",
  value: "31/02/2024",
  message: "Ngày 31/02/2024 không tồn tại",
};

function info(year: number, dataErrors: DataError[]): RunInfo {
  return {
    year,
    runId: "run-1",
    spreadsheetId: "s",
    spreadsheetTitle: "Huyện Thử",
    sheetIds: {},
    dryRun: false,
    startedAt: "2024-07-05T02:00:00.000Z", // 09:00 in Vietnam
    durationMs: 1,
    caller: "API",
    dataErrors,
    tabsWritten: [],
    sheetsRequests: 0,
    sources: [],
    failedSources: [],
  };
}

async function read(report: ReviewReport) {
  const bytes = await Packer.toArrayBuffer(reportDocument(report));
  return { bytes, text: await docxText(bytes), tables: htmlTables(await docxHtml(bytes)) };
}

/*
 * Six months of 2024, cut-off 30/06: Cụm 1 has Chi bộ 1 (nothing), Chi bộ 2 (nothing read, 2 rows rejected) and Xã
 * Tân Phú (3 registered: 2 collective, 1 individual; 2 reported); the thôn (no cụm: grouped by type) Thôn Một has
 * nothing and Thôn Hai 1 not reported. 1 registration dated after the cut-off and 2 without a date are left out.
 */
const SIX_MONTH_UNITS: SixMonthUnit[] = [
  {
    unit: unit("CB1", "Chi bộ 1", "partyCell", "Cụm 1"),
    group: "Cụm 1",
    registered: 0,
    collective: 0,
    individual: 0,
    reported: 0,
    flags: [{ code: "noRegistration" }],
  },
  {
    unit: unit("CB2", "Chi bộ 2", "partyCell", "Cụm 1"),
    group: "Cụm 1",
    registered: 0,
    collective: 0,
    individual: 0,
    reported: 0,
    flags: [{ code: "noRegistration" }, { code: "rejectedRows", rows: 2 }],
  },
  {
    unit: unit("X1", "Xã Tân Phú", "commune", "Cụm 1"),
    group: "Cụm 1",
    registered: 3,
    collective: 2,
    individual: 1,
    reported: 2,
    flags: [],
  },
  {
    unit: unit("T1", "Thôn Một", "village", null),
    group: "Thôn, khu phố",
    registered: 0,
    collective: 0,
    individual: 0,
    reported: 0,
    flags: [{ code: "noRegistration" }],
  },
  {
    unit: unit("T2", "Thôn Hai", "village", null),
    group: "Thôn, khu phố",
    registered: 1,
    collective: 1,
    individual: 0,
    reported: 0,
    flags: [],
  },
];

const SIX_MONTH: SixMonthResult = {
  year: 2024,
  cutoff: "2024-06-30",
  units: SIX_MONTH_UNITS,
  byField: [
    { key: "economy", registered: 2, reported: 1 },
    { key: "cultureSociety", registered: 1, reported: 1 },
    { key: "defenceSecurity", registered: 0, reported: 0 },
    { key: "politicalSystem", registered: 1, reported: 0 },
  ],
  byKind: [
    { key: "collective", registered: 3, reported: 2 },
    { key: "individual", registered: 1, reported: 0 },
  ],
  byForm: [
    { key: "new", registered: 2, reported: 1 },
    { key: "replicated", registered: 1, reported: 1 },
    { key: "maintained", registered: 1, reported: 0 },
  ],
  registered: 4,
  reported: 2,
  undated: 2,
  afterCutoff: 1,
  unitsWithout: 3,
};

const sixMonthRun = (result: SixMonthResult, errors: DataError[]): SixMonthRun => ({
  ...info(2024, errors),
  reviewKind: "6-thang",
  sixMonth: result,
});

describe("the six-month report", () => {
  it("is titled with the year and says the cut-off, and that nothing is recognised at six months", async () => {
    const { text } = await read({ review: "6-thang", run: sixMonthRun(SIX_MONTH, [ERROR]) });
    expect(text).toContain("BÁO CÁO\n\nSơ kết 6 tháng đầu năm 2024 phong trào thi đua “Dân vận khéo”");
    expect(text).toContain(
      "Căn cứ số liệu đăng ký, báo cáo đến ngày sơ kết 30/06/2024 trên bảng tính của phong trào (lần chấm lúc 09:00 ngày 05/07/2024, mã lần chấm run-1)",
    );
    expect(text).toContain(
      "Sơ kết 6 tháng chỉ thống kê việc đăng ký và báo cáo; việc công nhận mô hình, điển hình và đề xuất danh hiệu “Dân vận khéo” được xét khi tổng kết năm.",
    );
    expect(text).not.toMatch(/tiêu biểu|Được công nhận|Điểm|Hạng/);
    expect(text).toContain("Số liệu của từng đơn vị ở trang tính Sơ kết 6 tháng 2024.");
    expect(text).toContain(
      "Trên đây là báo cáo sơ kết 6 tháng đầu năm 2024 phong trào thi đua “Dân vận khéo” của Ban Chỉ đạo./.",
    );
  });

  it("states the overview: units, registrations and reported ones by the cut-off, units with and without, rows left out", async () => {
    const { tables } = await read({ review: "6-thang", run: sixMonthRun(SIX_MONTH, [ERROR]) });
    expect(tableStartingWith(tables, "Nội dung", "Số lượng", "Tỷ lệ")).toEqual([
      ["Nội dung", "Số lượng", "Tỷ lệ"],
      ["Số đơn vị tham gia phong trào", "5", ""],
      ["Mô hình, điển hình đăng ký đến ngày sơ kết", "4", ""],
      ["Trong đó: đã báo cáo đến ngày sơ kết", "2", "50%"],
      ["Đơn vị đã đăng ký", "2", "40%"],
      ["Đơn vị chưa đăng ký", "3", "60%"],
      ["Đăng ký sau ngày sơ kết (chưa tính)", "1", ""],
      ["Đăng ký chưa ghi ngày đăng ký (chưa tính)", "2", ""],
    ]);
  });

  it("counts by Lĩnh vực, Loại and Hình thức, every value listed, the total last", async () => {
    const { tables } = await read({ review: "6-thang", run: sixMonthRun(SIX_MONTH, [ERROR]) });
    expect(tableStartingWith(tables, "Lĩnh vực, loại, hình thức")).toEqual([
      ["Lĩnh vực, loại, hình thức", "Đăng ký đến ngày sơ kết", "Đã báo cáo", "Tỷ lệ đã báo cáo"],
      ["Theo lĩnh vực"],
      ["Kinh tế", "2", "1", "50%"],
      ["Văn hóa - xã hội", "1", "1", "100%"],
      ["Quốc phòng - an ninh", "0", "0", "–"],
      ["Xây dựng hệ thống chính trị", "1", "0", "0%"],
      ["Theo loại"],
      ["Tập thể", "3", "2", "66,67%"],
      ["Cá nhân", "1", "0", "0%"],
      ["Theo hình thức"],
      ["Xây dựng mới", "2", "1", "50%"],
      ["Nhân rộng", "1", "1", "100%"],
      ["Duy trì", "1", "0", "0%"],
      ["Tổng số", "4", "2", "50%"],
    ]);
  });

  it("lists the units with nothing registered in one row per cụm, naming rows it could not read", async () => {
    const { text, tables } = await read({ review: "6-thang", run: sixMonthRun(SIX_MONTH, [ERROR]) });
    expect(text).toContain("Đến ngày sơ kết, 3/5 đơn vị chưa đăng ký mô hình, điển hình nào, ở 2 cụm thi đua:");
    expect(tableStartingWith(tables, "Cụm thi đua", "Số đơn vị", "Chưa đăng ký")).toEqual([
      ["STT", "Cụm thi đua", "Số đơn vị", "Chưa đăng ký", "Đơn vị chưa đăng ký"],
      ["1", "Cụm 1", "3", "2", "Chi bộ 1; Chi bộ 2 (có 2 dòng đăng ký bị lỗi)"],
      ["2", "Thôn, khu phố", "2", "1", "Thôn Một"],
    ]);
  });

  it("lists the data errors to fix, and leaves the three narrative parts to the committee", async () => {
    const { text, tables, bytes } = await read({ review: "6-thang", run: sixMonthRun(SIX_MONTH, [ERROR]) });
    expect(tableStartingWith(tables, "Trang tính", "Ô")?.slice(1)).toEqual([
      ["1", "Đăng ký", "'Đăng ký'!G7", "31/02/2024", "Ngày 31/02/2024 không tồn tại"],
    ]);
    for (const heading of ["II. KẾT QUẢ ĐẠT ĐƯỢC", "III. TỒN TẠI, HẠN CHẾ", "IV. NHIỆM VỤ 6 THÁNG CUỐI NĂM"]) {
      expect(text).toMatch(new RegExp(`${heading}\\n\\n\\[Ban Chỉ đạo viết [^\\]]+\\]`));
    }
    const xml = docxPart(bytes, "word/document.xml");
    expect(xml.match(/<w:highlight w:val="yellow"\/>/g)).toHaveLength(3);
  });

  it("says so when every unit registered and no cell is wrong", async () => {
    const all = SIX_MONTH_UNITS.map((u) => ({ ...u, registered: 1, flags: [] }));
    const { text, tables } = await read({
      review: "6-thang",
      run: sixMonthRun({ ...SIX_MONTH, units: all, unitsWithout: 0 }, []),
    });
    expect(text).toContain("Đến ngày sơ kết, mọi đơn vị đã đăng ký.");
    expect(text).toContain("Không có lỗi dữ liệu.");
    expect(tableStartingWith(tables, "Cụm thi đua", "Số đơn vị")).toBeUndefined();
  });
});

/*
 * The stage 2021–2025 reviewed in 2023: 2021 and 2023 have registrations, 2022 none at all. Cụm 1: Xã An (tiêu biểu
 * 2021, Dân vận khéo 2023), Xã Bình (Dân vận khéo 2021, tiêu biểu 2023); Cụm 2: Chi bộ Cầu (nothing in 2021, Dân vận
 * khéo 2023); Thôn Dương does not take part.
 */
const year = (y: number, p: Partial<StageUnitYear>): StageUnitYear => ({
  year: y,
  counted: 1,
  recognised: 1,
  score: 50,
  rank: 1,
  title: "none",
  takesPartInTitle: true,
  quotaMet: true,
  ...p,
});

function stageUnit(u: Unit, group: string, years: StageUnitYear[]): StageUnit {
  const titled = years.filter((y) => y.title === "title" || y.title === "exemplary").length;
  return {
    unit: u,
    group,
    years,
    counted: years.reduce((s, y) => s + y.counted, 0),
    recognised: years.reduce((s, y) => s + y.recognised, 0),
    recognisedByField: { economy: 0, cultureSociety: 0, defenceSecurity: 0, politicalSystem: 0 },
    yearsQuotaMet: years.filter((y) => y.quotaMet).length,
    yearsTitled: titled,
    yearsExemplary: years.filter((y) => y.title === "exemplary").length,
  };
}

const STAGE: StageResult = {
  year: 2023,
  stage: { first: 2021, last: 2025 },
  years: [2021, 2022, 2023],
  scoredYears: [2021, 2023],
  units: [
    stageUnit(unit("A", "Xã An", "commune", "Cụm 1"), "Cụm 1", [
      year(2021, { counted: 2, recognised: 2, score: 80, title: "exemplary" }),
      year(2023, { score: 70, rank: 2, title: "title" }),
    ]),
    stageUnit(unit("B", "Xã Bình", "commune", "Cụm 1"), "Cụm 1", [
      year(2021, { score: 60, rank: 2, title: "title" }),
      year(2023, { counted: 2, recognised: 2, score: 75, title: "exemplary" }),
    ]),
    stageUnit(unit("C", "Chi bộ Cầu", "partyCell", "Cụm 2"), "Cụm 2", [
      year(2021, { recognised: 0, score: 20, quotaMet: false }),
      year(2023, { title: "title" }),
    ]),
    stageUnit(unit("D", "Thôn Dương", "village", null), "Thôn, khu phố", [
      year(2021, { counted: 0, recognised: 0, score: 0, takesPartInTitle: false, quotaMet: false }),
      year(2023, { counted: 0, recognised: 0, score: 0, takesPartInTitle: false, quotaMet: false }),
    ]),
  ],
  perYear: [
    {
      kind: "scored",
      year: 2021,
      registrations: 5,
      counted: 4,
      recognised: 3,
      units: 4,
      unitsQuotaMet: 2,
      quotaShare: 0.5,
      unitsTitled: 2,
      unitsExemplary: 1,
    },
    { kind: "noRegistrations", year: 2022 },
    {
      kind: "scored",
      year: 2023,
      registrations: 4,
      counted: 4,
      recognised: 4,
      units: 4,
      unitsQuotaMet: 3,
      quotaShare: 0.75,
      unitsTitled: 3,
      unitsExemplary: 1,
    },
  ],
  byField: [
    {
      key: "economy",
      perYear: [{ registrations: 3, recognised: 2 }, null, { registrations: 2, recognised: 2 }],
      total: { registrations: 5, recognised: 4 },
    },
    {
      key: "cultureSociety",
      perYear: [{ registrations: 2, recognised: 1 }, null, { registrations: 1, recognised: 1 }],
      total: { registrations: 3, recognised: 2 },
    },
    {
      key: "defenceSecurity",
      perYear: [{ registrations: 0, recognised: 0 }, null, { registrations: 1, recognised: 1 }],
      total: { registrations: 1, recognised: 1 },
    },
    {
      key: "politicalSystem",
      perYear: [{ registrations: 0, recognised: 0 }, null, { registrations: 0, recognised: 0 }],
      total: { registrations: 0, recognised: 0 },
    },
  ],
  byKind: [
    {
      key: "collective",
      perYear: [{ registrations: 4, recognised: 3 }, null, { registrations: 3, recognised: 3 }],
      total: { registrations: 7, recognised: 6 },
    },
    {
      key: "individual",
      perYear: [{ registrations: 1, recognised: 0 }, null, { registrations: 1, recognised: 1 }],
      total: { registrations: 2, recognised: 1 },
    },
  ],
};

const stageRun = (result: StageResult, errors: DataError[]): StageRun => ({
  ...info(2023, errors),
  reviewKind: "giai-doan",
  stage: result,
});

describe("the stage report", () => {
  it("is titled with the stage, says which years it covers and where each unit's figures are", async () => {
    const { text } = await read({ review: "giai-doan", run: stageRun(STAGE, [ERROR]) });
    expect(text).toContain("BÁO CÁO\n\nTổng kết giai đoạn 2021–2025 phong trào thi đua “Dân vận khéo”");
    expect(text).toContain("Số liệu các năm 2021–2023 (giai đoạn đến năm 2025 chưa kết thúc).");
    expect(text).toContain("Số liệu của từng đơn vị, từng năm ở trang tính Tổng kết 2021-2025.");
    expect(text).toContain(
      "Trên đây là báo cáo tổng kết giai đoạn 2021–2025 phong trào thi đua “Dân vận khéo” của Ban Chỉ đạo./.",
    );
  });

  it("puts the years side by side, a year with no registration `chưa có dữ liệu` and never zeros", async () => {
    const { tables } = await read({ review: "giai-doan", run: stageRun(STAGE, [ERROR]) });
    expect(tableStartingWith(tables, "Năm", "Số đăng ký")).toEqual([
      [
        "Năm",
        "Số đăng ký",
        "Tính chỉ tiêu",
        "Được công nhận",
        "Đơn vị đạt chỉ tiêu",
        "Tỷ lệ đạt chỉ tiêu",
        "Đề xuất “Dân vận khéo”",
        "Trong đó tiêu biểu",
      ],
      ["2021", "5", "4", "3", "2/4", "50%", "2", "1"],
      ["2022", "chưa có dữ liệu (không có đăng ký nào)"],
      ["2023", "4", "4", "4", "3/4", "75%", "3", "1"],
      ["Tổng", "9", "8", "7", ""],
    ]);
  });

  it("breaks registrations and recognised ones down by field and kind, per year with data and over the stage", async () => {
    const { text, tables } = await read({ review: "giai-doan", run: stageRun(STAGE, [ERROR]) });
    const [registered, recognised] = tables.filter((t) => t[0]?.[0] === "Lĩnh vực, loại");
    const header = ["Lĩnh vực, loại", "2021", "2023", "Cả giai đoạn"];
    expect(registered).toEqual([
      header,
      ["Theo lĩnh vực"],
      ["Kinh tế", "3", "2", "5"],
      ["Văn hóa - xã hội", "2", "1", "3"],
      ["Quốc phòng - an ninh", "0", "1", "1"],
      ["Xây dựng hệ thống chính trị", "0", "0", "0"],
      ["Theo loại"],
      ["Tập thể", "4", "3", "7"],
      ["Cá nhân", "1", "1", "2"],
      ["Tổng số", "5", "4", "9"],
    ]);
    expect(recognised).toEqual([
      header,
      ["Theo lĩnh vực"],
      ["Kinh tế", "2", "2", "4"],
      ["Văn hóa - xã hội", "1", "1", "2"],
      ["Quốc phòng - an ninh", "0", "1", "1"],
      ["Xây dựng hệ thống chính trị", "0", "0", "0"],
      ["Theo loại"],
      ["Tập thể", "3", "3", "6"],
      ["Cá nhân", "0", "1", "1"],
      ["Tổng số", "3", "4", "7"],
    ]);
    expect(text).toContain("Năm 2022: chưa có dữ liệu (không có dòng đăng ký nào), không có cột trong hai bảng trên.");
  });

  it("names the units proposed in the most years, and every unit proposed tiêu biểu with its years", async () => {
    const { text, tables } = await read({ review: "giai-doan", run: stageRun(STAGE, [ERROR]) });
    expect(text).toContain(
      "Trong 2 năm có số liệu, 3 đơn vị được đề xuất “Dân vận khéo” (kể cả tiêu biểu) ít nhất một năm: 2 đơn vị được đề xuất 2 năm, 1 đơn vị 1 năm.",
    );
    expect(text).toContain("a. Đơn vị được đề xuất nhiều năm nhất (2 năm)");
    expect(tableStartingWith(tables, "Đơn vị", "Cụm thi đua", "Các năm được đề xuất")).toEqual([
      ["STT", "Đơn vị", "Cụm thi đua", "Các năm được đề xuất"],
      ["1", "Xã An", "Cụm 1", "2021 (tiêu biểu), 2023"],
      ["2", "Xã Bình", "Cụm 1", "2021, 2023 (tiêu biểu)"],
    ]);
    expect(tableStartingWith(tables, "Đơn vị", "Cụm thi đua", "Số năm")).toEqual([
      ["STT", "Đơn vị", "Cụm thi đua", "Số năm", "Các năm tiêu biểu"],
      ["1", "Xã An", "Cụm 1", "1", "2021"],
      ["2", "Xã Bình", "Cụm 1", "1", "2023"],
    ]);
  });

  it("lists the data errors, and leaves the three narrative parts to the committee", async () => {
    const { text, tables } = await read({ review: "giai-doan", run: stageRun(STAGE, [ERROR]) });
    expect(tableStartingWith(tables, "Trang tính", "Ô")?.slice(1)).toEqual([
      ["1", "Đăng ký", "'Đăng ký'!G7", "31/02/2024", "Ngày 31/02/2024 không tồn tại"],
    ]);
    for (const heading of ["II. ĐÁNH GIÁ CHUNG", "III. BÀI HỌC KINH NGHIỆM", "IV. PHƯƠNG HƯỚNG GIAI ĐOẠN TỚI"]) {
      expect(text).toMatch(new RegExp(`${heading}\\n\\n\\[Ban Chỉ đạo viết [^\\]]+\\]`));
    }
  });

  it("says so when nobody was proposed, and names a stage of one year as that year", async () => {
    const none = STAGE.units.map((u) => ({
      ...u,
      years: u.years.map((y) => ({ ...y, title: "none" as const })),
      yearsTitled: 0,
      yearsExemplary: 0,
    }));
    const { text, tables } = await read({
      review: "giai-doan",
      run: stageRun({ ...STAGE, year: 2021, years: [2021], units: none }, []),
    });
    expect(text).toContain("Chưa có đơn vị được đề xuất “Dân vận khéo” trong giai đoạn.");
    expect(text).toContain("Số liệu năm 2021 (giai đoạn đến năm 2025 chưa kết thúc).");
    expect(tableStartingWith(tables, "Đơn vị", "Cụm thi đua")).toBeUndefined();
  });
});

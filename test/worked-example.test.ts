/**
 * The worked example of the README ("Worked example"), end to end through `scoreWorkbook`: raw tab values in, the
 * `Xếp hạng 2024` rows out. The expected figures were computed by hand from SPEC §3; the doc shows the same tables
 * and arithmetic, so if this test changes the doc must change with it.
 */
import { describe, expect, it } from "vitest";
import type { OutputCell } from "../sheets-schema/types.ts";
import { scoreWorkbook } from "../sheets-schema/pipeline.ts";

// ---- Input: the four tabs people fill in ------------------------------------------------------------------------

const UNITS = [
  ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Đơn vị cấp trên"],
  ["XA-A", "Xã An Bình", "Xã, thị trấn"],
  ["XA-B", "Xã Bình Minh", "Xã, thị trấn"],
  ["XA-C", "Xã Cẩm Phú", "Xã, thị trấn"],
  ["CQ-1", "Phòng Nội vụ", "Cơ quan, đơn vị"],
  ["CQ-2", "Trường THCS Lê Lợi", "Cơ quan, đơn vị"],
  ["TH-1", "Thôn Đông", "Thôn, khu phố", "XA-A"],
];

const REGISTRATION_HEADERS = [
  "Mã mô hình",
  "Năm",
  "Mã đơn vị",
  "Tên mô hình, điển hình",
  "Loại",
  "Lĩnh vực",
  "Hình thức",
  "Ngày đăng ký",
  "Ngày báo cáo",
  "Bình chọn công khai",
  "Số phiếu đồng ý",
  "Tổng số phiếu",
  "Tập thể thừa nhận",
  "Sức lan tỏa",
];

// prettier-ignore
const REGISTRATIONS = [
  REGISTRATION_HEADERS,
  [
    "MH-01",
    2024,
    "XA-A",
    "Tổ hòa giải ở cơ sở",
    "Tập thể",
    "Quốc phòng - an ninh",
    "Xây dựng mới",
    "15/02/2024",
    "20/11/2024",
    "Có",
    45,
    50,
    "Có",
    "Cao",
  ],
  [
    "MH-02",
    2024,
    "XA-A",
    "Hỗ trợ hộ nghèo nuôi bò sinh sản",
    "Tập thể",
    "Kinh tế",
    "Nhân rộng",
    "10/03/2024",
    "20/11/2024",
    "Có",
    36,
    40,
    "Có",
    "Cao",
  ],
  [
    "MH-03",
    2024,
    "XA-A",
    "Câu lạc bộ dưỡng sinh người cao tuổi",
    "Tập thể",
    "Văn hóa - xã hội",
    "Duy trì",
    "01/03/2024",
    "20/11/2024",
    "Có",
    20,
    25,
    "Có",
    "Cao",
  ],
  [
    "MH-04",
    2024,
    "XA-B",
    "Làm đường giao thông nông thôn",
    "Tập thể",
    "Kinh tế",
    "Xây dựng mới",
    "20/03/2024",
    "25/11/2024",
    "Có",
    30,
    40,
    "Có",
    "Cao",
  ],
  [
    "MH-05",
    2024,
    "XA-B",
    "Thắp sáng đường quê",
    "Tập thể",
    "Văn hóa - xã hội",
    "Xây dựng mới",
    "15/04/2024",
    "25/11/2024",
    "Có",
    28,
    35,
    "Có",
    "Cao",
  ],
  [
    "MH-06",
    2023,
    "XA-C",
    "Camera an ninh thôn xóm",
    "Tập thể",
    "Quốc phòng - an ninh",
    "Xây dựng mới",
    "10/03/2023",
    "01/12/2023",
    "Không",
    25,
    30,
    "Có",
    "Cao",
  ],
  [
    "MH-06",
    2024,
    "XA-C",
    "Camera an ninh thôn xóm",
    "Tập thể",
    "Quốc phòng - an ninh",
    "Xây dựng mới",
    "05/03/2024",
    "01/12/2024",
    "Có",
    12,
    30,
    "Có",
    "Cao",
  ],
  [
    "MH-07",
    2024,
    "XA-C",
    "Phụ nữ giúp nhau phát triển kinh tế",
    "Tập thể",
    "Kinh tế",
    "Nhân rộng",
    "12/01/2024",
    "01/12/2024",
    "Có",
    40,
    60,
    "Có",
    "Cao",
  ],
  [
    "MH-08",
    2024,
    "CQ-1",
    "Cán bộ tận tụy với dân – Nguyễn Thị Hoa",
    "Cá nhân",
    "Xây dựng hệ thống chính trị",
    "Xây dựng mới",
    "01/02/2024",
    "10/12/2024",
    "Có",
    18,
    20,
    "Có",
    "Cao",
  ],
  [
    "MH-09",
    2024,
    "CQ-1",
    "Một cửa thân thiện",
    "Tập thể",
    "Xây dựng hệ thống chính trị",
    "Xây dựng mới",
    "01/03/2024",
    "15/01/2025",
    "Có",
    17,
    20,
    "Có",
    "Cao",
  ],
  [
    "MH-10",
    2024,
    "CQ-2",
    "Thư viện xanh",
    "Tập thể",
    "Văn hóa - xã hội",
    "Xây dựng mới",
    "25/03/2024",
    "10/12/2024",
    "Có",
    22,
    25,
    "Có",
    "Trung bình",
  ],
  [
    "MH-11",
    2024,
    "TH-1",
    "Sân chơi thiếu nhi",
    "Tập thể",
    "Văn hóa - xã hội",
    "Xây dựng mới",
    "10/03/2024",
    "15/11/2024",
    "Có",
    30,
    40,
    "Có",
    "Cao",
  ],
];

const TEAMS = [["Năm", "Mã tổ", "Tên tổ", "Cấp", "Mã đơn vị", "Xếp loại"]];

const SETTINGS = [
  ["Tham số", "Giá trị"],
  ["Tỷ lệ danh hiệu tối đa", "40%"],
  ["Số tiêu biểu tối thiểu", 1],
  ["Số tiêu biểu tối đa", 1],
];

const WORKBOOK = {
  "Đơn vị": UNITS,
  "Đăng ký": REGISTRATIONS,
  "Tổ, khối dân vận": TEAMS,
  "Cấu hình": SETTINGS,
};

// ---- Expected, by hand (SPEC §3.2, weights 50/20/20/10, T = 2 models, Ft = 2 fields) ---------------------------
//
// Recognition (§3.1, deadline 31/03/2024, approval must be > 50%, spread at least Cao):
//   MH-01 45/50 = 90%  ✓   MH-02 36/40 = 90%  ✓   MH-03 (Duy trì) 20/25 = 80% ✓ but not counted
//   MH-04 30/40 = 75%  ✓   MH-05 registered 15/04/2024, after 31/03 → ✗ (Đăng ký)
//   MH-06 12/30 = 40%, not above 50% → ✗ (Bình chọn dân chủ)      MH-07 40/60 = 66,67% ✓
//   MH-08 18/20 = 90% ✓ (individual)   MH-09 17/20 = 85% ✓ (report 15/01/2025 is late: a warning, not a failure)
//   MH-10 spread Trung bình < Cao → ✗ (Sức lan tỏa)      MH-11 30/40 = 75% ✓
//
// score = 50·min(R/2, 1) + 20·(R/N) + 20·V + 10·min(F/2, 1)
//   XA-A  N=2 R=2 F=2 V=(0,90+0,90)/2=0,90    50·1   + 20·1   + 20·0,90   + 10·1   = 50 + 20 + 18     + 10 = 98
//   XA-B  N=2 R=1 F=1 V=0,75                  50·0,5 + 20·0,5 + 20·0,75   + 10·0,5 = 25 + 10 + 15     + 5  = 55
//   XA-C  N=2 R=1 F=1 V=40/60                 50·0,5 + 20·0,5 + 20·0,6667 + 10·0,5 = 25 + 10 + 13,333 + 5  = 53,33
//   CQ-1  N=2 R=2 F=1 V=(0,90+0,85)/2=0,875   50·1   + 20·1   + 20·0,875  + 10·0,5 = 50 + 20 + 17,5   + 5  = 92,5
//   CQ-2  N=1 R=0                             every term is 0                                              = 0
//   TH-1  N=1 R=1 F=1 V=0,75                  50·0,5 + 20·1   + 20·0,75   + 10·0,5 = 25 + 20 + 15     + 5  = 65
//
// Quota (§3.2, at least 1 recognised): met by all but CQ-2.
// Title (§3.4): E = the 5 units that are not a thôn (TH-1 does not take part by default, whatever its 65);
//   Q = XA-A 98, CQ-1 92,5, XA-B 55, XA-C 53,33 (ranks 1–4);
//   cap = max(1, ⌊40% × 5⌋) = 2 → XA-A and CQ-1 are proposed "Dân vận khéo";
//   among those two, rank ≤ Số tiêu biểu tối đa = 1 → XA-A is "Dân vận khéo tiêu biểu".
// Lý do (§3.7): XA-B, XA-C "Ngoài số suất (điểm thấp nhất được đề xuất: 92,5)" (CQ-1's 92,5 is the lowest proposed);
//   CQ-2 "Chưa đạt chỉ tiêu"; TH-1 "Không xét danh hiệu"; XA-A and CQ-1 nothing (they have a title).
// Ranking (§3.3): groups "Cơ quan, đơn vị", "Thôn, khu phố", "Xã, thị trấn" (Vietnamese collation), highest first.

type RankingRow = [
  group: string,
  rank: number,
  code: string,
  registrations: number,
  counted: number,
  recognised: number,
  collective: number,
  individual: number,
  fields: number,
  score: number,
  parts: [quota: number, recognitionRate: number, vote: number, fields: number],
  quotaMet: string,
  title: string,
  reason: string,
];

// prettier-ignore
const BEYOND_CAP = "Ngoài số suất (điểm thấp nhất được đề xuất: 92,5)";
// prettier-ignore
const EXPECTED_RANKING: RankingRow[] = [
  ["Cơ quan, đơn vị", 1, "CQ-1", 2, 2, 2, 1, 1, 1, 92.5, [50, 20, 17.5, 5], "Có", "Dân vận khéo", ""],
  ["Cơ quan, đơn vị", 2, "CQ-2", 1, 1, 0, 0, 0, 0, 0, [0, 0, 0, 0], "Không", "", "Chưa đạt chỉ tiêu"],
  [
    "Thôn, khu phố",
    1,
    "TH-1",
    1,
    1,
    1,
    1,
    0,
    1,
    65,
    [25, 20, 15, 5],
    "Có",
    "Không xét danh hiệu",
    "Không xét danh hiệu",
  ],
  ["Xã, thị trấn", 1, "XA-A", 3, 2, 2, 2, 0, 2, 98, [50, 20, 18, 10], "Có", "Dân vận khéo tiêu biểu", ""],
  ["Xã, thị trấn", 2, "XA-B", 2, 2, 1, 1, 0, 1, 55, [25, 10, 15, 5], "Có", "", BEYOND_CAP],
  ["Xã, thị trấn", 3, "XA-C", 2, 2, 1, 1, 0, 1, 53.33, [25, 10, 13.33, 5], "Có", "", BEYOND_CAP],
];

function tab(tabs: { title: string; rows: OutputCell[][] }[], title: string): OutputCell[][] {
  const found = tabs.find((t) => t.title === title);
  if (!found) throw new Error(`no tab ${title}`);
  return found.rows;
}

describe("worked example (README)", () => {
  const { result, errors, tabs } = scoreWorkbook(WORKBOOK, 2024);
  const ranking = tab(tabs, "Xếp hạng 2024");
  const header = ranking[0] ?? [];
  const at = (row: OutputCell[], h: string) => row[header.indexOf(h)];

  it("reads every row without a data error", () => {
    expect(errors).toEqual([]);
  });

  it("ranks the six units with the scores, their parts, quotas, titles and reasons computed by hand", () => {
    const actual = ranking.slice(1).map((r) => {
      const cell = (h: string) => at(r, h);
      return [
        ...["Cụm thi đua", "Hạng", "Mã đơn vị", "Số đăng ký", "Số tính chỉ tiêu", "Được công nhận"].map(cell),
        ...["Tập thể", "Cá nhân", "Số lĩnh vực", "Điểm"].map(cell),
        ["Điểm chỉ tiêu", "Điểm tỷ lệ công nhận", "Điểm bình chọn", "Điểm lĩnh vực"].map(cell),
        ...["Đạt chỉ tiêu", "Đề xuất danh hiệu", "Lý do"].map(cell),
      ];
    });
    expect(actual).toEqual(EXPECTED_RANKING);
  });

  it("warns about the late report of CQ-1 and the missed quota of CQ-2, and nothing else", () => {
    const warnings = ranking.slice(1).map((r) => [at(r, "Mã đơn vị"), at(r, "Cảnh báo")]);
    expect(warnings).toEqual([
      ["CQ-1", "Báo cáo muộn (hạn 31/12/2024): “Một cửa thân thiện” ngày 15/01/2025"],
      ["CQ-2", "Chưa đạt chỉ tiêu: 0 mô hình, điển hình được công nhận (cần ít nhất 1)"],
      ["TH-1", ""],
      ["XA-A", ""],
      ["XA-B", ""],
      ["XA-C", ""],
    ]);
  });

  it("recognises the registrations judged by hand, failing the late, the out-voted and the low-spread ones", () => {
    const recognised = Object.fromEntries(
      result.registrations.map((v) => [v.registration.modelId, v.recognised] as const),
    );
    expect(recognised).toEqual({
      "MH-01": true,
      "MH-02": true,
      "MH-03": true,
      "MH-04": true,
      "MH-05": false,
      "MH-06": false,
      "MH-07": true,
      "MH-08": true,
      "MH-09": true,
      "MH-10": false,
      "MH-11": true,
    });
  });

  it("proposes MH-06, failed two years running, for removal from the list of models", () => {
    expect(tab(tabs, "Rà soát 2024").slice(1)).toEqual([
      [
        "MH-06",
        "XA-C",
        "Xã Cẩm Phú",
        "Camera an ninh thôn xóm",
        "Đề nghị đưa ra khỏi danh sách",
        "Tỷ lệ đồng ý 40% (12/30 phiếu) không trên 50%",
      ],
    ]);
  });

  it("meets the title-share, tiêu biểu and thôn coverage targets but not the quota-share target", () => {
    const byId = Object.fromEntries(result.targets.map((t) => [t.id, t] as const));
    expect([byId.titleShare?.actual, byId.titleShare?.met]).toEqual([0.4, true]);
    expect([byId.exemplaryCount?.actual, byId.exemplaryCount?.met]).toEqual([1, true]);
    expect([byId.villageCoverage?.actual, byId.villageCoverage?.met]).toEqual([1, true]);
    expect([byId.quotaShare?.numerator, byId.quotaShare?.denominator, byId.quotaShare?.met]).toEqual([5, 6, false]);
  });
});

/**
 * A small district worked by hand for the six-month and stage reviews (SPEC §3.8), shared by the tests of the
 * reviews' tabs and answers and of the dashboard that shows them.
 */
import { importSpreadsheet, type Grid } from "./sheets.ts";

/*
 * A small district, worked by hand (default Cấu hình: Hạn đăng ký 31/03, sơ kết 30/06, stage 2021-2025 for 2024).
 * 2022: X1 one new model registered 01/03, 8/10 votes → recognised; score 50·½ + 20 + 16 + 10·½ = 66; X1 is the
 *       only unit meeting its quota among those taking part (X1, CB1; the thôn T1 does not) → tiêu biểu.
 * 2024: X1 "Mô hình A" new, registered 15/03, reported 20/06 → recognised; "Điển hình B" replicated, registered
 *       01/06 (after 31/03) → not recognised. N = 2, R = 1 → 25 + 10 + 16 + 5 = 56, again tiêu biểu.
 *       CB1 "Mô hình C" maintained, registered 01/08: after the six-month cut-off, and not counted for the quota.
 * 2021 and 2023: no registration at all.
 */
export const REVIEW_UNITS: Grid = [
  ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Đơn vị cấp trên", "Cụm thi đua"],
  ["X1", "Xã Tân Phú", "Xã, thị trấn", "", ""],
  ["CB1", "Chi bộ 1", "Chi bộ", "", "Cụm 1"],
  ["T1", "Thôn Một", "Thôn, khu phố", "X1", ""],
];
const HEADERS = [
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
export const REVIEW_REGISTRATIONS: Grid = [
  HEADERS,
  [
    2022,
    "X1",
    "Mô hình cũ",
    "Tập thể",
    "Quốc phòng - an ninh",
    "Xây dựng mới",
    "01/03/2022",
    "",
    "Có",
    8,
    10,
    "Có",
    "Cao",
  ],
  [2024, "X1", "Mô hình A", "Tập thể", "Kinh tế", "Xây dựng mới", "15/03/2024", "20/06/2024", "Có", 8, 10, "Có", "Cao"],
  [2024, "X1", "Điển hình B", "Cá nhân", "Văn hóa - xã hội", "Nhân rộng", "01/06/2024", "", "Có", 9, 10, "Có", "Cao"],
  [2024, "CB1", "Mô hình C", "Tập thể", "Kinh tế", "Duy trì", "01/08/2024", "", "Có", 8, 10, "Có", "Cao"],
];

let n = 0;
/** The district imported under a new id (default Cấu hình unless `settings` says otherwise). */
export async function reviewDistrict(settings: Grid = [["Tham số", "Giá trị"]], prefix = "reviews"): Promise<string> {
  const id = `${prefix}-${Date.now()}-${n++}`;
  await importSpreadsheet(id, [
    { title: "Đơn vị", values: REVIEW_UNITS },
    { title: "Đăng ký", values: REVIEW_REGISTRATIONS },
    { title: "Cấu hình", values: settings },
  ]);
  return id;
}

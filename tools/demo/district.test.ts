import { describe, expect, it } from "vitest";
import type { RawCell, RawGrid, RawTabs } from "../../sheets-schema/types.ts";
import { sheetsSerial } from "./cells.ts";
import {
  DEMO_SPREADSHEET_ID,
  DEMO_YEAR,
  demoSpreadsheet,
  generateDistrict,
  generateDistrictDetailed,
} from "./district.ts";
import { generateProvince } from "./province.ts";
import { Random } from "./random.ts";

// SPEC §2, word for word.
const SPEC_UNIT_HEADERS = ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Đơn vị cấp trên", "Cụm thi đua", "Xét danh hiệu"];
const SPEC_REGISTRATION_HEADERS = [
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
];
const SPEC_TEAM_HEADERS = ["Năm", "Mã tổ", "Tên tổ", "Cấp", "Mã đơn vị", "Xếp loại"];

// One workbook for the read-only tests: generating it is the slow part.
const demo = generateDistrictDetailed();
const tabs = demo.tabs;

/** The rows of a tab as objects by header. */
function records(grid: RawGrid | undefined): Record<string, RawCell>[] {
  if (!grid) throw new Error("missing tab");
  const [headers = [], ...rows] = grid;
  return rows.map((r) => Object.fromEntries(headers.map((h, i) => [String(h), r[i] ?? ""])));
}

const units = records(tabs["Đơn vị"]);
const registrations = records(tabs["Đăng ký"]);
const teams = records(tabs["Tổ, khối dân vận"]);

describe("the demo district", () => {
  it("is the same workbook for the same seed, and another for another seed", () => {
    expect(generateDistrict({ seed: 11 })).toEqual(generateDistrict({ seed: 11 }));
    expect(generateDistrict()).toEqual(tabs);
    expect(generateDistrict({ seed: 12 })["Đăng ký"]).not.toEqual(generateDistrict({ seed: 11 })["Đăng ký"]);
  });

  it("has the four input tabs with SPEC's header texts", () => {
    expect(Object.keys(tabs)).toEqual(["Đơn vị", "Đăng ký", "Tổ, khối dân vận", "Cấu hình"]);
    expect(tabs["Đơn vị"]?.[0]).toEqual(SPEC_UNIT_HEADERS);
    expect(tabs["Tổ, khối dân vận"]?.[0]).toEqual(SPEC_TEAM_HEADERS);
    expect(tabs["Cấu hình"]?.[0]).toEqual(["Tham số", "Giá trị"]);
    const headers = tabs["Đăng ký"]?.[0] ?? [];
    expect(headers[0]).toBe("STT");
    expect([...headers.slice(1)].sort()).toEqual([...SPEC_REGISTRATION_HEADERS].sort());
    expect(headers.slice(1)).not.toEqual(SPEC_REGISTRATION_HEADERS);
  });

  it("has 25 communes (some thị trấn), about 370 villages under them and 60 offices", () => {
    const ofType = (t: string) => units.filter((u) => u["Loại đơn vị"] === t);
    const communes = ofType("Xã, thị trấn");
    expect(communes).toHaveLength(25);
    expect(communes.filter((c) => String(c["Tên đơn vị"]).startsWith("Thị trấn")).length).toBeGreaterThan(0);
    const communeCodes = new Set(communes.map((c) => c["Mã đơn vị"]));
    const villages = ofType("Thôn, khu phố");
    expect(villages).toHaveLength(370);
    expect(villages.every((v) => communeCodes.has(v["Đơn vị cấp trên"] ?? ""))).toBe(true);
    expect(villages.every((v) => v["Xét danh hiệu"] === "")).toBe(true);
    expect(units.length - communes.length - villages.length).toBe(60);
    expect(ofType("Chi bộ").length).toBeGreaterThan(10);
    expect(ofType("Tổ chức chính trị - xã hội").length).toBeGreaterThan(3);
    expect(new Set(units.map((u) => u["Mã đơn vị"])).size).toBe(units.length);
    const clusters = new Set(units.map((u) => u["Cụm thi đua"]));
    for (const c of ["Cụm 1", "Cụm 4", "Khối cơ quan Đảng", ""]) expect(clusters).toContain(c);
  });

  it("has at least 450 registrations in each of five years", () => {
    for (const year of [2020, 2021, 2022, 2023, 2024]) {
      expect(registrations.filter((r) => r.Năm === year).length).toBeGreaterThanOrEqual(450);
    }
    expect(DEMO_YEAR).toBe(2024);
  });

  it("has one tổ dân vận per village and one khối dân vận per commune each year, mostly rated Tốt", () => {
    const latest = teams.filter((t) => t.Năm === DEMO_YEAR);
    expect(latest.filter((t) => t.Cấp === "Tổ dân vận")).toHaveLength(370);
    expect(latest.filter((t) => t.Cấp === "Khối dân vận")).toHaveLength(25);
    expect(teams).toHaveLength(5 * 395);
    const share = (r: string) => latest.filter((t) => t["Xếp loại"] === r).length / latest.length;
    expect(share("Tốt")).toBeGreaterThan(0.7);
    expect(share("Khá")).toBeGreaterThan(0.03);
    expect(share("Yếu")).toBeGreaterThan(0);
    expect(share("")).toBeGreaterThan(0);
    // A couple of communes miss the 70% target for their tổ dân vận.
    const parentOf = new Map(units.map((u) => [u["Mã đơn vị"], u["Đơn vị cấp trên"]]));
    const byCommune = new Map<RawCell, { good: number; all: number }>();
    for (const t of latest.filter((t) => t.Cấp === "Tổ dân vận")) {
      const c = parentOf.get(t["Mã đơn vị"] ?? "") ?? "";
      const s = byCommune.get(c) ?? { good: 0, all: 0 };
      s.all++;
      if (t["Xếp loại"] === "Tốt") s.good++;
      byCommune.set(c, s);
    }
    const lagging = [...byCommune.values()].filter((s) => s.good / s.all <= 0.7);
    expect(lagging.length).toBeGreaterThan(0);
    expect(lagging.length).toBeLessThan(8);
  });

  it("refers only to existing units, except the one planted unknown code", () => {
    const codes = new Set(units.map((u) => String(u["Mã đơn vị"]).trim().toUpperCase()));
    const unknown = registrations.filter((r) => !codes.has(String(r["Mã đơn vị"]).trim().toUpperCase()));
    expect(unknown.map((r) => r["Mã đơn vị"])).toEqual(
      demo.typos.filter((t) => t.header === "Mã đơn vị").map((t) => t.value),
    );
    expect(unknown).toHaveLength(1);
    expect(teams.every((t) => codes.has(String(t["Mã đơn vị"])))).toBe(true);
  });

  it("plants 5 to 10 typos, each at the cell it names", () => {
    expect(demo.typos.length).toBeGreaterThanOrEqual(5);
    expect(demo.typos.length).toBeLessThanOrEqual(10);
    for (const t of demo.typos) {
      const m = /^'(.+)'!([A-Z]+)(\d+)$/.exec(t.cell);
      expect(m).not.toBeNull();
      const [, tab = "", col = "", row = ""] = m ?? [];
      const grid = tabs[tab] ?? [];
      expect(grid[Number(row) - 1]?.[col.charCodeAt(0) - 65]).toEqual(t.value);
      expect(grid[0]?.[col.charCodeAt(0) - 65]).toBe(t.header);
    }
    const values = demo.typos.map((t) => t.value);
    for (const v of [`31/02/${DEMO_YEAR}`, "abc", "Van hoa - xa hoi", "VH-XH", "Ban Tuyên giáo Huyện uỷ"]) {
      expect(values).toContain(v);
    }
    expect(
      demo.typos
        .filter((t) => !t.valid)
        .map((t) => t.header)
        .sort(),
    ).toEqual(["Mã mô hình", "Mã đơn vị", "Ngày đăng ký", "Số phiếu đồng ý", "Số phiếu đồng ý"].sort());
  });

  it("changes only the typo cells when typos are switched off", () => {
    const clean = generateDistrictDetailed({ typos: false });
    expect(clean.typos).toEqual([]);
    const differing: string[] = [];
    for (const [tab, grid] of Object.entries(tabs)) {
      grid.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (clean.tabs[tab]?.[r]?.[c] !== cell) differing.push(`${tab}!${r}:${c}`);
        }),
      );
    }
    expect(differing).toHaveLength(demo.typos.length);
  });

  it("types dates mostly as Sheets serial numbers and yes/no mostly as checkboxes", () => {
    const dates = registrations.map((r) => r["Ngày đăng ký"]).filter((d) => d !== "");
    const serials = dates.filter((d) => typeof d === "number");
    expect(serials.length / dates.length).toBeGreaterThan(0.8);
    expect(serials.length).toBeLessThan(dates.length);
    expect(Math.min(...(serials as number[]))).toBeGreaterThanOrEqual(sheetsSerial(2020, 1, 1));
    const ticks = registrations.map((r) => r["Tập thể thừa nhận"]);
    expect(ticks.filter((t) => typeof t === "boolean").length / ticks.length).toBeGreaterThan(0.8);
    expect(ticks).toContain("Có");
  });

  it("mixes kinds, fields and forms, and carries Duy trì models over from earlier years of the same unit", () => {
    const count = (h: string, v: string) => registrations.filter((r) => r[h] === v).length;
    expect(count("Loại", "Cá nhân")).toBeGreaterThan(registrations.length * 0.1);
    for (const f of ["Kinh tế", "Văn hóa - xã hội", "Quốc phòng - an ninh", "Xây dựng hệ thống chính trị"]) {
      expect(count("Lĩnh vực", f)).toBeGreaterThan(registrations.length * 0.08);
    }
    expect(count("Hình thức", "Duy trì")).toBeGreaterThan(registrations.length * 0.05);
    expect(count("Hình thức", "Duy trì")).toBeLessThan(count("Hình thức", "Xây dựng mới"));
    const firstSeen = new Map<RawCell, Record<string, RawCell>>();
    for (const r of records(generateDistrict({ typos: false })["Đăng ký"])) {
      if (r["Hình thức"] === "Duy trì" && r["Mã mô hình"] !== "") {
        const first = firstSeen.get(r["Mã mô hình"] ?? "");
        expect(first?.["Mã đơn vị"]).toBe(r["Mã đơn vị"]);
        expect(Number(first?.Năm)).toBeLessThan(Number(r.Năm));
      } else if (!firstSeen.has(r["Mã mô hình"] ?? "")) firstSeen.set(r["Mã mô hình"] ?? "", r);
    }
  });

  it("gives the latest year's scoring something to show", () => {
    const y = judge(tabs, DEMO_YEAR);
    // Recognition is common but not universal.
    expect(y.recognisedShare).toBeGreaterThan(0.65);
    expect(y.recognisedShare).toBeLessThan(0.92);
    // A few villages lack a recognised model: the coverage target lists them.
    expect(y.villagesWithout).toBeGreaterThan(0);
    expect(y.villagesWithout).toBeLessThan(370 * 0.1);
    // Enough title-eligible units meet their quota to fill 25–30% of titles.
    expect(y.quotaMetEligible).toBeGreaterThan(y.eligible * 0.5);
    // Some models fail two years running (review list), some Duy trì ones fail (needs strengthening).
    expect(y.removalProposals).toBeGreaterThanOrEqual(2);
    // Vote shares below and at exactly 50% both occur.
    expect(y.votesAtHalf).toBeGreaterThan(0);
    expect(y.votesBelowHalf).toBeGreaterThan(0);
    // Some registrations are late.
    expect(y.late).toBeGreaterThan(0);
  });

  it("comes in the emulator's import shape", () => {
    const s = demoSpreadsheet();
    expect(DEMO_SPREADSHEET_ID).toBe("demo-district");
    expect(s.title).toBe("Dân vận khéo – Huyện Demo");
    expect(s.sheets.map((t) => t.title)).toEqual(Object.keys(tabs));
    expect(s.sheets[1]?.values).toEqual(tabs["Đăng ký"]);
  });
});

describe("the province benchmark workbook", () => {
  it("has at least 3,500 units and 50,000 registrations over five years, quickly and without typos", () => {
    const started = performance.now();
    const province = generateProvince({ seed: 5 });
    const elapsed = performance.now() - started;
    const pUnits = records(province["Đơn vị"]);
    const pRegs = records(province["Đăng ký"]);
    expect(pUnits.length).toBeGreaterThanOrEqual(3500);
    expect(pRegs.length).toBeGreaterThanOrEqual(50_000);
    expect(new Set(pRegs.map((r) => r.Năm))).toEqual(new Set([2020, 2021, 2022, 2023, 2024]));
    const codes = new Set(pUnits.map((u) => u["Mã đơn vị"]));
    expect(codes.size).toBe(pUnits.length);
    expect(pRegs.every((r) => codes.has(r["Mã đơn vị"] ?? ""))).toBe(true);
    const ids = pRegs.filter((r) => r["Mã mô hình"] !== "").map((r) => `${r.Năm}|${r["Mã mô hình"]}`);
    expect(new Set(ids).size).toBe(ids.length);
    expect(pRegs.some((r) => r["Số phiếu đồng ý"] === "abc")).toBe(false);
    expect(elapsed).toBeLessThan(2000);
  });
});

describe("Random", () => {
  it("repeats for a seed and stays in range", () => {
    const a = new Random(42);
    const b = new Random(42);
    const xs = Array.from({ length: 100 }, () => a.int(1, 6));
    expect(xs).toEqual(Array.from({ length: 100 }, () => b.int(1, 6)));
    expect(Math.min(...xs)).toBe(1);
    expect(Math.max(...xs)).toBe(6);
    expect(new Random(42).shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// A minimal reading of SPEC §3.1 with the default settings, enough to check the demo has the shape the scoring
// needs. The real reader and rules live in sheets-schema/ and scoring/.

function judge(t: RawTabs, year: number) {
  const us = records(t["Đơn vị"]);
  const rs = records(t["Đăng ký"]);
  const codes = new Set(us.map((u) => String(u["Mã đơn vị"])));
  const seenIds = new Set<string>();
  const verdicts = rs.flatMap((r) => {
    const y = Number(r.Năm);
    const id = String(r["Mã mô hình"]);
    const key = `${y}|${id}`;
    const duplicate = id !== "" && seenIds.has(key);
    seenIds.add(key);
    const date = readDate(r["Ngày đăng ký"] ?? "");
    const cast = readCount(r["Tổng số phiếu"] ?? "");
    const inFavour = readCount(r["Số phiếu đồng ý"] ?? "");
    if (duplicate || !codes.has(String(r["Mã đơn vị"])) || date === undefined || cast === null || inFavour === null) {
      return [];
    }
    if (inFavour > cast) return [];
    const onTime = date !== null && date <= sheetsSerial(y, 3, 31);
    const vote = yes(r["Bình chọn công khai"]) && cast >= 1 && inFavour / cast > 0.5;
    const recognised =
      onTime && vote && yes(r["Tập thể thừa nhận"]) && String(r["Sức lan tỏa"]).toLowerCase() === "cao";
    return [{ r, y, id, recognised, onTime, share: cast > 0 ? inFavour / cast : 0 }];
  });
  const thisYear = verdicts.filter((v) => v.y === year);
  const failedBefore = new Set(verdicts.filter((v) => v.y === year - 1 && !v.recognised && v.id).map((v) => v.id));
  const recognisedBy = new Map<string, number>();
  for (const v of thisYear) {
    if (v.recognised && v.r["Hình thức"] !== "Duy trì") {
      const c = String(v.r["Mã đơn vị"]);
      recognisedBy.set(c, (recognisedBy.get(c) ?? 0) + 1);
    }
  }
  const coveredVillages = new Set(thisYear.filter((v) => v.recognised).map((v) => String(v.r["Mã đơn vị"])));
  const eligible = us.filter((u) =>
    u["Xét danh hiệu"] === "" ? u["Loại đơn vị"] !== "Thôn, khu phố" : yes(u["Xét danh hiệu"]),
  );
  return {
    recognisedShare: thisYear.filter((v) => v.recognised).length / thisYear.length,
    villagesWithout: us.filter(
      (u) => u["Loại đơn vị"] === "Thôn, khu phố" && !coveredVillages.has(String(u["Mã đơn vị"])),
    ).length,
    eligible: eligible.length,
    quotaMetEligible: eligible.filter((u) => (recognisedBy.get(String(u["Mã đơn vị"])) ?? 0) >= 1).length,
    removalProposals: thisYear.filter((v) => !v.recognised && v.id && failedBefore.has(v.id)).length,
    votesAtHalf: thisYear.filter((v) => v.share === 0.5).length,
    votesBelowHalf: thisYear.filter((v) => v.share > 0 && v.share < 0.5).length,
    late: thisYear.filter((v) => !v.onTime).length,
  };
}

function yes(c: RawCell | undefined): boolean {
  return c === true || ["có", "x", "c", "✓", "1", "true"].includes(String(c).trim().toLowerCase());
}

/** A date as a serial number; null when empty; undefined when it cannot be read. */
function readDate(c: RawCell): number | null | undefined {
  if (c === "") return null;
  if (typeof c === "number") return c;
  const s = String(c);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const dm = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dm ? [dm[3], dm[2], dm[1]] : [];
  if (!y) return undefined;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCDate() !== Number(d)) return undefined;
  return sheetsSerial(Number(y), Number(m), Number(d));
}

function readCount(c: RawCell): number | null {
  const n = typeof c === "number" ? c : /^\d+$/.test(String(c)) ? Number(c) : NaN;
  return Number.isInteger(n) && n >= 0 ? n : null;
}

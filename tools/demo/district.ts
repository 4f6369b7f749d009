/**
 * A deterministic, realistic district workbook for the demo, the tests and the benchmark: the four input tabs of
 * SPEC §2 filled the way a district's offices fill them, after the seed-003 district (25 xã/thị trấn, about 370
 * thôn/khu phố, the Huyện ủy's agencies and mass organisations, targets of 25–30% titles and 100% village coverage).
 *
 * Pure TypeScript: imported by Node scripts and by tests in workerd alike.
 */
import type { RawCell, RawTabs } from "../../sheets-schema/types.ts";
import { dayOfYear, typedCount, typedDate, typedYesNo } from "./cells.ts";
import { collectiveModelName, exemplarName, FIELD_LABELS, type FieldIndex } from "./model-names.ts";
import {
  communeNames,
  DISTRICT_AGENCIES,
  inDistrict,
  lowerFirst,
  MASS_ORGANISATIONS,
  PARTY_CELL_TEMPLATES,
  personName,
  villageNames,
  type AgencyName,
} from "./names.ts";
import { Random } from "./random.ts";
import {
  layoutWorkbook,
  REGISTRATIONS_TAB,
  toSpreadsheet,
  UNITS_TAB,
  type InjectedTypo,
  type PlannedTypo,
  type Row,
  type SpreadsheetImport,
  type WorkbookParts,
} from "./workbook.ts";

export interface DistrictOptions {
  /** Same seed, same workbook. Default 3 (seed plan 003). */
  seed?: number;
  /** Xã and thị trấn (about one in twelve is a thị trấn). Default 25. */
  communes?: number;
  /** Average thôn/khu phố per commune. Default 14.8 (≈ 370 in all). */
  villagesPerCommune?: number;
  /** Cơ quan, đơn vị + chi bộ + tổ chức chính trị - xã hội. Default 60. */
  agencies?: number;
  /** Default 2020–2024. */
  years?: number[];
  /** Average registrations per year; the count grows about 4% a year around it. Default 600. */
  modelsPerYear?: number;
  /** Plant a few typing mistakes (and odd but valid spellings) in the latest year. Default true. */
  typos?: boolean;
}

export const DEMO_SEED = 3;
export const DEMO_SPREADSHEET_ID = "demo-district";
export const DEMO_TITLE = "Dân vận khéo – Huyện Demo";
export const DEMO_YEARS = [2020, 2021, 2022, 2023, 2024];
/** The latest year of the demo: the one to score. */
export const DEMO_YEAR = 2024;

/** The four input tabs of a district. @example generateDistrict({ seed: 7 })["Đăng ký"]?.length // → 3000-odd rows */
export function generateDistrict(options: DistrictOptions = {}): RawTabs {
  return generateDistrictDetailed(options).tabs;
}

/** The four input tabs and where each planted typo is, so tests can expect exactly those data errors. */
export function generateDistrictDetailed(options: DistrictOptions = {}): { tabs: RawTabs; typos: InjectedTypo[] } {
  const parts = buildDistrict(new Random(options.seed ?? DEMO_SEED), resolveOptions(options), NO_PREFIX);
  return layoutWorkbook(parts);
}

/** The demo spreadsheet in the local Sheets emulator's import shape. */
export function demoSpreadsheet(seed: number = DEMO_SEED): SpreadsheetImport {
  return toSpreadsheet(DEMO_TITLE, generateDistrict({ seed }));
}

export type ResolvedDistrictOptions = Required<Omit<DistrictOptions, "seed">>;

export function resolveOptions(o: DistrictOptions): ResolvedDistrictOptions {
  return {
    communes: o.communes ?? 25,
    villagesPerCommune: o.villagesPerCommune ?? 14.8,
    agencies: o.agencies ?? 60,
    years: o.years ?? DEMO_YEARS,
    modelsPerYear: o.modelsPerYear ?? 600,
    typos: o.typos ?? true,
  };
}

/** How a district's codes and names are told apart inside a province. */
export interface DistrictNaming {
  /** Put before every code, e.g. "H03-". */
  codePrefix: string;
  /** Added to district bodies' names and to emulation blocs, e.g. "Lục Nam"; null for a lone district. */
  districtName: string | null;
}

const NO_PREFIX: DistrictNaming = { codePrefix: "", districtName: null };

// ---------------------------------------------------------------------------------------------------------------
// Units

type UnitKind = "commune" | "village" | "agency" | "partyCell" | "massOrganisation";

const UNIT_TYPE: Record<UnitKind, string> = {
  commune: "Xã, thị trấn",
  village: "Thôn, khu phố",
  agency: "Cơ quan, đơn vị",
  partyCell: "Chi bộ",
  massOrganisation: "Tổ chức chính trị - xã hội",
};

/** A unit and what drives its registrations. */
interface Unit {
  code: string;
  name: string;
  kind: UnitKind;
  row: Row;
  /** Name used in a model's name ("Thôn Đông"); null for an office. */
  place: string | null;
  /** The field an office's models lean to. */
  leaning: FieldIndex | null;
  /** Chance that one of its registrations meets every criterion. */
  quality: number;
  /** A village that struggles (few models, often not recognised): the coverage target lists it. */
  weak: boolean;
  models: Model[];
}

interface Commune extends Unit {
  villages: Unit[];
  /** Chance that one of its tổ dân vận is rated Tốt. */
  teamQuality: number;
}

/** A model or exemplar followed across years by its Mã mô hình. */
interface Model {
  id: string;
  name: string;
  collective: boolean;
  field: FieldIndex;
  /** A weak model tends to stay unrecognised year after year (the review list, SPEC §3.6). */
  weak: boolean;
  since: number;
  lastYear: number;
  lastRecognised: boolean;
}

interface UnitPlan {
  communes: Commune[];
  /** Every unit in the order of the `Đơn vị` tab. */
  all: Unit[];
}

const pad2 = (n: number) => String(n).padStart(2, "0");

function planUnits(rng: Random, o: ResolvedDistrictOptions, naming: DistrictNaming): UnitPlan {
  const p = naming.codePrefix;
  const bloc = (name: string | null) =>
    name && naming.districtName ? `${name} (${naming.districtName})` : (name ?? "");
  const towns = Math.round(o.communes * 0.08);
  const names = communeNames(rng, o.communes);
  const villageCounts = spreadVillages(rng, o);
  const clusters = Math.max(1, Math.min(4, Math.round(o.communes / 6)));

  const communes: Commune[] = names.map((n, i) => {
    const isTown = i < towns;
    const code = isTown ? `${p}TT${pad2(i + 1)}` : `${p}X${pad2(i - towns + 1)}`;
    const name = `${isTown ? "Thị trấn" : "Xã"} ${n}`;
    const cluster = bloc(`Cụm ${1 + Math.floor((i * clusters) / o.communes)}`);
    // Xét danh hiệu is mostly left empty (yes for a commune); one office ticks it anyway.
    const title: RawCell = i === o.communes - 1 ? true : "";
    const commune: Commune = {
      ...unit(code, name, "commune", "", cluster, title, name, null),
      quality: rng.float(0.68, 0.92),
      villages: [],
      teamQuality: rng.float(0.78, 0.94),
    };
    commune.villages = villageNames(rng, villageCounts[i] ?? 1, isTown).map((vn, k) => {
      const village = unit(`${code}-${isTown ? "KP" : "T"}${pad2(k + 1)}`, vn, "village", code, "", "", vn, null);
      village.weak = rng.chance(0.02);
      village.quality = village.weak ? 0.3 : rng.float(0.62, 0.9);
      return village;
    });
    return commune;
  });
  // A couple of communes whose tổ dân vận lag behind: their share of Tốt misses the 70% target.
  for (const c of rng.sample(communes, Math.round(o.communes * 0.08))) c.teamQuality = rng.float(0.5, 0.62);

  // Offices: cơ quan, đơn vị first (by bloc), then the mass organisations, then chi bộ under their commune.
  const massCount = Math.min(MASS_ORGANISATIONS.length, Math.round(o.agencies / 10));
  let agencyCount = Math.min(DISTRICT_AGENCIES.length, o.agencies - massCount - Math.round(o.agencies * 0.37));
  agencyCount = Math.max(0, agencyCount);
  const cellCount = Math.max(0, o.agencies - massCount - agencyCount);
  const office = (a: AgencyName, code: string, kind: UnitKind) => {
    const u = unit(code, inDistrict(a.name, naming.districtName), kind, "", bloc(a.bloc), "", null, a.leaning);
    u.quality = rng.float(0.6, 0.95);
    return u;
  };
  const agencies = DISTRICT_AGENCIES.slice(0, agencyCount).map((a, i) => office(a, `${p}CQ${pad2(i + 1)}`, "agency"));
  const mass = MASS_ORGANISATIONS.slice(0, massCount).map((a, i) =>
    office(a, `${p}DT${pad2(i + 1)}`, "massOrganisation"),
  );
  if (agencies.length > 4) (agencies[agencies.length - 3] as Unit).row["Xét danh hiệu"] = "Có";

  const cellSlots = communes.flatMap((_c, ci) => PARTY_CELL_TEMPLATES.map((t) => ({ ci, t })));
  const chosen = rng.sample(cellSlots, cellCount).sort((a, b) => a.ci - b.ci);
  const cellsOf = new Map<Commune, Unit[]>();
  chosen.forEach(({ ci, t }, i) => {
    const c = communes[ci] as Commune;
    const bare = c.name.replace(/^(Xã|Thị trấn) /, "");
    const level = c.name.startsWith("Thị trấn") ? "thị trấn" : "xã";
    const name = t.template.replace("{c}", bare).replace("{l}", level);
    const cell = unit(`${p}CB${pad2(i + 1)}`, name, "partyCell", c.code, "", "", null, t.leaning);
    cell.quality = rng.float(0.6, 0.95);
    // A newly founded chi bộ does not take part in the title yet.
    if (i % 11 === 5) cell.row["Xét danh hiệu"] = "Không";
    cellsOf.set(c, [...(cellsOf.get(c) ?? []), cell]);
  });

  const all: Unit[] = [...agencies, ...mass];
  for (const c of communes) all.push(c, ...c.villages, ...(cellsOf.get(c) ?? []));
  return { communes, all };
}

function unit(
  code: string,
  name: string,
  kind: UnitKind,
  parent: string,
  cluster: string,
  title: RawCell,
  place: string | null,
  leaning: FieldIndex | null,
): Unit {
  const row: Row = {
    "Mã đơn vị": code,
    "Tên đơn vị": name,
    "Loại đơn vị": UNIT_TYPE[kind],
    "Đơn vị cấp trên": parent,
    "Cụm thi đua": cluster,
    "Xét danh hiệu": title,
  };
  return { code, name, kind, row, place, leaning, quality: 0.8, weak: false, models: [] };
}

/** Villages per commune: uneven, a thị trấn has somewhat fewer khu phố, every commune has a few. */
function spreadVillages(rng: Random, o: ResolvedDistrictOptions): number[] {
  const total = Math.max(o.communes, Math.round(o.communes * o.villagesPerCommune));
  const floor = Math.min(3, Math.floor(total / o.communes));
  const towns = Math.round(o.communes * 0.08);
  const weights = Array.from({ length: o.communes }, (_, i) => rng.float(0.55, 1.45) * (i < towns ? 0.8 : 1));
  return apportion(rng, total - floor * o.communes, weights).map((n) => n + floor);
}

/**
 * Splits `total` into whole parts proportional to `weights`, exactly: the floors, then the remainders by
 * systematic sampling (each part gets its extra one with probability equal to its fraction).
 */
export function apportion(rng: Random, total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w * total) / sum);
  const counts = exact.map(Math.floor);
  let acc = 0;
  let next = rng.next();
  exact.forEach((x, i) => {
    acc += x - Math.floor(x);
    if (acc > next) {
      counts[i] = (counts[i] ?? 0) + 1;
      next += 1;
    }
  });
  // Floating point may leave the sum one off.
  let diff = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; diff !== 0 && i < counts.length; i++) {
    if (diff > 0 && (weights[i] ?? 0) > 0) {
      counts[i] = (counts[i] ?? 0) + 1;
      diff--;
    } else if (diff < 0 && (counts[i] ?? 0) > 0) {
      counts[i] = (counts[i] ?? 0) - 1;
      diff++;
    }
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------------------------
// Registrations

/** One registration before it is typed: what it is and whether it should be recognised. */
interface Planned {
  unit: Unit;
  model: Model;
  form: "Xây dựng mới" | "Nhân rộng" | "Duy trì";
  recognised: boolean;
  year: number;
  row: Row;
  /** The votes cast as a number (the cell may hold it as text). */
  votesCast: number;
  late: boolean;
}

// Extra registrations above one each, relative: a commune's đảng bộ registers several, a village about one.
const EXTRA_WEIGHT: Record<UnitKind, number> = {
  commune: 2.5,
  village: 0.35,
  agency: 0.8,
  partyCell: 0.6,
  massOrganisation: 1.5,
};
const COLLECTIVE_SHARE: Record<UnitKind, number> = {
  commune: 0.65,
  village: 0.8,
  agency: 0.55,
  partyCell: 0.5,
  massOrganisation: 0.6,
};

/** Registrations per year: the district's total grows about 4% a year, and the years sum to `perYear × years`. */
function yearTotals(perYear: number, years: number): number[] {
  const totals = Array.from({ length: years }, (_, i) => Math.round(perYear * (1 + 0.04 * (i - (years - 1) / 2))));
  const sum = totals.reduce((a, b) => a + b, 0);
  if (totals.length > 0) totals[totals.length - 1] = (totals[totals.length - 1] ?? 0) + perYear * years - sum;
  return totals;
}

function planYear(rng: Random, plan: UnitPlan, year: number, total: number, ids: IdMaker): Planned[] {
  // A few units register nothing this year: the "no registration" flag.
  const active = plan.all.filter((u) => {
    if (u.kind === "village") return !rng.chance(u.weak ? 0.2 : 0.005);
    if (u.kind === "partyCell") return !rng.chance(0.03);
    return true;
  });
  const counts = new Map<Unit, number>();
  if (total < active.length) {
    for (const u of rng.sample(active, total)) counts.set(u, 1);
  } else {
    const extra = apportion(
      rng,
      total - active.length,
      active.map((u) => EXTRA_WEIGHT[u.kind]),
    );
    active.forEach((u, i) => counts.set(u, 1 + (extra[i] ?? 0)));
  }

  // Some models that failed last year are kept on (Duy trì) and fail again: the review list has content.
  const chronic = new Map<Unit, Model[]>();
  // (Not a village's only registration: that would cost it its coverage on purpose.)
  const failedLastYear = active
    .filter((u) => u.kind !== "village" || (counts.get(u) ?? 0) > 1)
    .flatMap((u) =>
      u.models
        .filter((m) => m.collective && m.id && m.lastYear === year - 1 && !m.lastRecognised)
        .map((m) => ({ u, m })),
    );
  for (const { u, m } of rng.sample(failedLastYear, Math.max(2, Math.round(total * 0.006)))) {
    chronic.set(u, [...(chronic.get(u) ?? []), m]);
  }

  const out: Planned[] = [];
  for (const u of plan.all) {
    const count = counts.get(u) ?? 0;
    const forced = (chronic.get(u) ?? []).slice(0, count);
    const used = new Set<Model>(forced);
    for (let slot = 0; slot < count; slot++) {
      const forcedModel = forced[slot - (count - forced.length)];
      let p: Planned;
      if (forcedModel) {
        p = registration(u, forcedModel, "Duy trì", false, year);
      } else {
        // Every village that is not struggling gets its first model through: coverage misses only a few.
        const pass = u.kind === "village" && slot === 0 && !u.weak ? 0.985 : u.quality;
        const keepOne = u.models.length > 0 && rng.chance(0.17);
        const kept = keepOne
          ? u.models.filter((m) => m.collective && m.id && !used.has(m) && m.since < year && m.lastYear >= year - 3)
          : [];
        if (kept.length > 0) {
          const m = rng.pick(kept);
          used.add(m);
          p = registration(u, m, "Duy trì", rng.chance(m.weak ? 0.25 : pass), year);
        } else {
          const m = newModel(rng, u, year, ids);
          // Exemplars are people: rarely "replicated".
          const replicated = rng.chance(m.collective ? 0.3 : 0.08);
          p = registration(u, m, replicated ? "Nhân rộng" : "Xây dựng mới", rng.chance(pass), year);
        }
      }
      p.model.lastYear = year;
      p.model.lastRecognised = p.recognised;
      out.push(p);
    }
  }
  return out;
}

function registration(unit: Unit, model: Model, form: Planned["form"], recognised: boolean, year: number): Planned {
  return { unit, model, form, recognised, year, row: {}, votesCast: 0, late: false };
}

interface IdMaker {
  next(collective: boolean, year: number): string;
}

function idMaker(prefix: string): IdMaker {
  const seq = new Map<string, number>();
  return {
    next(collective, year) {
      const key = `${collective ? "MH" : "DH"}-${String(year % 100).padStart(2, "0")}`;
      const n = (seq.get(key) ?? 0) + 1;
      seq.set(key, n);
      return `${prefix}${key}-${String(n).padStart(4, "0")}`;
    },
  };
}

function newModel(rng: Random, u: Unit, year: number, ids: IdMaker): Model {
  const collective = rng.chance(COLLECTIVE_SHARE[u.kind]);
  const field = pickField(rng, u);
  const name = collective ? collectiveModelName(rng, field, u.place) : exemplarName(rng, field, personName(rng));
  const id = rng.chance(0.03) ? "" : ids.next(collective, year);
  const m: Model = {
    id,
    name,
    collective,
    field,
    weak: rng.chance(0.1),
    since: year,
    lastYear: year,
    lastRecognised: false,
  };
  u.models.push(m);
  return m;
}

type Choices<T> = readonly (readonly [T, number])[];

// Villages and communes spread their models over the fields; an office leans to its own.
const LOCAL_FIELDS: Choices<FieldIndex> = [
  [0, 30],
  [1, 38],
  [2, 17],
  [3, 15],
];
const OFFICE_FIELDS = ([0, 1, 2, 3] as const).map(
  (lean): Choices<FieldIndex> => ([0, 1, 2, 3] as const).map((f) => [f, f === lean ? 55 : 15] as const),
);

function pickField(rng: Random, u: Unit): FieldIndex {
  return rng.weighted(u.leaning === null ? LOCAL_FIELDS : (OFFICE_FIELDS[u.leaning] ?? LOCAL_FIELDS));
}

type Failure =
  | "late"
  | "undated"
  | "voteBelow"
  | "voteHalf"
  | "notPublic"
  | "notAcknowledged"
  | "spreadMedium"
  | "spreadLow"
  | "spreadEmpty";

const FAILURES: Choices<Failure> = [
  ["late", 25],
  ["undated", 5],
  ["voteBelow", 12],
  ["voteHalf", 8],
  ["notPublic", 6],
  ["notAcknowledged", 12],
  ["spreadMedium", 22],
  ["spreadLow", 6],
  ["spreadEmpty", 4],
];

// Offices register towards the deadline: most in March.
const REGISTRATION_MONTHS: Choices<number> = [
  [1, 20],
  [2, 30],
  [3, 50],
];
const REPORTS: Choices<"onTime" | "late" | "none"> = [
  ["onTime", 88],
  ["late", 5],
  ["none", 7],
];

const VOTERS: Record<UnitKind, readonly [number, number]> = {
  commune: [25, 90],
  village: [25, 160],
  agency: [8, 45],
  partyCell: [7, 35],
  massOrganisation: [10, 50],
};

/** Types the row of a planned registration: a recognised one passes every criterion, another fails one or two. */
function typeRow(rng: Random, p: Planned, communes: readonly Commune[]): void {
  const failures = new Set<Failure>();
  if (!p.recognised) {
    failures.add(rng.weighted(FAILURES));
    if (rng.chance(0.2)) failures.add(rng.weighted(FAILURES));
  }
  const y = p.year;
  const deadlineRush = rng.weighted(REGISTRATION_MONTHS);
  const registered = failures.has("late")
    ? { year: y, month: rng.int(4, 6), day: rng.int(1, 28) }
    : { year: y, month: deadlineRush, day: rng.int(deadlineRush === 1 ? 5 : 1, deadlineRush === 2 ? 28 : 31) };
  p.late = failures.has("late");
  const reportKind = rng.weighted(REPORTS);
  const reported =
    reportKind === "late" ? dayOfYear(y + 1, rng.int(1, 50)) : { year: y, month: rng.int(11, 12), day: rng.int(1, 30) };

  const [lo, hi] = VOTERS[p.unit.kind];
  let cast = rng.int(lo, hi);
  let inFavour: number;
  if (failures.has("voteHalf")) {
    cast += cast % 2;
    inFavour = cast / 2;
  } else if (failures.has("voteBelow")) {
    inFavour = Math.min(Math.floor(cast * rng.float(0.25, 0.49)), Math.ceil(cast / 2) - 1);
  } else {
    const share = 1 - 0.45 * rng.next() ** 2;
    inFavour = Math.min(cast, Math.max(Math.floor(cast / 2) + 1, Math.round(cast * share)));
  }
  p.votesCast = cast;

  const spread = failures.has("spreadMedium")
    ? "Trung bình"
    : failures.has("spreadLow")
      ? "Thấp"
      : failures.has("spreadEmpty")
        ? ""
        : "Cao";

  const notes: string[] = [];
  if (p.late && rng.chance(0.6)) notes.push("Đăng ký bổ sung");
  if (reportKind === "late" && rng.chance(0.5)) notes.push("Nộp báo cáo chậm");
  if (p.form === "Duy trì" && rng.chance(0.6)) notes.push(`Duy trì từ năm ${p.model.since}`);
  if (p.form === "Nhân rộng" && rng.chance(0.4)) {
    notes.push(`Nhân rộng từ mô hình của ${lowerFirst(rng.pick(communes).name)}`);
  }
  if (p.recognised && rng.chance(0.03)) notes.push("Mô hình điểm của huyện");

  p.row = {
    Năm: y,
    "Mã mô hình": p.model.id,
    "Mã đơn vị": p.unit.code,
    "Tên mô hình, điển hình": p.model.name,
    Loại: p.model.collective ? "Tập thể" : "Cá nhân",
    "Lĩnh vực": FIELD_LABELS[p.model.field],
    "Hình thức": p.form,
    "Ngày đăng ký": failures.has("undated") ? "" : typedDate(rng, registered),
    "Ngày báo cáo": reportKind === "none" ? "" : typedDate(rng, reported),
    "Bình chọn công khai": typedYesNo(rng, !failures.has("notPublic")),
    "Tổng số phiếu": typedCount(rng, cast),
    "Số phiếu đồng ý": typedCount(rng, inFavour),
    "Tập thể thừa nhận": typedYesNo(rng, !failures.has("notAcknowledged")),
    "Sức lan tỏa": spread,
    "Cấp ủy công nhận": typedYesNo(rng, p.recognised ? rng.chance(0.95) : rng.chance(0.55)),
    "Ghi chú": notes.join("; "),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Tổ dân vận and khối dân vận

// Ratings other than Tốt; "" is a team nobody rated.
const OTHER_RATINGS: Choices<RawCell> = [
  ["Khá", 60],
  ["Trung bình", 15],
  ["Yếu", 12],
  ["", 13],
];

function teamRows(rng: Random, communes: readonly Commune[], year: number): Row[] {
  const rating = (good: number): RawCell => (rng.chance(good) ? "Tốt" : rng.weighted(OTHER_RATINGS));
  const rows: Row[] = [];
  for (const c of communes) {
    rows.push({
      Năm: year,
      "Mã tổ": `KDV-${c.code}`,
      "Tên tổ": `Khối dân vận ${lowerFirst(c.name)}`,
      Cấp: "Khối dân vận",
      "Mã đơn vị": c.code,
      "Xếp loại": rating(Math.min(0.97, c.teamQuality + 0.05)),
    });
    for (const v of c.villages) {
      rows.push({
        Năm: year,
        "Mã tổ": `TDV-${v.code}`,
        "Tên tổ": `Tổ dân vận ${lowerFirst(v.name)}`,
        Cấp: "Tổ dân vận",
        "Mã đơn vị": v.code,
        "Xếp loại": rating(c.teamQuality),
      });
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------
// Typing mistakes

/**
 * Plants the typos of the latest year: five data errors (SPEC §4) and a few spellings the reader must accept.
 * Recognised rows are chosen, so each error visibly costs its unit a model.
 */
function plantTypos(rng: Random, units: readonly Unit[], latest: readonly Planned[]): PlannedTypo[] {
  const typos: PlannedTypo[] = [];
  const taken = new Set<Planned>();
  const take = (ok: (p: Planned) => boolean): Planned | undefined => {
    const p = rng.shuffle(latest).find((q) => !taken.has(q) && q.recognised && !q.late && ok(q));
    if (p) taken.add(p);
    return p;
  };
  const plant = (p: Planned | undefined, header: string, value: RawCell, valid: boolean, note: string) => {
    if (!p) return;
    p.row[header] = value;
    typos.push({ tab: REGISTRATIONS_TAB, row: p.row, header, value, valid, note });
  };
  const y = latest[0]?.year ?? 0;

  plant(
    take(() => true),
    "Ngày đăng ký",
    `31/02/${y}`,
    false,
    "Ngày không tồn tại",
  );
  plant(
    take(() => true),
    "Số phiếu đồng ý",
    "abc",
    false,
    "Số phiếu không phải là số",
  );
  const swapped = take((p) => p.votesCast >= 12 && reverseDigits(p.votesCast) > p.votesCast);
  if (swapped)
    plant(swapped, "Số phiếu đồng ý", reverseDigits(swapped.votesCast), false, "Số phiếu đồng ý lớn hơn tổng số phiếu");
  const misCoded = take((p) => p.unit.kind === "village");
  if (misCoded) {
    const code = misCoded.unit.code.replace(/-(?=[^-]*$)/, "");
    plant(misCoded, "Mã đơn vị", code, false, "Mã đơn vị không có trong trang Đơn vị");
  }
  // A copy-paste slip: a row takes the Mã mô hình of the row above.
  const i = latest.findIndex((p, k) => {
    const above = latest[k - 1];
    return (
      k > 0 &&
      !!above &&
      !taken.has(p) &&
      !taken.has(above) &&
      p.recognised &&
      !p.late &&
      p.form !== "Duy trì" &&
      above.form !== "Duy trì" &&
      !!p.model.id &&
      !!above.model.id &&
      rng.chance(0.1)
    );
  });
  const copied = latest[i];
  const above = latest[i - 1];
  if (i > 0 && copied && above) {
    taken.add(copied);
    plant(copied, "Mã mô hình", above.model.id, false, "Mã mô hình trùng với dòng trên trong cùng năm");
  }
  plant(
    take((p) => p.model.field === 1),
    "Lĩnh vực",
    "Van hoa - xa hoi",
    true,
    "Lĩnh vực gõ không dấu (hợp lệ)",
  );
  plant(
    take((p) => p.model.field === 1),
    "Lĩnh vực",
    "VH-XH",
    true,
    "Lĩnh vực viết tắt (hợp lệ)",
  );
  const bullet = take(() => true);
  if (bullet) {
    plant(bullet, "Tên mô hình, điển hình", `- ${bullet.model.name}`, true, "Tên bắt đầu bằng gạch đầu dòng (hợp lệ)");
  }

  // Old-style tone marks in unit names: read the same as the new style.
  const oldStyle = (u: Unit | undefined, from: string, to: string) => {
    if (!u) return;
    const value = u.name.replace(from, to);
    u.row["Tên đơn vị"] = value;
    typos.push({
      tab: UNITS_TAB,
      row: u.row,
      header: "Tên đơn vị",
      value,
      valid: true,
      note: `Dấu kiểu cũ “${to}” (hợp lệ)`,
    });
  };
  const partyOffice =
    units.find((u) => u.name.startsWith("Ban Tuyên giáo Huyện ủy")) ?? units.find((u) => u.name.includes("Huyện ủy"));
  oldStyle(partyOffice, "Huyện ủy", "Huyện uỷ");
  oldStyle(
    units.find((u) => u.kind === "village" && u.name.includes("Hòa")),
    "Hòa",
    "Hoà",
  );
  return typos;
}

function reverseDigits(n: number): number {
  return Number(String(n).split("").reverse().join(""));
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * One district's rows, for `generateDistrict` and for the province benchmark, which lays out several side by side.
 * The typos draw on their own random stream, so the workbook is the same with and without them but for those cells.
 */
export function buildDistrict(rng: Random, o: ResolvedDistrictOptions, naming: DistrictNaming): WorkbookParts {
  const typoRng = rng.fork("typos");
  const plan = planUnits(rng.fork("units"), o, naming);
  const ids = idMaker(naming.codePrefix);
  const totals = yearTotals(o.modelsPerYear, o.years.length);
  const registrations: Row[] = [];
  const teams: Row[] = [];
  let latest: Planned[] = [];
  o.years.forEach((year, i) => {
    const yearRng = rng.fork(year);
    const planned = planYear(yearRng, plan, year, totals[i] ?? 0, ids);
    for (const p of planned) typeRow(yearRng, p, plan.communes);
    // Late registrations were sent in afterwards: they sit at the end of the year's list.
    const ordered = [...planned.filter((p) => !p.late), ...planned.filter((p) => p.late)];
    registrations.push(...ordered.map((p) => p.row));
    teams.push(...teamRows(yearRng, plan.communes, year));
    latest = ordered;
  });
  const typos = o.typos ? plantTypos(typoRng, plan.all, latest) : [];
  return { units: plan.all.map((u) => u.row), registrations, teams, typos };
}

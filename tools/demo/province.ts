/**
 * A province-sized workbook for the benchmark: several seed-003 districts side by side in one set of tabs, each
 * with its own codes ("H03-X12-T04") and emulation blocs ("Cụm 1 (Lục Nam)").
 */
import type { RawTabs } from "../../sheets-schema/types.ts";
import { buildDistrict, resolveOptions } from "./district.ts";
import { DISTRICT_NAMES } from "./names.ts";
import { Random } from "./random.ts";
import {
  layoutWorkbook,
  toSpreadsheet,
  type InjectedTypo,
  type SpreadsheetImport,
  type WorkbookParts,
} from "./workbook.ts";

export interface ProvinceOptions {
  /** Default 63. */
  seed?: number;
  /** At least this many units (whole districts of about 455 units each are added). Default 4,500. */
  units?: number;
  /** At least this many registrations over all the years. Default 50,000. */
  registrationsTotal?: number;
  /** How many years, ending in 2024. Default 5. */
  years?: number;
  /** Plant each district's typos too. Default false: a clean benchmark. */
  typos?: boolean;
}

/** The units of one default district: 25 communes, 370 villages, 60 offices. */
const UNITS_PER_DISTRICT = 25 + 370 + 60;

/** The four input tabs of a province. @example generateProvince()["Đơn vị"]?.length // → 4551 (with the header) */
export function generateProvince(options: ProvinceOptions = {}): RawTabs {
  return generateProvinceDetailed(options).tabs;
}

export function generateProvinceDetailed(options: ProvinceOptions = {}): { tabs: RawTabs; typos: InjectedTypo[] } {
  const units = options.units ?? 4500;
  const total = options.registrationsTotal ?? 50_000;
  const yearCount = options.years ?? 5;
  const years = Array.from({ length: yearCount }, (_, i) => 2024 - yearCount + 1 + i);
  const districts = Math.max(1, Math.ceil(units / UNITS_PER_DISTRICT));
  const district = resolveOptions({
    years,
    modelsPerYear: Math.ceil(total / yearCount / districts),
    typos: options.typos ?? false,
  });

  const root = new Random(options.seed ?? 63);
  const all: WorkbookParts = { units: [], registrations: [], teams: [], typos: [] };
  for (let d = 0; d < districts; d++) {
    const name = DISTRICT_NAMES[d % DISTRICT_NAMES.length] ?? "Demo";
    const round = Math.floor(d / DISTRICT_NAMES.length);
    const parts = buildDistrict(root.fork(d), district, {
      codePrefix: `H${String(d + 1).padStart(2, "0")}-`,
      districtName: round === 0 ? name : `${name} ${round + 1}`,
    });
    all.units.push(...parts.units);
    all.registrations.push(...parts.registrations);
    all.teams.push(...parts.teams);
    all.typos.push(...parts.typos);
  }
  // One tab of registrations for the whole province, year by year, as a provincial office would merge them.
  const yearOf = (r: WorkbookParts["registrations"][number]) => Number(r.Năm);
  all.registrations.sort((a, b) => yearOf(a) - yearOf(b));
  all.teams.sort((a, b) => yearOf(a) - yearOf(b));
  return layoutWorkbook(all);
}

/** The province in the local Sheets emulator's import shape. */
export function provinceSpreadsheet(options: ProvinceOptions = {}): SpreadsheetImport {
  return toSpreadsheet("Dân vận khéo – Tỉnh Demo", generateProvince(options));
}

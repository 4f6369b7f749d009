/**
 * Lays one district out as a province does with `Nguồn dữ liệu`: a main spreadsheet with `Đơn vị` and `Cấu hình`,
 * and sources that each hold the `Đăng ký` and `Tổ, khối dân vận` rows of some xã (with their thôn). Every row keeps
 * its sheet row (the others are left empty), so a data error names the same cell in either layout and only its
 * source differs.
 */
import { readWorkbook } from "../../sheets-schema/read-workbook.ts";
import type { RawCell, RawGrid, RawTabs } from "../../sheets-schema/types.ts";

export interface SplitDistrict {
  /** `Đơn vị` and `Cấu hình` (no `Nguồn dữ liệu`: the caller lists the sources as it likes). */
  main: RawTabs;
  /** One per part: the rows of its xã in `Đăng ký` and `Tổ, khối dân vận`. */
  parts: RawTabs[];
}

/**
 * Splits a district workbook into a main spreadsheet and `parts` sources, the xã dealt out in turn (a thôn goes
 * with its xã); rows of agencies and of unknown units go to the first part.
 */
export function splitDistrict(tabs: RawTabs, parts: number): SplitDistrict {
  const communeOf = new Map<string, string>();
  for (const u of readWorkbook(tabs).units) {
    if (u.type === "commune") communeOf.set(u.code, u.code);
    else if (u.type === "village" && u.parentCode !== null) communeOf.set(u.code, u.parentCode);
  }
  const communes = [...new Set(communeOf.values())];
  const partOf = (unitCode: RawCell | undefined): number => {
    const commune = communeOf.get(
      String(unitCode ?? "")
        .trim()
        .toUpperCase(),
    );
    return commune === undefined ? 0 : communes.indexOf(commune) % parts;
  };
  const split = (grid: RawGrid): RawGrid[] => {
    const column = (grid[0] ?? []).indexOf("Mã đơn vị");
    return Array.from({ length: parts }, (_, p) => {
      const out: RawGrid = [
        (grid[0] ?? []).slice(),
        ...grid.slice(1).map((row) => (partOf(row[column]) === p ? row.slice() : [])),
      ];
      while (out.length > 1 && out[out.length - 1]!.length === 0) out.pop();
      return out;
    });
  };
  const registrations = split(tabs["Đăng ký"] ?? []);
  const teams = split(tabs["Tổ, khối dân vận"] ?? []);
  return {
    main: { "Đơn vị": tabs["Đơn vị"] ?? [], "Cấu hình": tabs["Cấu hình"] ?? [] },
    parts: registrations.map((grid, p) => ({ "Đăng ký": grid, "Tổ, khối dân vận": teams[p] ?? [] })),
  };
}

/** A source's tabs with the `Gửi về` tab that consents to `mainId` reading them (SPEC §2.5). */
export function withConsent(tabs: RawTabs, mainId: string): RawTabs {
  return {
    ...tabs,
    "Gửi về": [
      ["Mã bảng tính hoặc đường dẫn", "Ghi chú"],
      [mainId, "Gửi dữ liệu về bảng tính chính"],
    ],
  };
}

/** The emulator's import shape of some tabs. */
export function sheetsOf(tabs: RawTabs): { title: string; values: RawGrid }[] {
  return Object.entries(tabs).map(([title, values]) => ({ title, values }));
}

import type { Unit } from "../../scoring/types.ts";

/** A result that lists units: the annual, six-month or stage review's. */
type WithUnits = { readonly units: readonly { readonly unit: Unit }[] };

// Built once per result, whichever tabs ask: a province has thousands of units.
const unitsOf = new WeakMap<WithUnits, Map<string, Unit>>();

function unitsByCode(result: WithUnits): ReadonlyMap<string, Unit> {
  let units = unitsOf.get(result);
  if (units === undefined) {
    units = new Map();
    for (const u of result.units) units.set(u.unit.code, u.unit);
    unitsOf.set(result, units);
  }
  return units;
}

const namesOf = new WeakMap<WithUnits, Map<string, string>>();

/**
 * The name of every unit of a result, by code: the tabs that list registrations name their units too.
 *
 * @example unitNames(result).get("XA-A") // → "Xã A"
 */
export function unitNames(result: WithUnits): ReadonlyMap<string, string> {
  let names = namesOf.get(result);
  if (names === undefined) {
    names = new Map();
    for (const u of result.units) names.set(u.unit.code, u.unit.name);
    namesOf.set(result, names);
  }
  return names;
}

/**
 * The name of the xã a unit belongs to, so a list of thôn can say where each one is: a xã's own name, the name of
 * a thôn's `Đơn vị cấp trên`; empty when the chain leads to no known unit (a district office, a thôn whose xã is
 * not in `Đơn vị`).
 *
 * @example communeName(result, "XA-A-T2") // → "Xã A" when thôn XA-A-T2 has parent XA-A
 */
export function communeName(result: WithUnits, code: string): string {
  const units = unitsByCode(result);
  const unit = units.get(code);
  if (!unit) return "";
  if (unit.type === "commune") return unit.name;
  return unit.parentCode === null ? "" : (units.get(unit.parentCode)?.name ?? "");
}

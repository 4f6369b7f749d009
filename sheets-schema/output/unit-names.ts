import type { Unit } from "../../scoring/types.ts";

/** A result that lists units: the annual, six-month or stage review's. */
type WithUnits = { readonly units: readonly { readonly unit: Unit }[] };

// Built once per result, whichever tabs ask: a province has thousands of units.
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

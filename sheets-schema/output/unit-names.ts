import type { ScoringResult } from "../../scoring/types.ts";

// Built once per result, whichever tabs ask: a province has thousands of units.
const namesOf = new WeakMap<ScoringResult, Map<string, string>>();

/**
 * The name of every unit of a result, by code: the tabs that list registrations name their units too.
 *
 * @example unitNames(result).get("XA-A") // → "Xã A"
 */
export function unitNames(result: ScoringResult): ReadonlyMap<string, string> {
  let names = namesOf.get(result);
  if (names === undefined) {
    names = new Map();
    for (const u of result.units) names.set(u.unit.code, u.unit.name);
    namesOf.set(result, names);
  }
  return names;
}

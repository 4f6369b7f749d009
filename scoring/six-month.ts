/**
 * The six-month review of year Y (sơ kết 6 tháng, SPEC §3.8): what was registered, and reported, by the cut-off
 * C = `Ngày sơ kết 6 tháng` in Y. Nothing is recognised, scored or proposed at six months: the review only counts.
 *
 * Pure: records in, result out, whatever the order of the rows.
 */
import { deadlineIn } from "./dates.ts";
import { rankingGroupOf, sortRankedRows } from "./ranking.ts";
import type { Field, Form, IsoDate, Kind, Registration, Settings, Unit } from "./types.ts";

/** Everything the six-month review needs. */
export interface SixMonthInput {
  year: number;
  settings: Settings;
  units: readonly Unit[];
  /** Registrations of any year; only those of `year` by a unit of `units` are looked at. */
  registrations: readonly Registration[];
  /** Registration rows of `year` left out as data errors, counted by unit code. Absent: none. */
  rejectedRegistrations?: ReadonlyMap<string, number>;
}

/** Why a unit is flagged at six months (`Cảnh báo`); worded by the writer. */
export type SixMonthFlag =
  | { code: "noRegistration" } // Chưa đăng ký: nothing registered by the cut-off
  | { code: "rejectedRows"; rows: number }; // rows of the year that could not be read (see Lỗi dữ liệu)

/** One unit at the cut-off (a row of `Sơ kết 6 tháng {Y}`). */
export interface SixMonthUnit {
  unit: Unit;
  /** The ranking group (Cụm thi đua, else the unit type's name): the order of the rows. */
  group: string;
  registered: number; // Đăng ký đến ngày sơ kết: registrations of Y with Ngày đăng ký ≤ C, every Hình thức
  collective: number; // Tập thể, among them
  individual: number; // Cá nhân, among them
  reported: number; // Đã báo cáo: among them, those with Ngày báo cáo ≤ C
  flags: SixMonthFlag[];
}

/** One line of a count table: how many registrations of one `Lĩnh vực`, `Loại` or `Hình thức` by the cut-off. */
export interface SixMonthCount<K extends string> {
  key: K;
  registered: number;
  reported: number;
}

export interface SixMonthResult {
  year: number;
  /** C: the cut-off date in Y. */
  cutoff: IsoDate;
  /** Every unit (every type), by ranking group then name, as in `Xếp hạng {Y}` without the rank. */
  units: SixMonthUnit[];
  /** Counts by Lĩnh vực, Loại and Hình thức, every value listed (0 included) in the order of SPEC §2.2. */
  byField: SixMonthCount<Field>[];
  byKind: SixMonthCount<Kind>[];
  byForm: SixMonthCount<Form>[];
  /** Registrations of Y by the cut-off, and of them those reported by it. */
  registered: number;
  reported: number;
  /** Registrations of Y with no `Ngày đăng ký`: not counted above (their date is unknown), counted here. */
  undated: number;
  /** Registrations of Y dated after the cut-off: not counted above. */
  afterCutoff: number;
  /** Units with nothing registered by the cut-off. */
  unitsWithout: number;
}

const FIELDS: readonly Field[] = ["economy", "cultureSociety", "defenceSecurity", "politicalSystem"];
const KINDS: readonly Kind[] = ["collective", "individual"];
const FORMS: readonly Form[] = ["new", "replicated", "maintained"];

/**
 * The six-month review of `input.year`.
 *
 * @example sixMonthReview({ year: 2024, settings: DEFAULT_SETTINGS, units: [xaA], registrations: [] })
 *   // → { cutoff: "2024-06-30", units: [{ unit: xaA, registered: 0, …, flags: [{ code: "noRegistration" }] }], … }
 */
export function sixMonthReview(input: SixMonthInput): SixMonthResult {
  const { year } = input;
  const cutoff = deadlineIn(input.settings.sixMonthCutoff, year);
  const known = new Set(input.units.map((u) => u.code));
  const byUnit = new Map<string, { registered: number; collective: number; individual: number; reported: number }>();
  const field = counter(FIELDS);
  const kind = counter(KINDS);
  const form = counter(FORMS);
  let registered = 0;
  let reported = 0;
  let undated = 0;
  let afterCutoff = 0;

  for (const r of input.registrations) {
    if (r.year !== year || !known.has(r.unitCode)) continue;
    if (r.registeredOn === null) {
      undated++;
      continue;
    }
    if (r.registeredOn > cutoff) {
      afterCutoff++;
      continue;
    }
    const isReported = r.reportedOn !== null && r.reportedOn <= cutoff;
    const tally = byUnit.get(r.unitCode) ?? { registered: 0, collective: 0, individual: 0, reported: 0 };
    tally.registered++;
    if (r.kind === "collective") tally.collective++;
    else tally.individual++;
    if (isReported) tally.reported++;
    byUnit.set(r.unitCode, tally);
    field.add(r.field, isReported);
    kind.add(r.kind, isReported);
    form.add(r.form, isReported);
    registered++;
    if (isReported) reported++;
  }

  const units = sortRankedRows(
    input.units.map((unit): SixMonthUnit => {
      const tally = byUnit.get(unit.code) ?? { registered: 0, collective: 0, individual: 0, reported: 0 };
      const flags: SixMonthFlag[] = [];
      if (tally.registered === 0) flags.push({ code: "noRegistration" });
      const rejected = input.rejectedRegistrations?.get(unit.code) ?? 0;
      if (rejected > 0) flags.push({ code: "rejectedRows", rows: rejected });
      return { unit, group: rankingGroupOf(unit), ...tally, flags };
    }),
  );

  return {
    year,
    cutoff,
    units,
    byField: field.counts(),
    byKind: kind.counts(),
    byForm: form.counts(),
    registered,
    reported,
    undated,
    afterCutoff,
    unitsWithout: units.filter((u) => u.registered === 0).length,
  };
}

/** Counts registrations (and the reported among them) by one closed set, every value listed in its given order. */
function counter<K extends string>(keys: readonly K[]) {
  const counts = new Map<K, SixMonthCount<K>>(keys.map((key) => [key, { key, registered: 0, reported: 0 }]));
  return {
    add(key: K, isReported: boolean) {
      const c = counts.get(key);
      if (c === undefined) return;
      c.registered++;
      if (isReported) c.reported++;
    },
    counts: () => [...counts.values()],
  };
}

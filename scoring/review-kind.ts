/**
 * Which review a run is (SPEC §3.8, §6): `nam` the annual one (§3.1–§3.7), `6-thang` the six-month review of the
 * year, `giai-doan` the stage review (every year of the stage holding the year). The API, the stored results and
 * the report all speak of a review by these words.
 */
export const REVIEW_KINDS = ["nam", "6-thang", "giai-doan"] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/**
 * Which years a stage review covers (SPEC §2.4 `Giai đoạn`, §3.8). The movement's plans run in five-year stages that
 * start in years ending in 1 or 6 (2016–2020, 2021–2025, 2026–2030); `Giai đoạn` may name another one.
 */
import { yearsScored } from "./score.ts";
import type { Settings, Stage } from "./types.ts";

/** The longest stage `Giai đoạn` accepts, in years: two five-year plans. */
export const MAX_STAGE_YEARS = 10;

/**
 * The five-year stage holding `year`.
 *
 * @example defaultStage(2024) // → { first: 2021, last: 2025 }
 * @example defaultStage(2026) // → { first: 2026, last: 2030 }
 */
export function defaultStage(year: number): Stage {
  const first = year - ((((year - 1) % 5) + 5) % 5);
  return { first, last: first + 4 };
}

/**
 * The stage a stage review of `year` covers: `Giai đoạn` when set, else the five-year stage holding the year.
 *
 * @example stageOf({ ...DEFAULT_SETTINGS, stage: null }, 2024) // → { first: 2021, last: 2025 }
 */
export function stageOf(settings: Settings, year: number): Stage {
  return settings.stage ?? defaultStage(year);
}

/**
 * The years of the stage scored by a stage review of `year`: Y1 … min(Y2, Y); empty when Y is before the stage.
 *
 * @example stageYears({ first: 2021, last: 2025 }, 2023) // → [2021, 2022, 2023]
 */
export function stageYears(stage: Stage, year: number): number[] {
  const years: number[] = [];
  for (let y = stage.first; y <= Math.min(stage.last, year); y++) years.push(y);
  return years;
}

/**
 * The years whose records a stage review of `year` needs: every year of the stage it scores and the years `score`
 * looks at for each (the year before the first, for the review list).
 *
 * @example stageYearsRead({ first: 2021, last: 2025 }, 2022) // → [2020, 2021, 2022]
 */
export function stageYearsRead(stage: Stage, year: number): number[] {
  const years = new Set<number>();
  for (const y of stageYears(stage, year)) for (const read of yearsScored(y)) years.add(read);
  return [...years].sort((a, b) => a - b);
}

/**
 * `yyyy-yyyy` as people read a stage.
 *
 * @example stageLabel({ first: 2021, last: 2025 }) // → "2021-2025"
 */
export function stageLabel(stage: Stage): string {
  return `${stage.first}-${stage.last}`;
}

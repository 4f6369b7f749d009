/**
 * The five-year stage (giai đoạn) of the movement that holds a year: stages start in the years ending in 1 or 6
 * (2016–2020, 2021–2025), as in the plans (seeds 000–002).
 *
 * @example stageOf(2024) // → { first: 2021, last: 2025 }
 * @example stageOf(2026) // → { first: 2026, last: 2030 }
 * @example stageOf(2020) // → { first: 2016, last: 2020 }
 */
export function stageOf(year: number): { first: number; last: number } {
  const first = year - ((((year - 1) % 5) + 5) % 5);
  return { first, last: first + 4 };
}

/**
 * The years of a stage, first to last.
 *
 * @example stageYears(2024) // → [2021, 2022, 2023, 2024, 2025]
 */
export function stageYears(year: number): number[] {
  const { first, last } = stageOf(year);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

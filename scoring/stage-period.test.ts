import { describe, expect, it } from "vitest";
import { settingsWith } from "./testing.ts";
import { defaultStage, stageOf, stageYears, stageYearsRead } from "./stage-period.ts";

describe("the stage of a stage review", () => {
  it("is by default the five-year stage holding the year, stages starting in years ending in 1 or 6", () => {
    expect(defaultStage(2021)).toEqual({ first: 2021, last: 2025 });
    expect(defaultStage(2025)).toEqual({ first: 2021, last: 2025 });
    expect(defaultStage(2026)).toEqual({ first: 2026, last: 2030 });
    expect(defaultStage(2020)).toEqual({ first: 2016, last: 2020 });
  });

  it("is Giai đoạn when set", () => {
    expect(stageOf(settingsWith({ stage: { first: 2019, last: 2024 } }), 2024)).toEqual({ first: 2019, last: 2024 });
  });

  it("covers its years up to the year asked, and reads the year before its first", () => {
    expect(stageYears({ first: 2021, last: 2025 }, 2023)).toEqual([2021, 2022, 2023]);
    expect(stageYears({ first: 2021, last: 2025 }, 2030)).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(stageYears({ first: 2021, last: 2025 }, 2020)).toEqual([]);
    expect(stageYearsRead({ first: 2021, last: 2025 }, 2022)).toEqual([2020, 2021, 2022]);
  });
});

import { describe, expect, it } from "vitest";
import { sixMonthReview } from "../../scoring/six-month.ts";
import { stageReview } from "../../scoring/stage.ts";
import { aRegistration, aUnit, settingsWith } from "../../scoring/testing.ts";
import { sixMonthTab } from "./six-month-tab.ts";
import { NO_DATA_LABEL, stageTab } from "./stage-tab.ts";

const units = [aUnit("A", { name: "Chi bộ A" }), aUnit("B", { name: "Chi bộ B" })];

describe("Sơ kết 6 tháng {Y}", () => {
  it("highlights the warning of a unit with nothing registered by the cut-off, and only that", () => {
    const tab = sixMonthTab(
      sixMonthReview({ year: 2024, settings: settingsWith(), units, registrations: [aRegistration("A")] }),
    );
    expect(tab.title).toBe("Sơ kết 6 tháng 2024");
    expect(tab.rows[2]).toEqual(["B", "Chi bộ B", "Chi bộ", "", 0, 0, 0, 0, "Chưa đăng ký"]);
    expect(tab.highlights).toEqual([{ row: 2, column: 8 }]);
  });
});

describe("Tổng kết {Y1}-{Y2}", () => {
  // Two units tie at the cap in 2022 (same registration each, cap = max(1, ⌊0.3 × 2⌋) = 1): both "tieAtCap".
  const registrations = [aRegistration("A", { year: 2022 }), aRegistration("B", { year: 2022 })];
  const result = stageReview({
    year: 2023,
    settings: settingsWith({ stage: { first: 2022, last: 2023 } }),
    units,
    registrations,
    teams: [],
  });
  const tab = stageTab(result);

  it("highlights a title left to the Ban Chỉ đạo", () => {
    expect(tab.rows[1]?.[8]).toBe("Đồng hạng tại ngưỡng – Ban Chỉ đạo xem xét");
    expect(tab.highlights).toEqual([
      { row: 1, column: 8 },
      { row: 2, column: 8 },
    ]);
  });

  it("says chưa có dữ liệu for the year without registrations, and shows the quota share as a percentage", () => {
    const yearRows = tab.rows.filter((r) => r[0] === 2022 || r[0] === 2023);
    expect(yearRows[1]).toEqual([2023, NO_DATA_LABEL]);
    const share = tab.rows.findIndex((r) => r[0] === 2022);
    expect(tab.percentCells).toEqual([{ row: share, column: 6 }]);
    expect(tab.rows[share]?.[6]).toBe(1);
  });
});

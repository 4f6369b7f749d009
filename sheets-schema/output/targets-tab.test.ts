import { describe, expect, it } from "vitest";
import type { TargetResult } from "../../scoring/types.ts";
import { targetsTab } from "./targets-tab.ts";
import { aUnit } from "../../scoring/testing.ts";
import { result, unitResult } from "./test-fixtures.ts";

function target(over: Partial<TargetResult> = {}): TargetResult {
  return {
    id: "titleShare",
    label: "Tỷ lệ đơn vị được đề xuất danh hiệu",
    communeCode: null,
    goal: { kind: "between", min: 0.25, max: 0.3 },
    actual: 0.25,
    unit: "share",
    numerator: 1,
    denominator: 4,
    met: true,
    detail: "",
    missing: [],
    ...over,
  };
}

describe("Chỉ tiêu tab", () => {
  it("is titled with the year", () => {
    expect(targetsTab(result({ year: 2024 })).title).toBe("Chỉ tiêu 2024");
  });

  it("has the four SPEC headers followed by Chi tiết", () => {
    expect(targetsTab(result()).rows[0]).toEqual(["Chỉ tiêu", "Mục tiêu", "Thực hiện", "Đánh giá", "Chi tiết"]);
  });

  it("writes shares and counts as numbers and formats only the shares as percentages", () => {
    const tab = targetsTab(
      result({
        targets: [
          target(),
          target({
            id: "exemplaryCount",
            goal: { kind: "between", min: 3, max: 5 },
            actual: 4,
            unit: "count",
            numerator: 4,
            denominator: 0,
          }),
        ],
      }),
    );
    expect(tab.rows.slice(1).map((r) => r.slice(0, 4))).toEqual([
      ["Tỷ lệ đơn vị được đề xuất danh hiệu", "25% – 30%", 0.25, "Đạt"],
      ["Tỷ lệ đơn vị được đề xuất danh hiệu", "3 – 5", 4, "Đạt"],
    ]);
    expect(tab.percentCells).toEqual([{ row: 1, column: 2 }]);
    expect(tab.percentColumns).toEqual([]);
  });

  it("leaves Thực hiện empty when there is nothing to measure", () => {
    const tab = targetsTab(result({ targets: [target({ actual: null, numerator: 0, denominator: 0, met: false })] }));
    expect(tab.rows[1]?.[2]).toBeNull();
    expect(tab.percentCells).toEqual([]);
  });

  it("highlights Đánh giá of a target not met", () => {
    const tab = targetsTab(result({ targets: [target(), target({ met: false })] }));
    expect(tab.rows[2]?.[3]).toBe("Chưa đạt");
    expect(tab.highlights).toEqual([{ row: 2, column: 3 }]);
  });

  it("writes the rules' own detail in Chi tiết", () => {
    const tab = targetsTab(result({ targets: [target({ detail: "Chưa có mô hình được công nhận: Thôn B" })] }));
    expect(tab.rows[1]?.[4]).toBe("Chưa có mô hình được công nhận: Thôn B");
  });
});

describe("the units a target found missing", () => {
  it("are listed one per row under the targets, after a blank row and their own header", () => {
    const missing = [
      { code: "X1-T2", name: "Thôn Đông" },
      { code: "X2-T1", name: "Khu phố 3" },
    ];
    const units = [
      unitResult({ unit: aUnit("X1", { name: "Xã Hòa An", type: "commune" }) }),
      unitResult({ unit: aUnit("X1-T2", { name: "Thôn Đông", type: "village", parentCode: "X1" }) }),
      unitResult({ unit: aUnit("X2-T1", { name: "Khu phố 3", type: "village", parentCode: "X2" }) }),
    ];
    const tab = targetsTab({
      ...result(),
      units,
      targets: [target({ id: "villageCoverage", label: "Độ phủ", missing })],
    });
    expect(tab.rows.slice(2)).toEqual([
      [],
      ["Chưa đạt ở chỉ tiêu", "Mã đơn vị", "Tên đơn vị", "Xã"],
      ["Độ phủ", "X1-T2", "Thôn Đông", "Xã Hòa An"],
      ["Độ phủ", "X2-T1", "Khu phố 3", ""], // X2 is not in Đơn vị
    ]);
  });

  it("add nothing when no target misses anyone", () => {
    const tab = targetsTab({ ...result(), targets: [target()] });
    expect(tab.rows).toHaveLength(2);
  });
});

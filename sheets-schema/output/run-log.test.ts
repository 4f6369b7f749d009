import { describe, expect, it } from "vitest";
import { LOG_HEADERS, LOG_TAB, logRow, vietnamTime } from "./run-log.ts";

describe("Nhật ký chấm điểm", () => {
  it("has its title and headers", () => {
    expect(LOG_TAB).toBe("Nhật ký chấm điểm");
    expect(LOG_HEADERS).toEqual([
      "Mã lần chạy",
      "Thời gian (GMT+7)",
      "Năm",
      "Số đơn vị",
      "Số đăng ký",
      "Số lỗi dữ liệu",
      "Thời gian chạy (ms)",
      "Người gọi",
      "Kết quả",
    ]);
  });

  it("writes one row per run with the counts as numbers, in header order", () => {
    const row = logRow({
      runId: "run-1",
      startedAt: "2024-05-01T02:00:00.000Z",
      year: 2024,
      units: 5,
      registrations: 7,
      dataErrors: 1,
      durationMs: 120,
      caller: "API",
      outcome: "Thành công",
    });
    expect(row).toEqual(["run-1", "2024-05-01 09:00:00", 2024, 5, 7, 1, 120, "API", "Thành công"]);
    expect(row).toHaveLength(LOG_HEADERS.length);
  });

  it("shows the time in Vietnam time, crossing midnight when it must", () => {
    expect(vietnamTime("2024-12-31T20:30:05Z")).toBe("2025-01-01 03:30:05");
  });

  it("keeps a time it cannot read as it was given", () => {
    expect(vietnamTime("hôm qua")).toBe("hôm qua");
  });
});

import { describe, expect, it } from "vitest";
import { readDate, readDayMonth } from "./dates.ts";

describe("readDate", () => {
  it("reads Sheets serial numbers, day 0 being 1899-12-30", () => {
    expect(readDate(45382)).toEqual({ ok: true, value: "2024-03-31" });
    expect(readDate(36526)).toEqual({ ok: true, value: "2000-01-01" });
  });

  it("drops the time of day of a fractional serial", () => {
    expect(readDate(45382.99)).toEqual({ ok: true, value: "2024-03-31" });
  });

  it("refuses serials outside the years 1990–2200, such as a year typed into a date column", () => {
    expect(readDate(2024).ok).toBe(false);
    expect(readDate(-5).ok).toBe(false);
    expect(readDate(1e12).ok).toBe(false);
    expect(readDate(Number.NaN).ok).toBe(false);
    expect(readDate(Number.POSITIVE_INFINITY).ok).toBe(false);
  });

  it("reads d/m/yyyy with /, - or . and one or two digits", () => {
    for (const text of ["5/3/2024", "05/03/2024", "5-3-2024", "05.03.2024", " 5 / 3 / 2024 ", "5–3–2024"]) {
      expect(readDate(text)).toEqual({ ok: true, value: "2024-03-05" });
    }
  });

  it("reads ISO yyyy-mm-dd", () => {
    expect(readDate("2024-03-05")).toEqual({ ok: true, value: "2024-03-05" });
  });

  it("reads the written form ngày 5 tháng 3 năm 2024", () => {
    expect(readDate("ngày 5 tháng 3 năm 2024")).toEqual({ ok: true, value: "2024-03-05" });
  });

  it("reports 31/02/2024 as a date that does not exist, never shifted to March", () => {
    expect(readDate("31/02/2024")).toEqual({ ok: false, message: "Ngày 31/02/2024 không tồn tại" });
  });

  it("accepts 29/02 in a leap year only", () => {
    expect(readDate("29/02/2024")).toEqual({ ok: true, value: "2024-02-29" });
    expect(readDate("29/02/2023").ok).toBe(false);
  });

  it("refuses a two-digit year rather than guess the century", () => {
    expect(readDate("1/3/24")).toEqual({
      ok: false,
      message: 'Năm trong ngày "1/3/24" phải ghi đủ 4 chữ số, ví dụ 31/03/2024',
    });
  });

  it("reads an empty cell as null", () => {
    expect(readDate(undefined)).toEqual({ ok: true, value: null });
    expect(readDate("")).toEqual({ ok: true, value: null });
  });

  it("reports text that is not a date, and a checkbox value", () => {
    expect(readDate("hôm qua")).toEqual({
      ok: false,
      message: 'Không đọc được ngày "hôm qua"; hãy ghi dạng ngày/tháng/năm, ví dụ 31/03/2024',
    });
    expect(readDate(true).ok).toBe(false);
  });
});

describe("readDayMonth", () => {
  it("reads 31/03, 31/3, 31-3 and 31.3", () => {
    for (const text of ["31/03", "31/3", "31-3", "31.3"])
      expect(readDayMonth(text)).toEqual({ ok: true, value: { day: 31, month: 3 } });
  });

  it("takes the day and month of a full date, serial or text", () => {
    expect(readDayMonth(45382)).toEqual({ ok: true, value: { day: 31, month: 3 } });
    expect(readDayMonth("10/10/2024")).toEqual({ ok: true, value: { day: 10, month: 10 } });
  });

  it("refuses a small number such as 31.03, which cannot be told apart from 31.3", () => {
    expect(readDayMonth(31.03).ok).toBe(false);
  });

  it("reports a day that no month has", () => {
    expect(readDayMonth("31/02")).toEqual({ ok: false, message: "Ngày 31/02 không tồn tại" });
    expect(readDayMonth("29/02")).toEqual({ ok: true, value: { day: 29, month: 2 } });
  });
});

import { describe, expect, it } from "vitest";
import { readSourceList, readSpreadsheetRef, selectRunTabs, sourceFailure, sourceListIn } from "./source-list.ts";
import { ContractError, type RawGrid } from "./types.ts";

const ID = "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms";

describe("readSpreadsheetRef", () => {
  it("takes a bare spreadsheet id as it is", () => {
    expect(readSpreadsheetRef(ID)).toEqual({ ok: true, value: ID });
    expect(readSpreadsheetRef(`  ${ID} `)).toEqual({ ok: true, value: ID });
    expect(readSpreadsheetRef("huyen-a_2024")).toEqual({ ok: true, value: "huyen-a_2024" });
  });

  it("takes the id out of the address a browser shows, whatever follows it", () => {
    for (const url of [
      `https://docs.google.com/spreadsheets/d/${ID}/edit#gid=0`,
      `https://docs.google.com/spreadsheets/d/${ID}/edit?usp=sharing`,
      `https://docs.google.com/spreadsheets/d/${ID}`,
      `https://docs.google.com/spreadsheets/u/1/d/${ID}/edit`,
      `http://docs.google.com/spreadsheets/d/${ID}/`,
      `docs.google.com/spreadsheets/d/${ID}/edit`,
      `HTTPS://DOCS.GOOGLE.COM/spreadsheets/d/${ID}/htmlview`,
    ]) {
      expect(readSpreadsheetRef(url), url).toEqual({ ok: true, value: ID });
    }
  });

  it("reads an id typed as a number as its digits", () => {
    expect(readSpreadsheetRef(12345)).toEqual({ ok: true, value: "12345" });
  });

  it("is empty for an empty cell", () => {
    expect(readSpreadsheetRef("  ")).toEqual({ ok: true, value: null });
    expect(readSpreadsheetRef(undefined)).toEqual({ ok: true, value: null });
  });

  it("refuses a 'publish to the web' address, which the API cannot read, and says which address to paste", () => {
    const r = readSpreadsheetRef("https://docs.google.com/spreadsheets/d/e/2PACX-1vQ/pubhtml");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("Xuất bản lên web");
  });

  it("refuses text that is neither an id nor a Google Sheets address", () => {
    for (const text of [
      "Huyện Lục Nam",
      "https://drive.google.com/drive/folders/abc",
      "https://example.com/spreadsheets/d/x",
      "a/b",
    ]) {
      const r = readSpreadsheetRef(text);
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.message).toContain("Không đọc được mã bảng tính");
    }
  });
});

const HEADER = ["Mã bảng tính hoặc đường dẫn", "Tên nguồn", "Ghi chú"];

describe("readSourceList", () => {
  it("reads one source per row, named by Tên nguồn or else by its id, with the cell that names it", () => {
    const grid: RawGrid = [
      HEADER,
      [`https://docs.google.com/spreadsheets/d/${ID}/edit`, "Huyện A", "gửi 3/2"],
      [],
      ["src-b"],
    ];
    const { entries, errors } = readSourceList("Nguồn dữ liệu", grid);
    expect(errors).toEqual([]);
    expect(entries).toEqual([
      {
        spreadsheetId: ID,
        name: "Huyện A",
        tab: "Nguồn dữ liệu",
        cell: "'Nguồn dữ liệu'!A2",
        value: expect.stringContaining(ID),
      },
      { spreadsheetId: "src-b", name: "src-b", tab: "Nguồn dữ liệu", cell: "'Nguồn dữ liệu'!A4", value: "src-b" },
    ]);
  });

  it("finds the column by its other usual headers, in any position", () => {
    const grid: RawGrid = [
      ["STT", "Tên nguồn", "Đường dẫn"],
      [1, "Huyện A", "src-a"],
    ];
    expect(readSourceList("Nguon du lieu", grid).entries.map((e) => [e.spreadsheetId, e.cell])).toEqual([
      ["src-a", "'Nguon du lieu'!C2"],
    ]);
  });

  it("lists a bad row as a data error and reads the others", () => {
    const grid: RawGrid = [HEADER, ["Huyện Lục Nam"], ["", "Huyện B"], ["src-c", "Huyện C"]];
    const { entries, errors } = readSourceList("Nguồn dữ liệu", grid);
    expect(entries.map((e) => e.spreadsheetId)).toEqual(["src-c"]);
    expect(errors.map((e) => [e.cell, e.value])).toEqual([
      ["'Nguồn dữ liệu'!A2", "Huyện Lục Nam"],
      ["'Nguồn dữ liệu'!A3", ""],
    ]);
    expect(errors[1]?.message).toContain("bắt buộc");
  });

  it("reads a spreadsheet listed twice once, the later row being the error, even when once as id and once as address", () => {
    const grid: RawGrid = [HEADER, [ID, "A"], [`https://docs.google.com/spreadsheets/d/${ID}/edit`, "A lần nữa"]];
    const { entries, errors } = readSourceList("Nguồn dữ liệu", grid);
    expect(entries).toHaveLength(1);
    expect(errors.map((e) => [e.cell, e.message])).toEqual([["'Nguồn dữ liệu'!A3", expect.stringContaining("dòng 2")]]);
  });

  it("does not read the main spreadsheet again when it is listed", () => {
    const { entries, errors } = readSourceList("Nguồn dữ liệu", [HEADER, ["main-id"]], { mainId: "main-id" });
    expect(entries).toEqual([]);
    expect(errors[0]?.message).toContain("chính bảng tính chính");
  });

  it("stops the run when the id column is missing", () => {
    expect(() => readSourceList("Nguồn dữ liệu", [["Tên nguồn"], ["Huyện A"]])).toThrow(ContractError);
  });

  it("stops the run, naming the first row past the limit, when more sources are listed than one run reads", () => {
    const grid: RawGrid = [HEADER, ["a"], ["b"], ["bad id!"], ["c"]];
    expect(readSourceList("Nguồn dữ liệu", grid, { maxSources: 3 }).entries).toHaveLength(3);
    const grid2: RawGrid = [...grid, ["d"]];
    try {
      readSourceList("Nguồn dữ liệu", grid2, { maxSources: 3 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ContractError);
      expect((error as ContractError).message).toContain("hơn 3 nguồn");
      expect((error as ContractError).where).toBe("'Nguồn dữ liệu'!6:6");
    }
  });

  it("allows 200 sources by default and stops at 201", () => {
    const rows = (n: number): RawGrid => [HEADER, ...Array.from({ length: n }, (_, i) => [`src-${i}`])];
    expect(readSourceList("Nguồn dữ liệu", rows(200)).entries).toHaveLength(200);
    expect(() => readSourceList("Nguồn dữ liệu", rows(201))).toThrow(/hơn 200 nguồn/);
  });
});

describe("sourceListIn", () => {
  it("is null without a Nguồn dữ liệu tab, or when it lists nothing: a single-spreadsheet run", () => {
    expect(sourceListIn({ "Đơn vị": [] })).toBeNull();
    expect(sourceListIn({ "Nguồn dữ liệu": [] })).toBeNull();
    expect(sourceListIn({ "Nguồn dữ liệu": [HEADER, [], ["", ""]] })).toBeNull();
  });

  it("reads the tab under a loosely typed title", () => {
    expect(sourceListIn({ "nguon du lieu": [HEADER, ["src-a"]] })?.entries[0]?.tab).toBe("nguon du lieu");
  });
});

describe("selectRunTabs", () => {
  it("reads Nguồn dữ liệu besides the input tabs, and nothing else", () => {
    expect(selectRunTabs(["Xếp hạng 2024", "Nguồn dữ liệu", "Đăng ký", "Đơn vị"])).toEqual([
      "Đơn vị",
      "Đăng ký",
      "Nguồn dữ liệu",
    ]);
  });
});

describe("sourceFailure", () => {
  it("is a data error of the main spreadsheet on the row that names the source, the id as its value", () => {
    const entry = {
      spreadsheetId: "src-a",
      name: "Huyện A",
      tab: "Nguồn dữ liệu",
      cell: "'Nguồn dữ liệu'!A2",
      value: "src-a",
    };
    expect(sourceFailure(entry, "không tìm thấy bảng tính")).toEqual({
      tab: "Nguồn dữ liệu",
      cell: "'Nguồn dữ liệu'!A2",
      value: "src-a",
      message:
        'Không đọc được nguồn "Huyện A": không tìm thấy bảng tính. Dữ liệu của nguồn này không được chấm lần này.',
    });
  });
});

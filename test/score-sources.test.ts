import { env } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import { scoreSources, scoreWorkbook } from "../sheets-schema/pipeline.ts";
import type { DataError, RawGrid, RawTabs } from "../sheets-schema/types.ts";
import { describeRunFailure } from "../src/jobs/run-failure.ts";
import { scoreSpreadsheet, SourcesTooSlowError } from "../src/jobs/score-spreadsheet.ts";
import { configOf } from "../src/config/config.ts";
import { sheetsClientFor } from "../src/sheets/client-for.ts";
import { DEMO_YEAR, generateDistrict } from "../tools/demo/district.ts";
import { getAs, postScore, type RunJson } from "./support/api.ts";
import { clearFaults, importSpreadsheet, readTab, setFaults, snapshot } from "./support/sheets.ts";
import { sheetsOf, splitDistrict, withConsent } from "./support/split-sources.ts";

const SOURCES_HEADER = ["Mã bảng tính hoặc đường dẫn", "Tên nguồn", "Ghi chú"];
const district = generateDistrict();
const split = splitDistrict(district, 3);

/** What a run's JSON adds for sources. */
interface SourcesRunJson extends RunJson {
  durationMs: number;
  dataErrors: DataError[];
  sources: { spreadsheetId: string; name: string; cell: string; read: boolean }[];
  failedSources: { spreadsheetId: string; name: string; cell: string; status: number | null; reason: string }[];
  registrations: { registration: { ref: { source: string; row: number } } }[];
}

let n = 0;
function uniqueId(prefix: string): string {
  return `${prefix}-${Date.now()}-${n++}`;
}

/** Drops every `source`/`sourceName` key: what must be equal between the two layouts once sources are forgotten. */
function withoutSources<T>(value: T): unknown {
  return JSON.parse(
    JSON.stringify(value, (key, v: unknown) => (key === "source" || key === "sourceName" ? undefined : v)),
  );
}

function errorKeys(errors: readonly DataError[]): string[] {
  return errors.map((e) => `${e.tab}|${e.cell}|${e.value}|${e.message}`).sort();
}

/** Imports the split district: three sources and a main spreadsheet listing them (`list` shapes each row). */
async function importSplit(list: (id: string, i: number) => RawGrid[number] = (id, i) => [id, `Cụm xã ${i + 1}`]) {
  const ids = split.parts.map(() => uniqueId("src"));
  const main = uniqueId("main");
  await Promise.all(split.parts.map((tabs, i) => importSpreadsheet(ids[i]!, sheetsOf(withConsent(tabs, main)))));
  await importSpreadsheet(main, sheetsOf({ ...split.main, "Nguồn dữ liệu": [SOURCES_HEADER, ...ids.map(list)] }));
  return { main, ids };
}

afterEach(clearFaults);

describe("scoreSources on the demo district split into a main spreadsheet and three sources", () => {
  it("gives the result of the district in one spreadsheet; data errors differ only by their source", () => {
    const single = scoreWorkbook(district, DEMO_YEAR);
    const merged = scoreSources(
      [
        { source: "", tabs: split.main },
        ...split.parts.map((tabs, i) => ({ source: `s${i}`, name: `Nguồn ${i}`, tabs })),
      ],
      DEMO_YEAR,
    );
    expect(merged.result.units).toEqual(single.result.units);
    expect(merged.result.targets).toEqual(single.result.targets);
    expect(withoutSources(merged.result)).toEqual(withoutSources(single.result));
    expect(new Set(merged.result.registrations.map((r) => r.registration.ref.source))).toEqual(
      new Set(["s0", "s1", "s2"]),
    );
    expect(single.errors.length).toBeGreaterThan(0);
    expect(errorKeys(merged.errors)).toEqual(errorKeys(single.errors));
    for (const e of merged.errors) expect(e.source, e.cell).toMatch(/^s[012]$/);
  });
});

describe("POST /api/score with a Nguồn dữ liệu tab", () => {
  it("scores the split district as the district in one spreadsheet, writing to the main spreadsheet only", async () => {
    const single = uniqueId("single");
    await importSpreadsheet(single, sheetsOf(district));
    const { main, ids } = await importSplit();
    const sourcesBefore = await Promise.all(ids.map(snapshot));

    const singleRun = (await (await postScore({ year: DEMO_YEAR, spreadsheetId: single })).json()) as SourcesRunJson;
    const res = await postScore({ year: DEMO_YEAR, spreadsheetId: main });
    expect(res.status).toBe(200);
    const run = (await res.json()) as SourcesRunJson;

    const byCode = (r: RunJson) =>
      Object.fromEntries(r.units.map((u) => [u.unit.code, [u.group, u.rank, u.score, u.quotaMet, u.title]]));
    expect(byCode(run)).toEqual(byCode(singleRun));
    expect(run.targets).toEqual(singleRun.targets);
    expect(errorKeys(run.dataErrors)).toEqual(errorKeys(singleRun.dataErrors));
    expect(run.sources.map((s) => [s.spreadsheetId, s.read])).toEqual(ids.map((id) => [id, true]));
    expect(run.failedSources).toEqual([]);
    // Per source: one spreadsheets.get, one values.batchGet of its `Gửi về`, one of its input tabs.
    expect(run.sheetsRequests).toBe(singleRun.sheetsRequests + 3 * ids.length);

    // Written to the main spreadsheet, with the source of every error; the sources are untouched.
    const errorsTab = await readTab(main, "Lỗi dữ liệu");
    expect(errorsTab[0]).toEqual(["Trang tính", "Ô", "Giá trị", "Lỗi", "Nguồn"]);
    expect(errorsTab.slice(1).map((r) => r[4])).toEqual(run.dataErrors.map((e) => e.sourceName));
    expect(await readTab(main, `Xếp hạng ${DEMO_YEAR}`)).toEqual(await readTab(single, `Xếp hạng ${DEMO_YEAR}`));
    expect(await Promise.all(ids.map(snapshot))).toEqual(sourcesBefore);
  });

  it("accepts a source given by its full Google Sheets address", async () => {
    const { main, ids } = await importSplit((id, i) =>
      i === 1 ? [`https://docs.google.com/spreadsheets/d/${id}/edit#gid=0`, "Qua đường dẫn"] : [id],
    );
    const run = (await (
      await postScore({ year: DEMO_YEAR, spreadsheetId: main, dryRun: true })
    ).json()) as SourcesRunJson;
    expect(run.sources.map((s) => [s.spreadsheetId, s.read])).toEqual(ids.map((id) => [id, true]));
    expect(run.sources[1]?.name).toBe("Qua đường dẫn");
    expect(new Set(run.registrations.map((r) => r.registration.ref.source))).toEqual(new Set(ids));
  });

  it("reports a source not shared with the service account (403) and an unknown one (404) by name, and scores the rest", async () => {
    const { main, ids } = await importSplit();
    const missing = uniqueId("no-such-spreadsheet");
    await importSpreadsheet(
      main,
      sheetsOf({
        ...split.main,
        "Nguồn dữ liệu": [
          SOURCES_HEADER,
          [ids[0]!, "Cụm xã 1"],
          [ids[1]!, "Cụm xã 2 (chưa chia sẻ)"],
          [missing, "Gõ nhầm mã"],
          [ids[2]!, "Cụm xã 3"],
        ],
      }),
    );
    await setFaults([{ status: 403, count: -1, pathIncludes: `/v4/spreadsheets/${ids[1]}` }]);
    const res = await postScore({ year: DEMO_YEAR, spreadsheetId: main });
    await clearFaults();
    expect(res.status).toBe(200);
    const run = (await res.json()) as SourcesRunJson;

    expect(run.failedSources.map((f) => [f.spreadsheetId, f.name, f.cell, f.status])).toEqual([
      [ids[1], "Cụm xã 2 (chưa chia sẻ)", "'Nguồn dữ liệu'!A3", 403],
      [missing, "Gõ nhầm mã", "'Nguồn dữ liệu'!A4", 404],
    ]);
    expect(run.failedSources[0]?.reason).toContain("chưa được chia sẻ");
    expect(run.failedSources[1]?.reason).toContain("không tìm thấy bảng tính");
    expect(run.sources.map((s) => s.read)).toEqual([true, false, false, true]);
    expect(new Set(run.registrations.map((r) => r.registration.ref.source))).toEqual(new Set([ids[0], ids[2]]));

    // The first rows of Lỗi dữ liệu name the failed sources, on their rows of Nguồn dữ liệu.
    const errorsTab = await readTab(main, "Lỗi dữ liệu");
    expect(errorsTab.slice(1, 3).map((r) => r.slice(0, 3))).toEqual([
      ["Nguồn dữ liệu", "'Nguồn dữ liệu'!A3", ids[1]],
      ["Nguồn dữ liệu", "'Nguồn dữ liệu'!A4", missing],
    ]);
    expect(String(errorsTab[1]?.[3])).toMatch(/^Không đọc được nguồn "Cụm xã 2 \(chưa chia sẻ\)": tài khoản dịch vụ/);
    const log = await readTab(main, "Nhật ký chấm điểm");
    expect(String(log[1]?.at(-1))).toContain("thiếu 2/4 nguồn");

    // The dashboard says it at the top, and names the spreadsheet of every data error.
    const html = await (await getAs(`/?year=${DEMO_YEAR}&spreadsheetId=${main}`)).text();
    expect(html).toContain(
      "2 nguồn dữ liệu không đọc được, dữ liệu của chúng chưa được chấm lần này: Cụm xã 2 (chưa chia sẻ), Gõ nhầm mã.",
    );
    expect(html).toContain('<th scope="col">Nguồn</th>');
    expect(html).toContain("<td>Bảng tính chính</td>"); // the failed sources are rows of the main spreadsheet
  });

  it("does not read a source whose Gửi về does not name the main spreadsheet, and says so at its row", async () => {
    const { main, ids } = await importSplit();
    // Cụm xã 2 is shared with the service account for another purpose: no `Gửi về`, or one naming another spreadsheet.
    await importSpreadsheet(ids[1]!, sheetsOf(split.parts[1]!));
    const other = uniqueId("other-province");
    await importSpreadsheet(ids[2]!, sheetsOf(withConsent(split.parts[2]!, other)));
    const res = await postScore({ year: DEMO_YEAR, spreadsheetId: main, dryRun: true });
    expect(res.status).toBe(200);
    const run = (await res.json()) as SourcesRunJson;

    expect(run.sources.map((s) => s.read)).toEqual([true, false, false]);
    expect(run.failedSources.map((f) => [f.spreadsheetId, f.cell, f.status])).toEqual([
      [ids[1], "'Nguồn dữ liệu'!A3", null],
      [ids[2], "'Nguồn dữ liệu'!A4", null],
    ]);
    const error = run.dataErrors.find((e) => e.cell === "'Nguồn dữ liệu'!A3");
    expect(error?.message).toMatch(
      /^Không đọc được nguồn "Cụm xã 2": bảng tính nguồn chưa đồng ý gửi dữ liệu về bảng tính này/,
    );
    expect(error?.message).toContain(`trang tính "Gửi về"`);
    expect(error?.message).toContain(main);
    // Nothing of theirs is in the result: no registration, no data error of their rows.
    expect(new Set(run.registrations.map((r) => r.registration.ref.source))).toEqual(new Set([ids[0]]));
    expect(run.dataErrors.filter((e) => e.source === ids[1] || e.source === ids[2])).toEqual([]);
    // The main's two reads, the consenting source's three, a tab list for the source without `Gửi về`, a tab list
    // and `Gửi về` for the one naming another spreadsheet — never their input tabs (dry run: no write).
    expect(run.sheetsRequests).toBe(2 + 3 + 1 + 2);
  });

  it("lists a bad row of Nguồn dữ liệu as a data error and reads the others", async () => {
    const { main, ids } = await importSplit((id, i) =>
      i === 0 ? ["Huyện Lục Nam (chưa có mã)", "Huyện Lục Nam"] : [id],
    );
    const run = (await (
      await postScore({ year: DEMO_YEAR, spreadsheetId: main, dryRun: true })
    ).json()) as SourcesRunJson;
    expect(run.dataErrors[0]).toMatchObject({
      tab: "Nguồn dữ liệu",
      cell: "'Nguồn dữ liệu'!A2",
      value: "Huyện Lục Nam (chưa có mã)",
    });
    expect(run.dataErrors[0]?.message).toContain("Không đọc được mã bảng tính");
    expect(run.sources.map((s) => s.spreadsheetId)).toEqual(ids.slice(1));
  });

  it("lists a source that lacks a required column at its row of Nguồn dữ liệu, naming its own cell, and scores the others", async () => {
    const { main, ids } = await importSplit();
    const [header = [], ...rows] = split.parts[1]?.["Đăng ký"] ?? [];
    const broken = header.map((h) => (h === "Lĩnh vực" ? "Ghi chú thêm" : h));
    await importSpreadsheet(ids[1]!, sheetsOf(withConsent({ ...split.parts[1], "Đăng ký": [broken, ...rows] }, main)));
    const run = (await (
      await postScore({ year: DEMO_YEAR, spreadsheetId: main, dryRun: true })
    ).json()) as SourcesRunJson;
    const reported = run.dataErrors.filter((e) => e.message.includes("thiếu cột bắt buộc"));
    expect(reported).toEqual([
      {
        tab: "Nguồn dữ liệu",
        cell: "'Nguồn dữ liệu'!A3",
        value: ids[1],
        message: expect.stringMatching(
          /^Không đọc được nguồn "Cụm xã 2": Trang tính "Đăng ký" thiếu cột bắt buộc "Lĩnh vực".*\(ô 'Đăng ký'!1:1 của nguồn\)/,
        ),
      },
    ]);
    expect(run.failedSources.map((f) => [f.spreadsheetId, f.cell, f.status])).toEqual([
      [ids[1], "'Nguồn dữ liệu'!A3", null],
    ]);
    expect(run.sources.map((s) => s.read)).toEqual([true, false, true]);
  });

  it("fails cleanly, naming the source and writing nothing, when Google stays unavailable for a source", async () => {
    const { main, ids } = await importSplit();
    const before = await snapshot(main);
    await setFaults([{ status: 503, count: -1, pathIncludes: `/v4/spreadsheets/${ids[2]}` }]);
    const res = await postScore({ year: DEMO_YEAR, spreadsheetId: main });
    await clearFaults();
    expect(res.status).toBe(502);
    const body = (await res.json()) as { error: { message: string; where: string } };
    expect(body.error.message).toContain(`Không đọc được nguồn "Cụm xã 3" (${ids[2]})`);
    expect(body.error.where).toBe("'Nguồn dữ liệu'!A4");
    expect(await snapshot(main)).toBe(before);
  });

  it("scores 200 small source spreadsheets within the test timeout", { timeout: 120_000 }, async () => {
    const SOURCES = 200;
    const ids = Array.from({ length: SOURCES }, (_, i) => uniqueId(`small${i}`));
    const main = uniqueId("province");
    for (let i = 0; i < SOURCES; i += 20) {
      await Promise.all(
        ids.slice(i, i + 20).map((id, j) => importSpreadsheet(id, sheetsOf(withConsent(smallCommune(i + j), main)))),
      );
    }
    await importSpreadsheet(
      main,
      sheetsOf({
        "Cấu hình": [
          ["Tham số", "Giá trị"],
          ["Số tiêu biểu tối thiểu", 1],
        ],
        // Every other source by its address, as people paste them.
        "Nguồn dữ liệu": [
          SOURCES_HEADER,
          ...ids.map((id, i) => [i % 2 ? `https://docs.google.com/spreadsheets/d/${id}/edit` : id, `Xã ${i}`]),
        ],
      }),
    );

    const res = await postScore({ year: 2024, spreadsheetId: main });
    expect(res.status).toBe(200);
    const run = (await res.json()) as SourcesRunJson;
    expect(run.failedSources).toEqual([]);
    expect(run.units).toHaveLength(3 * SOURCES);
    expect(run.registrations).toHaveLength(3 * SOURCES);
    expect(run.dataErrors).toEqual([]);
    expect(run.sheetsRequests).toBe(2 + 3 * SOURCES + 1); // main, each source (tab list, `Gửi về`, input tabs), one atomic write
    expect((await readTab(main, "Xếp hạng 2024")).length).toBe(3 * SOURCES + 1);
  });
});

describe("a run whose sources the read quota cannot carry within its deadline", () => {
  /** A full run of `main` at Google's default per-user read quota (60 a minute), due within `deadlineMs`: its error. */
  function runAtDefaultQuota(main: string, deadlineMs: number): Promise<unknown> {
    const ctx = {
      api: sheetsClientFor(configOf(env)),
      policy: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, deadline: Date.now() + deadlineMs },
      runId: "r",
      now: Date.now,
      sources: { concurrency: 4, readsPerMinute: 60 },
    };
    const request = { spreadsheetId: main, year: DEMO_YEAR, dryRun: false, caller: "test" };
    return scoreSpreadsheet(ctx, request).catch((e: unknown) => e);
  }

  it("counts the further blocks of a tall main Đăng ký in the reads it needs", async () => {
    const main = uniqueId("too-slow-tall");
    const ids = Array.from({ length: 19 }, (_, i) => uniqueId(`never-read${i}`));
    // 19 sources are 57 reads on top of the main's first ones: at 60 a minute they all start in the first minute;
    // the two further blocks of a 45,000-row main `Đăng ký` push the last read past it, beyond the 30 s deadline.
    const registrations = split.main["Đăng ký"] ?? [];
    const filler = Array.from({ length: 45_000 - registrations.length }, (_, i) => [`ghi chú ${i}`]);
    await importSpreadsheet(
      main,
      sheetsOf({
        ...split.main,
        "Đăng ký": [...registrations, ...filler],
        "Nguồn dữ liệu": [SOURCES_HEADER, ...ids.map((id) => [id])],
      }),
    );
    const before = await snapshot(main);
    const error = await runAtDefaultQuota(main, 30_000);
    expect(error).toBeInstanceOf(SourcesTooSlowError);
    expect(await snapshot(main)).toBe(before);
  }, 60_000);

  it("is refused up front with 422, saying what it would take, before any source is read or anything written", async () => {
    const main = uniqueId("too-slow");
    const ids = Array.from({ length: 70 }, (_, i) => uniqueId(`never-read${i}`)); // none exists: none may be asked for
    await importSpreadsheet(
      main,
      sheetsOf({ ...split.main, "Nguồn dữ liệu": [SOURCES_HEADER, ...ids.map((id) => [id])] }),
    );
    const before = await snapshot(main);
    const started = Date.now();
    const error = await runAtDefaultQuota(main, 90_000);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error).toBeInstanceOf(SourcesTooSlowError);
    const failure = describeRunFailure(error);
    expect(failure).toMatchObject({ status: 422, code: "too_many_sources", where: "'Nguồn dữ liệu'" });
    // 70 sources are 210 reads (tab list, `Gửi về`, input tabs) on top of the main's 2: at 60 a minute the last starts after 3 minutes.
    expect(failure.message).toMatch(
      /^Đọc 70 nguồn cần 210 lượt đọc Google Sheets; với hạn mức 60 lượt đọc mỗi phút, lần chấm cần ít nhất 183 giây/,
    );
    expect(await snapshot(main)).toBe(before);
  });
});

/** A xã with two thôn, three registrations of 2024 and two tổ dân vận, in a spreadsheet of its own. */
function smallCommune(i: number): RawTabs {
  const x = `X${i}`;
  return {
    "Đơn vị": [
      ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Đơn vị cấp trên", "Cụm thi đua"],
      [x, `Xã số ${i}`, "Xã, thị trấn", "", `Cụm ${i % 10}`],
      [`${x}-T1`, `Thôn Một xã ${i}`, "Thôn, khu phố", x],
      [`${x}-T2`, `Thôn Hai xã ${i}`, "Thôn, khu phố", x],
    ],
    "Đăng ký": [
      [
        "Năm",
        "Mã mô hình",
        "Mã đơn vị",
        "Tên mô hình, điển hình",
        "Loại",
        "Lĩnh vực",
        "Hình thức",
        "Ngày đăng ký",
        "Bình chọn công khai",
        "Số phiếu đồng ý",
        "Tổng số phiếu",
        "Tập thể thừa nhận",
        "Sức lan tỏa",
      ],
      [
        2024,
        `${x}-M1`,
        x,
        "Chợ văn minh",
        "Tập thể",
        "Kinh tế",
        "Xây dựng mới",
        "01/03/2024",
        "Có",
        30 + (i % 10),
        40,
        "Có",
        "Cao",
      ],
      [
        2024,
        `${x}-M2`,
        `${x}-T1`,
        "Đường hoa",
        "Tập thể",
        "Văn hóa - xã hội",
        "Nhân rộng",
        "10/03/2024",
        "Có",
        20,
        30,
        "Có",
        i % 3 ? "Cao" : "Trung bình",
      ],
      [
        2024,
        `${x}-M3`,
        `${x}-T2`,
        "Camera an ninh",
        "Tập thể",
        "Quốc phòng - an ninh",
        "Xây dựng mới",
        "15/03/2024",
        "Có",
        25,
        30,
        "Có",
        "Cao",
      ],
    ],
    "Tổ, khối dân vận": [
      ["Năm", "Mã tổ", "Cấp", "Mã đơn vị", "Xếp loại"],
      [2024, `${x}-TDV1`, "Tổ dân vận", `${x}-T1`, "Tốt"],
      [2024, `${x}-TDV2`, "Tổ dân vận", `${x}-T2`, i % 4 ? "Tốt" : "Khá"],
    ],
  };
}

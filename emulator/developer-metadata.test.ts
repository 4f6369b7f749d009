import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testEmulator, type TestEmulator } from "./test-support.ts";

let t: TestEmulator;
let id: string;

beforeAll(async () => {
  t = await testEmulator();
});
afterAll(() => t.close());
beforeEach(async () => {
  id = await t.create(["Đơn vị", "Xếp hạng 2024"]);
});

const batch = (requests: unknown[]) => t.call("POST", `/v4/spreadsheets/${id}:batchUpdate`, { requests });
const onSheet = (sheetId: number, key: string, value: string) => ({
  createDeveloperMetadata: {
    developerMetadata: { metadataKey: key, metadataValue: value, location: { sheetId }, visibility: "DOCUMENT" },
  },
});
const onSpreadsheet = (key: string, value: string, metadataId?: number) => ({
  createDeveloperMetadata: {
    developerMetadata: {
      metadataId,
      metadataKey: key,
      metadataValue: value,
      location: { spreadsheet: true },
      visibility: "PROJECT",
    },
  },
});

async function sheetIdOf(title: string): Promise<number> {
  const sheets = (await t.call("GET", `/v4/spreadsheets/${id}`)).json.sheets as {
    properties: { sheetId: number; title: string };
  }[];
  return sheets.find((s) => s.properties.title === title)!.properties.sheetId;
}

describe("developer metadata", () => {
  it("creates metadata on a sheet and on the spreadsheet, with Google's location and an id", async () => {
    const ranking = await sheetIdOf("Xếp hạng 2024");
    const reply = await batch([onSheet(ranking, "dvk", "r1"), onSpreadsheet("last", "r1", 42)]);
    expect(reply.status).toBe(200);
    const [onTab, onDoc] = reply.json.replies.map((r: any) => r.createDeveloperMetadata.developerMetadata);
    expect(onTab).toEqual({
      metadataId: expect.any(Number),
      metadataKey: "dvk",
      metadataValue: "r1",
      location: { locationType: "SHEET", sheetId: ranking },
      visibility: "DOCUMENT",
    });
    expect(onTab.metadataId).toBeGreaterThan(0);
    expect(onDoc).toEqual({
      metadataId: 42,
      metadataKey: "last",
      metadataValue: "r1",
      location: { locationType: "SPREADSHEET", spreadsheet: true },
      visibility: "PROJECT",
    });
    const fields = encodeURIComponent(
      "developerMetadata(metadataKey,metadataValue),sheets(properties(title),developerMetadata(metadataKey,metadataValue))",
    );
    const got = (await t.call("GET", `/v4/spreadsheets/${id}?fields=${fields}`)).json;
    expect(got).toEqual({
      developerMetadata: [{ metadataKey: "last", metadataValue: "r1" }],
      sheets: [
        { properties: { title: "Đơn vị" } },
        { properties: { title: "Xếp hạng 2024" }, developerMetadata: [{ metadataKey: "dvk", metadataValue: "r1" }] },
      ],
    });
    expect((await t.call("GET", `/v4/spreadsheets/${id}/developerMetadata/42`)).json).toEqual(onDoc);
    expect((await t.call("GET", `/v4/spreadsheets/${id}/developerMetadata/43`)).status).toBe(404);
  });

  it("refuses metadata without a key, a visibility or a single location, and a taken id", async () => {
    const bad = [
      { createDeveloperMetadata: { developerMetadata: { location: { spreadsheet: true }, visibility: "DOCUMENT" } } },
      { createDeveloperMetadata: { developerMetadata: { metadataKey: "k", location: { spreadsheet: true } } } },
      { createDeveloperMetadata: { developerMetadata: { metadataKey: "k", location: {}, visibility: "DOCUMENT" } } },
      {
        createDeveloperMetadata: {
          developerMetadata: { metadataKey: "k", location: { sheetId: 12345 }, visibility: "DOCUMENT" },
        },
      },
    ];
    for (const request of bad) expect((await batch([request])).status).toBe(400);
    expect((await batch([onSpreadsheet("a", "1", 7)])).status).toBe(200);
    const taken = await batch([onSpreadsheet("b", "2", 7)]);
    expect(taken.status).toBe(400);
    expect(taken.json.error.message).toContain("createDeveloperMetadata");
  });

  it("searches by key and value, answering which filters matched", async () => {
    const ranking = await sheetIdOf("Xếp hạng 2024");
    await batch([onSheet(ranking, "dvk", "r1"), onSheet(0, "dvk", "r2"), onSpreadsheet("other", "x")]);
    const byValue = { developerMetadataLookup: { metadataKey: "dvk", metadataValue: "r1" } };
    const reply = await t.call("POST", `/v4/spreadsheets/${id}/developerMetadata:search`, { dataFilters: [byValue] });
    expect(reply.status).toBe(200);
    expect(reply.json.matchedDeveloperMetadata).toHaveLength(1);
    expect(reply.json.matchedDeveloperMetadata[0]).toMatchObject({
      developerMetadata: { metadataValue: "r1", location: { sheetId: ranking } },
      dataFilters: [byValue],
    });
    const bySheet = { developerMetadataLookup: { metadataLocation: { sheetId: 0 } } };
    const located = await t.call("POST", `/v4/spreadsheets/${id}/developerMetadata:search`, { dataFilters: [bySheet] });
    expect(located.json.matchedDeveloperMetadata.map((m: any) => m.developerMetadata.metadataValue)).toEqual(["r2"]);
    const none = await t.call("POST", `/v4/spreadsheets/${id}/developerMetadata:search`, {
      dataFilters: [{ developerMetadataLookup: { metadataKey: "nope" } }],
    });
    expect(none.json).toEqual({});
  });

  it("updates every match through the field mask, and deletes by filter", async () => {
    await batch([onSpreadsheet("last", "r1"), onSheet(0, "dvk", "r1")]);
    const updated = await batch([
      {
        updateDeveloperMetadata: {
          dataFilters: [{ developerMetadataLookup: { metadataKey: "last", locationType: "SPREADSHEET" } }],
          developerMetadata: { metadataValue: "r2" },
          fields: "metadataValue",
        },
      },
    ]);
    expect(updated.json.replies[0].updateDeveloperMetadata.developerMetadata).toMatchObject([
      { metadataKey: "last", metadataValue: "r2" },
    ]);
    const deleted = await batch([
      {
        deleteDeveloperMetadata: {
          dataFilter: { developerMetadataLookup: { metadataKey: "dvk", metadataValue: "r1" } },
        },
      },
    ]);
    expect(deleted.json.replies[0].deleteDeveloperMetadata.deletedDeveloperMetadata).toMatchObject([
      { metadataKey: "dvk" },
    ]);
    const got = (await t.call("GET", `/v4/spreadsheets/${id}`)).json;
    expect(got.developerMetadata).toMatchObject([{ metadataKey: "last", metadataValue: "r2" }]);
    expect(got.sheets[0].developerMetadata).toBeUndefined();
  });

  it("deletes a sheet's metadata with the sheet, and a failed batch keeps none of its metadata", async () => {
    const ranking = await sheetIdOf("Xếp hạng 2024");
    await batch([onSheet(ranking, "dvk", "r1")]);
    await batch([{ deleteSheet: { sheetId: ranking } }]);
    const search = await t.call("POST", `/v4/spreadsheets/${id}/developerMetadata:search`, {
      dataFilters: [{ developerMetadataLookup: { metadataKey: "dvk" } }],
    });
    expect(search.json).toEqual({});
    const failed = await batch([onSpreadsheet("k", "v"), { deleteSheet: { sheetId: 999 } }]);
    expect(failed.status).toBe(400);
    expect((await t.call("GET", `/v4/spreadsheets/${id}`)).json.developerMetadata).toBeUndefined();
  });
});

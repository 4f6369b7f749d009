import { generateKeyPairSync } from "node:crypto";
import { auth, sheets } from "@googleapis/sheets";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEmulator, type TestEmulator } from "./test-support.ts";

/** The official client against the emulator: its URLs, encodings and bodies must be understood as Google would. */

describe("through the official @googleapis/sheets client", () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await testEmulator();
  });
  afterAll(() => t.close());

  function client() {
    const oauth = new auth.OAuth2();
    oauth.setCredentials({ access_token: "test-token" });
    return sheets({ version: "v4", rootUrl: `${t.url}/`, auth: oauth });
  }

  it("creates, adds a sheet, writes and reads back unformatted values", async () => {
    const api = client();
    const created = await api.spreadsheets.create({
      requestBody: { properties: { title: "Dân vận khéo", locale: "vi_VN" } },
    });
    const spreadsheetId = created.data.spreadsheetId as string;
    expect(created.data.sheets?.[0]?.properties?.title).toBe("Sheet1");

    const added = await api.spreadsheets.batchUpdate({
      spreadsheetId,
      requestBody: {
        requests: [{ addSheet: { properties: { title: "Đăng ký", gridProperties: { frozenRowCount: 1 } } } }],
      },
    });
    expect(added.data.replies?.[0]?.addSheet?.properties?.title).toBe("Đăng ký");

    const updated = await api.spreadsheets.values.update({
      spreadsheetId,
      range: "'Đăng ký'!A1",
      valueInputOption: "USER_ENTERED",
      requestBody: {
        values: [
          ["Năm", "Tỷ lệ", "Ngày đăng ký", "Tên"],
          ["2024", "0,75", "15/03/2024", "=1+1"],
        ],
      },
    });
    expect(updated.data.updatedRange).toBe("'Đăng ký'!A1:D2");

    const read = await api.spreadsheets.values.batchGet({
      spreadsheetId,
      ranges: ["'Đăng ký'", "Sheet1!A1:B2"],
      valueRenderOption: "UNFORMATTED_VALUE",
      dateTimeRenderOption: "SERIAL_NUMBER",
    });
    expect(read.data.valueRanges).toEqual([
      {
        range: "'Đăng ký'!A1:Z1000",
        majorDimension: "ROWS",
        values: [
          ["Năm", "Tỷ lệ", "Ngày đăng ký", "Tên"],
          [2024, 0.75, 45366, 2],
        ],
      },
      { range: "Sheet1!A1:B2", majorDimension: "ROWS" },
    ]);

    const formatted = await api.spreadsheets.values.get({ spreadsheetId, range: "'Đăng ký'!A2:C2" });
    expect(formatted.data.values).toEqual([["2024", "0,75", "15/03/2024"]]);

    const meta = await api.spreadsheets.get({
      spreadsheetId,
      fields: "sheets.properties(sheetId,title,hidden,gridProperties)",
    });
    expect(meta.data.sheets?.[1]?.properties?.gridProperties?.frozenRowCount).toBe(1);
  });

  it("appends and clears with the client's URL forms", async () => {
    const api = client();
    const spreadsheetId = (await api.spreadsheets.create({ requestBody: {} })).data.spreadsheetId as string;
    await api.spreadsheets.values.append({
      spreadsheetId,
      range: "Sheet1!A1",
      valueInputOption: "RAW",
      requestBody: { values: [["a"], ["b"]] },
    });
    const appended = await api.spreadsheets.values.append({
      spreadsheetId,
      range: "Sheet1!A1",
      valueInputOption: "RAW",
      requestBody: { values: [["c"]] },
    });
    expect(appended.data.tableRange).toBe("Sheet1!A1:A2");
    expect(appended.data.updates?.updatedRange).toBe("Sheet1!A3");
    await api.spreadsheets.values.clear({ spreadsheetId, range: "Sheet1!A1:A2", requestBody: {} });
    expect((await api.spreadsheets.values.get({ spreadsheetId, range: "Sheet1" })).data.values).toEqual([
      [],
      [],
      ["c"],
    ]);
  });

  it("surfaces Google's error to the client", async () => {
    const api = client();
    const spreadsheetId = (await api.spreadsheets.create({ requestBody: {} })).data.spreadsheetId as string;
    await expect(api.spreadsheets.values.get({ spreadsheetId, range: "'Không có'!A1" })).rejects.toMatchObject({
      status: 400,
      message: "Unable to parse range: 'Không có'!A1",
    });
  });
});

describe("service-account sign-in through the emulator's token endpoint", () => {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  let t: TestEmulator;
  beforeAll(async () => {
    t = await testEmulator({
      checkToken: true,
      publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    });
  });
  afterAll(() => t.close());

  it("signs a JWT with google-auth-library, gets a token and uses it", async () => {
    const fetchImplementation: typeof fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      return fetch(url === "https://oauth2.googleapis.com/token" ? `${t.url}/token` : input, init);
    };
    const jwt = new auth.JWT({
      email: "scorer@demo.iam.gserviceaccount.com",
      key: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      scopes: ["https://www.googleapis.com/auth/spreadsheets"],
      transporterOptions: { fetchImplementation },
    });
    const api = sheets({ version: "v4", rootUrl: `${t.url}/`, auth: jwt });
    const created = await api.spreadsheets.create({ requestBody: { properties: { title: "Có xác thực" } } });
    await api.spreadsheets.get({ spreadsheetId: created.data.spreadsheetId as string });
    const stats = (await t.call("GET", "/_emulator/stats")).json;
    expect(stats.tokensIssued).toBe(1);
    expect(stats.byKind).toMatchObject({ token: 1, create: 1, get: 1 });
  });
});

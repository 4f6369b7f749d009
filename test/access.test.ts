/**
 * Access, fail closed (SPEC §6, SECURITY.md): every route but /healthz needs an identity — a Cloudflare Access JWT
 * verified for real in workerd (jose fetches the test team's JWKS through test/support/outbound.ts) or a bearer
 * token — and scoring needs a scorer.
 */
import { createExecutionContext, env, SELF, waitOnExecutionContext } from "cloudflare:test";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { app } from "../src/app.ts";
import { DEV_ACCESS_AUD, DEV_ACCESS_KID } from "../tools/dev-access/key.ts";
import {
  ACCESS_ISSUER,
  accessJwt,
  asPerson,
  getAs,
  postScore,
  READ_TOKEN,
  READER_EMAIL,
  SCORER_EMAIL,
  TOKEN,
} from "./support/api.ts";
import { importSpreadsheet, readTab } from "./support/sheets.ts";

const BASE = "https://dvk.test";
const YEAR = 2024;
let spreadsheetId = "";

/** A commune with three recognisable models: enough for a real run and a stored result. */
const commune = [
  {
    title: "Đơn vị",
    values: [
      ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Đơn vị cấp trên", "Cụm thi đua"],
      ["X1", "Xã Một", "Xã, thị trấn", "", "Cụm 1"],
      ["X1-T1", "Thôn Một", "Thôn, khu phố", "X1"],
    ],
  },
  {
    title: "Đăng ký",
    values: [
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
        "Ghi chú",
      ],
      [
        YEAR,
        "X1-M1",
        "X1",
        "Chợ văn minh",
        "Tập thể",
        "Kinh tế",
        "Xây dựng mới",
        "01/03/2024",
        "Có",
        30,
        40,
        "Có",
        "Cao",
        "Ghi chú nội bộ",
      ],
      [
        YEAR,
        "X1-M2",
        "X1-T1",
        "Nguyễn Văn An",
        "Cá nhân",
        "Văn hóa - xã hội",
        "Nhân rộng",
        "10/03/2024",
        "Có",
        20,
        30,
        "Có",
        "Cao",
        "",
      ],
    ],
  },
];

function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return SELF.fetch(`${BASE}${path}`, { headers });
}

async function errorOf(res: Response): Promise<{ code: string; message: string }> {
  return ((await res.json()) as { error: { code: string; message: string } }).error;
}

/** base64url of a JSON value, as in a JWS. */
const b64 = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");

beforeAll(async () => {
  spreadsheetId = `access-${Date.now()}`;
  await importSpreadsheet(spreadsheetId, commune);
  const res = await postScore({ year: YEAR, spreadsheetId });
  expect(res.status, await res.clone().text()).toBe(200);
});

describe("a person signed in through Cloudflare Access", () => {
  it("reads the results with a valid JWT in Cf-Access-Jwt-Assertion", async () => {
    const res = await getAs(`/api/results?year=${YEAR}&spreadsheetId=${spreadsheetId}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { units: unknown[] }).units.length).toBeGreaterThan(0);
  });

  it("reads the dashboard with the CF_Authorization cookie a browser carries", async () => {
    const res = await get(`/?year=${YEAR}&spreadsheetId=${spreadsheetId}`, {
      Cookie: `other=1; CF_Authorization=${await accessJwt(READER_EMAIL)}`,
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Xã Một");
  });

  it("is refused (401) with an expired JWT, and told to sign in again", async () => {
    const expired = await accessJwt(READER_EMAIL, { issuedAt: Math.floor(Date.now() / 1000) - 7200, validFor: 3600 });
    const res = await get(`/api/results?year=${YEAR}&spreadsheetId=${spreadsheetId}`, {
      "Cf-Access-Jwt-Assertion": expired,
    });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).message).toContain("đã hết hạn");
  });

  it("is refused (401) with a JWT for another Access application (wrong aud)", async () => {
    const other = await accessJwt(READER_EMAIL, { audience: "another-application-aud" });
    expect((await get("/api/results?year=2024", { "Cf-Access-Jwt-Assertion": other })).status).toBe(401);
  });

  it("is refused (401) with a JWT of another issuer", async () => {
    const { signDevAccessJwt } = await import("../tools/dev-access/sign.ts");
    const foreign = await signDevAccessJwt({ issuer: "https://other-team.cloudflareaccess.com", email: SCORER_EMAIL });
    expect((await get("/api/results?year=2024", { "Cf-Access-Jwt-Assertion": foreign })).status).toBe(401);
  });

  it("is refused (401) with a JWT signed by a key not in the team's JWKS, whatever its kid", async () => {
    const { privateKey } = await generateKeyPair("RS256");
    for (const kid of [DEV_ACCESS_KID, "unknown-kid"]) {
      const forged = await new SignJWT({ email: SCORER_EMAIL })
        .setProtectedHeader({ alg: "RS256", kid })
        .setIssuer(ACCESS_ISSUER)
        .setAudience([DEV_ACCESS_AUD])
        .setIssuedAt()
        .setExpirationTime("1h")
        .sign(privateKey);
      const res = await SELF.fetch(`${BASE}/api/score`, {
        method: "POST",
        headers: { "Cf-Access-Jwt-Assertion": forged, "Content-Type": "application/json" },
        body: JSON.stringify({ year: YEAR, spreadsheetId }),
      });
      expect(res.status, kid).toBe(401);
    }
  });

  it("is refused (401) with an unsigned JWT (alg none) and with an HMAC one keyed by the public key", async () => {
    const claims = {
      email: SCORER_EMAIL,
      iss: ACCESS_ISSUER,
      aud: [DEV_ACCESS_AUD],
      iat: Math.floor(Date.now() / 1000),
      exp: Math.floor(Date.now() / 1000) + 3600,
    };
    const none = `${b64({ alg: "none", typ: "JWT" })}.${b64(claims)}.`;
    expect((await get("/api/results?year=2024", { "Cf-Access-Jwt-Assertion": none })).status).toBe(401);
    const publicJwk = await exportJWK((await generateKeyPair("RS256")).publicKey);
    const hmac = await new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256", kid: DEV_ACCESS_KID })
      .sign(new TextEncoder().encode(JSON.stringify(publicJwk)));
    expect((await get("/api/results?year=2024", { "Cf-Access-Jwt-Assertion": hmac })).status).toBe(401);
  });

  it("cannot score as a reader (403), and can as an e-mail of SCORER_EMAILS, named in the run log", async () => {
    const body = JSON.stringify({ year: YEAR, spreadsheetId, caller: "Bảng điều khiển" });
    const asReader = await SELF.fetch(`${BASE}/api/score`, {
      method: "POST",
      headers: { ...(await asPerson(READER_EMAIL)), "Content-Type": "application/json" },
      body,
    });
    expect(asReader.status).toBe(403);
    expect((await errorOf(asReader)).message).toContain(`${READER_EMAIL} chỉ được xem kết quả`);

    // SCORER_EMAILS is case-insensitive: "Truong.Ban@DVK.test" is configured.
    const asScorer = await SELF.fetch(`${BASE}/api/score`, {
      method: "POST",
      headers: { ...(await asPerson("truong.ban@dvk.test")), "Content-Type": "application/json" },
      body,
    });
    expect(asScorer.status).toBe(200);
    expect(((await asScorer.json()) as { caller: string }).caller).toBe("truong.ban@dvk.test (Bảng điều khiển)");
    const log = await readTab(spreadsheetId, "Nhật ký chấm điểm");
    const callerColumn = log[0]!.indexOf("Người gọi");
    expect(log.at(-1)![callerColumn]).toBe("truong.ban@dvk.test (Bảng điều khiển)");
  });

  it("cannot have another site's page score with its cookie (cross-site POST refused)", async () => {
    const res = await SELF.fetch(`${BASE}/api/score`, {
      method: "POST",
      headers: {
        Cookie: `CF_Authorization=${await accessJwt(SCORER_EMAIL)}`,
        Origin: "https://attacker.example",
        "Content-Type": "application/json",
      },
      body: JSON.stringify({ year: YEAR, spreadsheetId, dryRun: true }),
    });
    expect(res.status).toBe(403);
  });

  it("sees the rescore button without a token field as a scorer, and no button as a reader", async () => {
    const path = `/?year=${YEAR}&spreadsheetId=${spreadsheetId}`;
    const scorer = await (await getAs(path, SCORER_EMAIL)).text();
    expect(scorer).toContain(`Chấm điểm lại năm ${YEAR}`);
    expect(scorer).toContain(`Bạn đăng nhập là ${SCORER_EMAIL}, có quyền chấm điểm.`);
    expect(scorer).not.toContain('id="rescore-token"');
    const reader = await (await getAs(path, READER_EMAIL)).text();
    expect(reader).not.toContain('<form id="rescore"');
    expect(reader).toContain(`Bạn đăng nhập là ${READER_EMAIL}, chỉ được xem kết quả.`);
  });
});

describe("without an identity", () => {
  it.each(["/", "/docs", "/openapi.json", `/api/results?year=${YEAR}`, "/api/runs/abc.1", "/khong-co-trang-nay"])(
    "GET %s answers 401",
    async (path) => {
      const res = await get(path);
      expect(res.status).toBe(401);
      expect(res.headers.get("WWW-Authenticate")).toContain("Bearer");
      expect((await errorOf(res)).message).toContain("Cần đăng nhập");
    },
  );

  it("still answers GET /healthz", async () => {
    expect((await get("/healthz")).status).toBe(200);
  });

  it("gets nothing of the results: no name, no note", async () => {
    const text = await (await get(`/api/results?year=${YEAR}&spreadsheetId=${spreadsheetId}`)).text();
    expect(text).not.toContain("Nguyễn Văn An");
    expect(text).not.toContain("Ghi chú nội bộ");
  });
});

describe("scripts with a bearer token", () => {
  it("read with READ_TOKEN but cannot score or set up with it (403)", async () => {
    expect(
      (await get(`/api/results?year=${YEAR}&spreadsheetId=${spreadsheetId}`, { Authorization: `Bearer ${READ_TOKEN}` }))
        .status,
    ).toBe(200);
    expect((await postScore({ year: YEAR, spreadsheetId }, READ_TOKEN)).status).toBe(403);
    const setup = await SELF.fetch(`${BASE}/api/setup`, {
      method: "POST",
      headers: { Authorization: `Bearer ${READ_TOKEN}`, "Content-Type": "application/json" },
      body: JSON.stringify({ spreadsheetId }),
    });
    expect(setup.status).toBe(403);
  });

  it("score with SCORING_TOKEN, logged as the API token", async () => {
    const res = await postScore({ year: YEAR, spreadsheetId, dryRun: true }, TOKEN);
    expect(((await res.json()) as { caller: string }).caller).toBe("API (mã truy cập)");
  });

  it("are refused with a wrong token even alongside a valid Access JWT", async () => {
    const res = await get(`/api/results?year=${YEAR}&spreadsheetId=${spreadsheetId}`, {
      Authorization: "Bearer sai",
      ...(await asPerson(SCORER_EMAIL)),
    });
    expect(res.status).toBe(401);
  });
});

/** The app with some settings changed, through its real fetch handler. */
async function fetchWith(overrides: Partial<Env>, path: string, init: RequestInit = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`${BASE}${path}`, init), { ...env, ...overrides }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

const NOTHING: Partial<Env> = {
  ACCESS_TEAM_DOMAIN: "",
  ACCESS_AUD: "",
  SCORING_TOKEN: "",
  READ_TOKEN: "",
  SCORER_EMAILS: "",
};

describe("a deployment with nothing configured", () => {
  it("answers only /healthz; everything else is refused, saying what to configure", async () => {
    expect((await fetchWith(NOTHING, "/healthz")).status).toBe(200);
    for (const path of ["/", "/docs", "/openapi.json", `/api/results?year=${YEAR}&spreadsheetId=${spreadsheetId}`]) {
      const res = await fetchWith(NOTHING, path, { headers: await asPerson(SCORER_EMAIL) });
      expect(res.status, path).toBe(403);
      expect((await errorOf(res)).message, path).toContain("ACCESS_TEAM_DOMAIN");
    }
    const score = await fetchWith(NOTHING, "/api/score", {
      method: "POST",
      headers: { Authorization: "Bearer ", "Content-Type": "application/json" },
      body: JSON.stringify({ year: YEAR, spreadsheetId }),
    });
    expect(score.status).toBe(403);
  });

  it("refuses Access JWTs when only a token is configured (no team, no audience to check them against)", async () => {
    const res = await fetchWith(
      { ACCESS_TEAM_DOMAIN: "", ACCESS_AUD: "" },
      `/api/results?year=${YEAR}&spreadsheetId=${spreadsheetId}`,
      { headers: await asPerson(SCORER_EMAIL) },
    );
    expect(res.status).toBe(401);
  });

  it("does not trust a plain-http team address other than this machine: a configuration error naming it, no data", async () => {
    const res = await fetchWith(
      { ACCESS_TEAM_DOMAIN: "http://dvk-test.cloudflareaccess.com" },
      `/api/results?year=${YEAR}&spreadsheetId=${spreadsheetId}`,
      { headers: await asPerson(READER_EMAIL) },
    );
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("config");
    expect(body.error.message).toContain("ACCESS_TEAM_DOMAIN");
  });
});

describe("the development sign-in link", () => {
  it("does nothing unless ACCESS_DEV_SIGN_IN is true: the request needs an identity like any other", async () => {
    const res = await get(`/dev/sign-in?token=${await accessJwt(SCORER_EMAIL)}`);
    expect(res.status).toBe(401);
    expect(res.headers.get("Set-Cookie")).toBeNull();
  });

  it("when enabled, keeps a valid JWT in the CF_Authorization cookie and opens the dashboard", async () => {
    const jwt = await accessJwt(SCORER_EMAIL);
    const res = await fetchWith({ ACCESS_DEV_SIGN_IN: "true" }, `/dev/sign-in?token=${jwt}`, { redirect: "manual" });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/");
    const cookie = res.headers.get("Set-Cookie") ?? "";
    expect(cookie).toContain(`CF_Authorization=${jwt}`);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
  });

  it("when enabled, sets no cookie for a JWT that does not verify", async () => {
    const expired = await accessJwt(SCORER_EMAIL, { issuedAt: Math.floor(Date.now() / 1000) - 7200, validFor: 60 });
    const res = await fetchWith({ ACCESS_DEV_SIGN_IN: "true" }, `/dev/sign-in?token=${expired}`, {
      redirect: "manual",
    });
    expect(res.status).toBe(401);
    expect(res.headers.get("Set-Cookie")).toBeNull();
  });
});

import { auth, sheets, type sheets_v4 } from "@googleapis/sheets";

/** Google's OAuth token endpoint, where google-auth-library sends the signed service-account JWT. */
const GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token";

/** The fields of a Google service-account key file that signing needs. */
export interface ServiceAccountKey {
  client_email: string;
  private_key: string;
}

/**
 * Reads the key file pasted into the GOOGLE_SERVICE_ACCOUNT_JSON secret. Dashboards and shells often deliver the
 * private key with its newlines escaped as the two characters "\n"; those are turned back into newlines.
 */
export function parseServiceAccount(json: string | undefined): ServiceAccountKey {
  let key: Partial<ServiceAccountKey>;
  try {
    key = JSON.parse(json ?? "") as Partial<ServiceAccountKey>;
  } catch {
    throw new Error("GOOGLE_SERVICE_ACCOUNT_JSON không phải JSON hợp lệ (cần tệp khóa của tài khoản dịch vụ Google).");
  }
  if (typeof key.client_email !== "string" || typeof key.private_key !== "string") {
    throw new Error("GOOGLE_SERVICE_ACCOUNT_JSON thiếu client_email hoặc private_key.");
  }
  return { client_email: key.client_email, private_key: key.private_key.replace(/\\n/g, "\n") };
}

/** An access token of the service account, as google-auth-library keeps it. */
interface AccessToken {
  access_token: string;
  token_type: string;
  expiry_date: number;
}

/**
 * Access tokens of this isolate, by service account and token endpoint. A token is valid for an hour: minting one
 * per run (an RS256 signature and a round trip to Google) was most of a district run's fixed cost. The library
 * refreshes a token 5 minutes before it expires; a Sheets answer 401 (a revoked token) drops it.
 */
const accessTokens = new Map<string, AccessToken>();

/** Forgets every cached access token: the next run of each service account mints a new one (tests use it). */
export function forgetAccessTokens(): void {
  accessTokens.clear();
}

/**
 * The official Sheets v4 client, authenticated as the service account (JWT → OAuth token, kept for the isolate).
 *
 * Every request goes through the runtime's `fetch` (gaxios would otherwise load node-fetch). `tokenUrl` exists only
 * for local development, where Google's token endpoint is unreachable and `wrangler dev` cannot reroute outbound
 * requests; tests leave it empty and route Google's real token URL to the emulator instead.
 */
export function createSheetsClient(
  key: ServiceAccountKey,
  rootUrl: string,
  tokenUrl?: string | null,
): sheets_v4.Sheets {
  const redirect = tokenUrl ? tokenUrl : null;
  const tokenKey = `${key.client_email}\n${redirect ?? GOOGLE_TOKEN_URL}`;
  const fetchImplementation: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const isToken = url === GOOGLE_TOKEN_URL;
    const res = await fetch(redirect && isToken ? redirect : input, init);
    if (res.status === 401 && !isToken) accessTokens.delete(tokenKey);
    return res;
  };
  const jwt = new auth.JWT({
    email: key.client_email,
    key: key.private_key,
    scopes: ["https://www.googleapis.com/auth/spreadsheets"],
    transporterOptions: { fetchImplementation },
  });
  // Each run has its own client (nothing of one run's requests is shared with another's); only the token is.
  const cached = accessTokens.get(tokenKey);
  if (cached !== undefined) jwt.setCredentials({ ...cached, refresh_token: "jwt-placeholder" });
  jwt.on("tokens", (t) => {
    if (t.access_token && t.expiry_date) {
      accessTokens.set(tokenKey, { access_token: t.access_token, token_type: "Bearer", expiry_date: t.expiry_date });
    }
  });
  // retry: false — the client would otherwise retry GETs on its own, multiplying our attempts and ignoring the
  // run's deadline; every retry goes through withRetry instead.
  return sheets({ version: "v4", auth: jwt, rootUrl: rootUrl.endsWith("/") ? rootUrl : `${rootUrl}/`, retry: false });
}

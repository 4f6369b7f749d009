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

/**
 * The official Sheets v4 client, authenticated as the service account (JWT → OAuth token, cached by the library).
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
  const fetchImplementation: typeof fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    return fetch(redirect && url === GOOGLE_TOKEN_URL ? redirect : input, init);
  };
  const jwt = new auth.JWT({
    email: key.client_email,
    key: key.private_key,
    scopes: ["https://www.googleapis.com/auth/spreadsheets"],
    transporterOptions: { fetchImplementation },
  });
  // retry: false — the client would otherwise retry GETs on its own, multiplying our attempts and ignoring the
  // run's deadline; every retry goes through withRetry instead.
  return sheets({ version: "v4", auth: jwt, rootUrl: rootUrl.endsWith("/") ? rootUrl : `${rootUrl}/`, retry: false });
}

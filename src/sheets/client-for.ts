import type { sheets_v4 } from "@googleapis/sheets";
import { ConfigError, type Config } from "../config/config.ts";
import { createSheetsClient } from "./client.ts";

/**
 * The Sheets client of the configured service account. Without GOOGLE_SERVICE_ACCOUNT_JSON there is none: the run
 * stops with a ConfigError that says so (the dashboard and stored results work without it).
 */
export function sheetsClientFor(config: Config): sheets_v4.Sheets {
  const { serviceAccount, apiRoot, tokenUrl } = config.sheets;
  if (serviceAccount === null) {
    throw new ConfigError([
      {
        variable: "GOOGLE_SERVICE_ACCOUNT_JSON",
        value: null,
        expected:
          "chưa được cấu hình; cần tệp khóa JSON của tài khoản dịch vụ Google (wrangler secret put GOOGLE_SERVICE_ACCOUNT_JSON)",
      },
    ]);
  }
  return createSheetsClient(serviceAccount, apiRoot, tokenUrl);
}

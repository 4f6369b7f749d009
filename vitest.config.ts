import { readFileSync } from "node:fs";
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { readEnvFile } from "./tools/env-file.ts";
import { DEV_ACCESS_AUD } from "./tools/dev-access/key.ts";
import { ACCESS_TEAM, routeOutbound } from "./test/support/outbound.ts";

// The development service-account key: the emulator accepts its JWT like Google would accept a real one.
const devVars = readEnvFile(readFileSync(".dev.vars.example", "utf8"));

// Two projects: everything that ships in the Worker (scoring/, sheets-schema/, src/) is tested inside workerd;
// the local Sheets emulator and the dev tools are Node programs and are tested in Node.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              // Production settings on purpose: Google's URLs, no token override. routeOutbound sends them to the emulator.
              bindings: {
                SHEETS_API_ROOT: "https://sheets.googleapis.com/",
                GOOGLE_TOKEN_URL: "",
                SCORING_TOKEN: "test-token",
                READ_TOKEN: "test-read-token",
                // Cloudflare Access: JWTs signed by the development key, its JWKS served by routeOutbound.
                ACCESS_TEAM_DOMAIN: ACCESS_TEAM,
                ACCESS_AUD: DEV_ACCESS_AUD,
                SCORER_EMAILS: "scorer@dvk.test, Truong.Ban@DVK.test",
                ACCESS_DEV_SIGN_IN: "",
                SPREADSHEET_ID: "",
                GOOGLE_SERVICE_ACCOUNT_JSON: devVars.GOOGLE_SERVICE_ACCOUNT_JSON ?? "",
                SHEETS_RETRY_BASE_MS: "5",
                SHEETS_RETRY_MAX_MS: "50",
                // The emulator has no quota: pacing at 100 reads a second keeps the 200-source test from waiting.
                SHEETS_READS_PER_MINUTE: "6000",
              },
              outboundService: routeOutbound,
            },
          }),
        ],
        test: {
          name: "workerd",
          // Integration tests score a 455-unit district through the emulator, retries included.
          testTimeout: 30_000,
          include: ["scoring/**/*.test.ts", "sheets-schema/**/*.test.ts", "src/**/*.test.ts", "test/**/*.test.ts"],
          exclude: ["test/browser/**"],
          globalSetup: ["./test/support/emulator-global-setup.ts"],
        },
      },
      {
        test: {
          name: "node",
          environment: "node",
          include: ["emulator/**/*.test.ts", "tools/**/*.test.ts", "test/browser/**/*.test.ts"],
        },
      },
    ],
  },
});

import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

// Two projects: everything that ships in the Worker (scoring/, sheets-schema/, src/) is tested inside workerd;
// the local Sheets emulator and the dev tools are Node programs and are tested in Node.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [cloudflareTest({ wrangler: { configPath: "./wrangler.toml" } })],
        test: {
          name: "workerd",
          include: ["scoring/**/*.test.ts", "sheets-schema/**/*.test.ts", "src/**/*.test.ts", "test/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "node",
          environment: "node",
          include: ["emulator/**/*.test.ts", "tools/**/*.test.ts"],
        },
      },
    ],
  },
});

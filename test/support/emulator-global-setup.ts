/**
 * Vitest global setup (Node side): one in-memory Sheets emulator for every workerd test file. Its address goes into
 * the environment, where the outbound router of vitest.config.ts reads it.
 */
import { startEmulator } from "../../emulator/server.ts";

export default async function setup() {
  const emulator = await startEmulator({ port: 0 });
  process.env.DVK_TEST_EMULATOR_URL = emulator.url;
  return async () => {
    await emulator.close();
  };
}

/**
 * Vitest global setup (Node side): one in-memory Sheets emulator for every workerd test file. Its address goes into
 * the environment, where the outbound router of vitest.config.ts reads it.
 *
 * The emulator is as strict as Google where it matters for the auth path: it verifies the RS256 signature of the
 * service-account JWT against the development key's public half, and refuses Sheets calls whose bearer token it did
 * not issue (the test helpers' own fixed token "test" excepted).
 */
import { createPrivateKey, createPublicKey } from "node:crypto";
import { readFileSync } from "node:fs";
import { startEmulator } from "../../emulator/server.ts";
import { readEnvFile } from "../../tools/env-file.ts";

export default async function setup() {
  const serviceAccount = JSON.parse(
    readEnvFile(readFileSync(".dev.vars.example", "utf8")).GOOGLE_SERVICE_ACCOUNT_JSON ?? "{}",
  ) as { private_key: string };
  const publicKeyPem = createPublicKey(createPrivateKey(serviceAccount.private_key))
    .export({ type: "spki", format: "pem" })
    .toString();
  const emulator = await startEmulator({ port: 0, publicKeyPem, checkToken: "test" });
  process.env.DVK_TEST_EMULATOR_URL = emulator.url;
  return async () => {
    await emulator.close();
  };
}

import { yearInVietnam } from "../../sheets-schema/vietnam-time.ts";
import { ConfigError, configOf } from "../config/config.ts";
import { scorerFor } from "../scorer/scorer-for.ts";

/**
 * The Cron Trigger: scores the current year (in Vietnam's time zone) of SPREADSHEET_ID. A failure is recorded in the
 * run history by the Durable Object (the dashboard shows it) and logged, so it is never silent.
 */
export async function runNightly(env: Env, scheduledTime: number): Promise<void> {
  let spreadsheetId: string | null;
  try {
    spreadsheetId = configOf(env).spreadsheetId;
  } catch (error) {
    // Thrown again, so the Cron event itself is marked as failed in the Worker's logs.
    if (error instanceof ConfigError) console.error(`Cron: không chấm điểm. ${error.message}`);
    throw error;
  }
  if (spreadsheetId === null) {
    console.error("Cron: SPREADSHEET_ID chưa được cấu hình, không chấm điểm.");
    return;
  }
  const year = yearInVietnam(scheduledTime);
  const scorer = scorerFor(env, spreadsheetId);
  const req = { spreadsheetId, year, dryRun: false, caller: "Cron (tự động)" };
  const reply = await scorer.score(req);
  if (reply.ok === "background") console.log(`Cron: chấm điểm năm ${year} đang chạy nền (${reply.progress.runId}).`);
  else if (reply.ok) {
    await reply.body.cancel(); // the result is stored; nobody reads it here
    console.log(`Cron: đã chấm điểm năm ${year}.`);
  } else {
    console.error(`Cron: chấm điểm năm ${year} thất bại (${reply.failure.status}): ${reply.failure.message}`);
    // A run that failed is in the run history already; one refused before it started is not.
    const refused = reply.failure.code === "run_in_progress" || reply.failure.code === "queue_full";
    if (refused) await scorer.recordRefusedRun(req, reply.failure);
  }
}

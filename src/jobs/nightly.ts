import { yearInVietnam } from "../../sheets-schema/vietnam-time.ts";
import { scorerFor } from "../scorer/scorer-for.ts";

/**
 * The Cron Trigger: scores the current year (in Vietnam's time zone) of SPREADSHEET_ID. A failure is recorded in the
 * run history by the Durable Object (the dashboard shows it) and logged, so it is never silent.
 */
export async function runNightly(env: Env, scheduledTime: number): Promise<void> {
  if (!env.SPREADSHEET_ID) {
    console.error("Cron: SPREADSHEET_ID chưa được cấu hình, không chấm điểm.");
    return;
  }
  const year = yearInVietnam(scheduledTime);
  const reply = await scorerFor(env, env.SPREADSHEET_ID).score({
    spreadsheetId: env.SPREADSHEET_ID,
    year,
    dryRun: false,
    caller: "Cron (tự động)",
  });
  if (reply.ok === "background") console.log(`Cron: chấm điểm năm ${year} đang chạy nền (${reply.progress.runId}).`);
  else if (reply.ok) console.log(`Cron: đã chấm điểm năm ${year}.`);
  else console.error(`Cron: chấm điểm năm ${year} thất bại (${reply.failure.status}): ${reply.failure.message}`);
}

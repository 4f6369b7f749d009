import { app } from "./app.ts";
import { runNightly } from "./jobs/nightly.ts";

export { SpreadsheetScorer } from "./scorer/spreadsheet-scorer.ts";

export default {
  fetch: app.fetch,
  scheduled: (controller, env, ctx) => ctx.waitUntil(runNightly(env, controller.scheduledTime)),
} satisfies ExportedHandler<Env>;

import type { ScoringResult } from "../../scoring/types.ts";
import type { DataError, OutputTab } from "../types.ts";
import { errorsTab } from "./errors-tab.ts";
import { rankingTab } from "./ranking-tab.ts";
import { registrationsTab } from "./registrations-tab.ts";
import { reviewTab } from "./review-tab.ts";
import { targetsTab } from "./targets-tab.ts";
import { teamsTab } from "./teams-tab.ts";

/**
 * Every generated tab of one run (SPEC §5), in a fixed order: ranking, registrations, targets, teams, review,
 * data errors. The run log is not here: it is appended by the shell with `logRow`, never replaced.
 */
export function outputTabs(result: ScoringResult, errors: readonly DataError[]): OutputTab[] {
  return [
    rankingTab(result),
    registrationsTab(result),
    targetsTab(result),
    teamsTab(result),
    reviewTab(result),
    errorsTab(errors),
  ];
}

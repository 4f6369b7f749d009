/**
 * What each column of the input tabs accepts, as offered to the people who type it (SPEC §2): the dropdowns,
 * checkboxes and number or date checks that `POST /api/setup` puts on the columns, and the "Cách ghi" of the
 * `Hướng dẫn` tab. The readers stay more forgiving than these rules (aliases, text dates, `x` for yes): a rule
 * guides new typing, the reader decides what a cell means.
 */
import {
  FIELD_LABEL,
  FORM_LABEL,
  KIND_LABEL,
  RATING_LABEL,
  SPREAD_LABEL,
  TEAM_LEVEL_LABEL,
  UNIT_TYPE_LABEL,
} from "../scoring/labels.ts";
import { FIRST_PLAUSIBLE_YEAR, LAST_PLAUSIBLE_YEAR } from "./numbers.ts";
import { PARAMETERS } from "./read-settings.ts";
import type { InputTabId, REGISTRATION_COLUMNS, SETTING_COLUMNS, TEAM_COLUMNS, UNIT_COLUMNS } from "./tabs.ts";

/** The closed set of checks a column can carry. */
export type InputRule =
  /** A dropdown of the official names (`Loại đơn vị`, `Lĩnh vực`, …). */
  | { kind: "oneOf"; values: readonly string[] }
  /**
   * `Có` / `Không` as a dropdown: for a yes/no whose empty cell means something of its own (`Xét danh hiệu`: empty
   * is "by the unit's type"), which a checkbox would show as an unticked "no".
   */
  | { kind: "yesNoList" }
  /** A checkbox (TRUE/FALSE): for a yes/no where empty is no, as most offices already tick them. */
  | { kind: "checkbox" }
  /** A code from the `Mã đơn vị` column of `Đơn vị`. */
  | { kind: "unitCode" }
  | { kind: "date" }
  /** A year between 2000 and 2100. */
  | { kind: "year"; min: number; max: number }
  /** A count of votes: not negative. */
  | { kind: "count" };

export const YES = "Có";
export const NO = "Không";

const list = (labels: Readonly<Record<string, string>>): InputRule => ({
  kind: "oneOf",
  values: Object.values(labels),
});
const YEAR: InputRule = { kind: "year", min: FIRST_PLAUSIBLE_YEAR, max: LAST_PLAUSIBLE_YEAR };

type Keys<C extends readonly { key: string }[]> = C[number]["key"];

interface ColumnKeys {
  units: Keys<typeof UNIT_COLUMNS>;
  registrations: Keys<typeof REGISTRATION_COLUMNS>;
  teams: Keys<typeof TEAM_COLUMNS>;
  settings: Keys<typeof SETTING_COLUMNS>;
}

/** The checked columns of each input tab, by column key; columns not listed are free text. */
export const INPUT_RULES: { [T in InputTabId]: Partial<Record<ColumnKeys[T], InputRule>> } = {
  units: {
    type: list(UNIT_TYPE_LABEL),
    parentCode: { kind: "unitCode" },
    titleParticipation: { kind: "yesNoList" },
  },
  registrations: {
    year: YEAR,
    unitCode: { kind: "unitCode" },
    kind: list(KIND_LABEL),
    field: list(FIELD_LABEL),
    form: list(FORM_LABEL),
    registeredOn: { kind: "date" },
    reportedOn: { kind: "date" },
    publicVote: { kind: "checkbox" },
    votesFor: { kind: "count" },
    votesCast: { kind: "count" },
    acknowledged: { kind: "checkbox" },
    spread: list(SPREAD_LABEL),
    committeeRecognised: { kind: "checkbox" },
  },
  teams: {
    year: YEAR,
    level: list(TEAM_LEVEL_LABEL),
    unitCode: { kind: "unitCode" },
    rating: list(RATING_LABEL),
  },
  settings: {
    name: { kind: "oneOf", values: PARAMETERS.map((p) => p.name) },
  },
};

/** The rule of one column, or undefined for free text. */
export function inputRule(tab: InputTabId, key: string): InputRule | undefined {
  return (INPUT_RULES[tab] as Record<string, InputRule | undefined>)[key];
}

/**
 * How the rule reads to a person, for the `Hướng dẫn` tab and the help shown beside a cell.
 *
 * @example describeRule({ kind: "oneOf", values: ["Tập thể", "Cá nhân"] }) // → "Chọn trong danh sách: Tập thể; Cá nhân."
 */
export function describeRule(rule: InputRule): string {
  switch (rule.kind) {
    case "oneOf":
      return `Chọn trong danh sách: ${rule.values.join("; ")}.`;
    case "yesNoList":
      return `Chọn ${YES} hoặc ${NO}.`;
    case "checkbox":
      return "Đánh dấu vào ô là Có, bỏ trống là Không.";
    case "unitCode":
      return "Chọn một mã có trong cột “Mã đơn vị” của trang “Đơn vị”.";
    case "date":
      return "Ngày theo dạng ngày/tháng/năm, ví dụ 31/03/2024.";
    case "year":
      return `Năm ghi đủ 4 chữ số, từ ${rule.min} đến ${rule.max}, ví dụ 2024.`;
    case "count":
      return "Số nguyên, không âm.";
    default: {
      const never: never = rule;
      return never;
    }
  }
}

import type { FileChild } from "docx";
import { formatNumber } from "../../../scoring/format.ts";
import { RATING_LABEL, TEAM_FLAG_LABEL, TEAM_LEVEL_LABEL, targetVerdictLabel } from "../../../scoring/labels.ts";
import type { ScoringResult } from "../../../scoring/types.ts";
import { unitNames } from "../../../sheets-schema/output/unit-names.ts";
import { bodyText, heading, note } from "../paragraphs.ts";
import { afterTable, dataTable } from "../table.ts";
import { shareText } from "../share-text.ts";

/**
 * `4. Tổ, khối dân vận`: per xã the tổ dân vận counted, those rated Tốt, the share and the verdict (as in
 * `Tổ, khối dân vận {Y}`), then every team rated Yếu or not rated, with its name, its `Mã tổ` (a name is optional)
 * and its unit.
 */
export function teamsSection(number: string, result: ScoringResult): FileChild[] {
  const names = unitNames(result);
  const out: FileChild[] = [heading(2, number, "Tổ dân vận, khối dân vận")];
  // The table counts tổ by the xã they belong to; tổ whose thôn names no xã (no `Đơn vị cấp trên`) still count in
  // the district's share (target 3), so "no tổ" would contradict it.
  if (result.communeTeams.length === 0) out.push(note("Chưa có tổ dân vận nào thuộc xã, thị trấn trong năm này."));
  else
    out.push(
      dataTable(
        [
          { header: "Xã, thị trấn", width: 3.6 },
          { header: "Số tổ dân vận", width: 1.3, align: "center" },
          { header: "Số tổ Tốt", width: 1.2, align: "center" },
          { header: "Tỷ lệ Tốt", width: 1.3, align: "center" },
          { header: "Đánh giá", width: 1.3, align: "center" },
        ],
        result.communeTeams.map((c) => [
          c.communeName,
          formatNumber(c.teams),
          formatNumber(c.good),
          shareText(c.good, c.teams),
          { text: targetVerdictLabel(c.met), bold: !c.met },
        ]),
        { numbered: true },
      ),
      afterTable(),
    );
  out.push(bodyText("Tổ dân vận, khối dân vận xếp loại Yếu hoặc chưa được xếp loại:"));
  if (result.teamFlags.length === 0) out.push(note("Không có."));
  else
    out.push(
      dataTable(
        [
          { header: "Tên tổ, khối", width: 2.6 },
          { header: "Mã tổ", width: 1.2 },
          { header: "Cấp", width: 1.4 },
          { header: "Thuộc đơn vị", width: 2.6 },
          { header: "Xếp loại", width: 2, align: "center" },
        ],
        result.teamFlags.map((f) => [
          f.team.name ?? "",
          f.team.teamId,
          TEAM_LEVEL_LABEL[f.team.level],
          names.get(f.team.unitCode) ?? f.team.unitCode,
          { text: f.team.rating === null ? TEAM_FLAG_LABEL.unrated : RATING_LABEL[f.team.rating], bold: true },
        ]),
        { numbered: true },
      ),
      afterTable(),
    );
  return out;
}

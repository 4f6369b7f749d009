import { formatNumber } from "../../scoring/format.ts";
import type { RankingGroup } from "./view-model.ts";
import { TitleBadge, UnitName, type UnitLinks } from "./ranking-table.tsx";

/**
 * The titles proposed, per cụm thi đua, and only the units proposed (or tied at the cap): the list a meeting decides
 * on, short enough to print with the overview and the targets. Each unit is one line that wraps on a phone, the
 * badge first, so the title is seen without scrolling sideways.
 */
export function ProposedList(props: { groups: readonly RankingGroup[]; links: UnitLinks }) {
  if (props.groups.length === 0) return <p class="muted">Chưa có đơn vị nào được đề xuất danh hiệu.</p>;
  return (
    <div class="proposed-groups">
      {props.groups.map((g) => (
        <section class="proposed-group" data-group={g.group} aria-label={`Đề xuất danh hiệu: ${g.group}`}>
          <h3>{g.group}</h3>
          <ol class="proposed">
            {g.units.map((u) => (
              <li data-proposed={u.unit.code}>
                <TitleBadge title={u.title} /> <UnitName unit={u} links={props.links} />
                <span class="muted small">{` – hạng ${u.rank}, ${formatNumber(u.score)} điểm`}</span>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

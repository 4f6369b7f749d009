import { formatPercent } from "../../scoring/format.ts";
import { targetVerdictLabel } from "../../scoring/labels.ts";
import type { CommuneTeamSummary } from "../../scoring/types.ts";
import { coord } from "./chart-scale.ts";
import { formatShareOf } from "./format.ts";
import { COLOURS, Foldable, Scroll } from "./page.tsx";

// Geometry in viewBox units: names right-aligned before LABEL_W, bars from PLOT_X0 to PLOT_X1, figures after.
const WIDTH = 420;
const LABEL_W = 138;
const PLOT_X0 = 144;
const PLOT_X1 = 350;
const TOP = 26;
const ROW = 24;
const BOTTOM = 22;
const NAME_CHARS = 21;
/** A district has about 25 xã; a province's hundreds of bars are folded behind the summary line. */
const CHART_COMMUNES_OVER = 40;

/**
 * The share of tổ dân vận rated Tốt in each xã against the district line (e.g. 70%): one horizontal bar per xã,
 * green when above the line, red-orange when not, the figure printed; a table of the same figures underneath.
 */
export function CommuneChart(props: {
  communes: readonly CommuneTeamSummary[];
  threshold: number | null;
  goal: string;
}) {
  const { communes, threshold } = props;
  if (communes.length === 0) return <p class="muted">Chưa có tổ dân vận nào thuộc xã, thị trấn trong năm này.</p>;
  const height = TOP + communes.length * ROW + BOTTOM;
  const x = (share: number) => coord(PLOT_X0 + Math.min(Math.max(share, 0), 1) * (PLOT_X1 - PLOT_X0));
  const met = communes.filter((c) => c.met).length;
  const lineLabel = threshold === null ? "" : formatPercent(threshold);
  return (
    <>
      <Foldable
        count={communes.length}
        over={CHART_COMMUNES_OVER}
        summary={`Xem biểu đồ ${communes.length} xã, thị trấn (${met} đạt)`}
      >
        <svg
          class="chart commune-chart"
          viewBox={`0 0 ${WIDTH} ${height}`}
          role="img"
          aria-labelledby="communes-title communes-desc"
        >
          <title id="communes-title">Tỷ lệ tổ dân vận xếp loại Tốt theo từng xã, thị trấn</title>
          <desc id="communes-desc">{`${met}/${communes.length} xã, thị trấn đạt mục tiêu ${props.goal}.`}</desc>
          {communes.map((c, i) => {
            const y = TOP + i * ROW;
            const name =
              c.communeName.length > NAME_CHARS ? `${c.communeName.slice(0, NAME_CHARS - 1)}…` : c.communeName;
            const figure = c.share === null ? "không có tổ" : formatPercent(c.share);
            return (
              <g class={`commune-bar ${c.met ? "met" : "not-met"}`} data-commune={c.communeCode}>
                <title>{`${c.communeName}: ${c.share === null ? "không có tổ dân vận" : formatShareOf(c.good, c.teams)} – ${targetVerdictLabel(c.met)}`}</title>
                <text x={LABEL_W} y={y + 16} font-size="12" text-anchor="end" fill={COLOURS.ink}>
                  {name}
                </text>
                <rect x={PLOT_X0} y={y + 3} width={PLOT_X1 - PLOT_X0} height={ROW - 6} fill={COLOURS.track} />
                {c.share === null ? null : (
                  <rect
                    class="bar"
                    x={PLOT_X0}
                    y={y + 5}
                    width={coord(Math.max(x(c.share) - PLOT_X0, 2))}
                    height={ROW - 10}
                    fill={c.met ? COLOURS.met : COLOURS.notMet}
                  />
                )}
                <text
                  x={PLOT_X1 + 6}
                  y={y + 16}
                  font-size="12"
                  font-weight="700"
                  fill={c.share === null ? COLOURS.muted : COLOURS.ink}
                >
                  {figure}
                </text>
              </g>
            );
          })}
          {threshold === null ? null : (
            <g class="goal">
              <line
                class="goal-marker"
                x1={x(threshold)}
                x2={x(threshold)}
                y1={TOP - 6}
                y2={height - BOTTOM + 4}
                stroke={COLOURS.ink}
                stroke-width={2}
                stroke-dasharray="5 3"
              />
              <text
                x={x(threshold)}
                y={TOP - 10}
                font-size="12"
                text-anchor="middle"
                fill={COLOURS.ink}
              >{`Mục tiêu ${props.goal}`}</text>
            </g>
          )}
          <text x={PLOT_X0} y={height - 6} font-size="11" fill={COLOURS.muted}>
            0%
          </text>
          <text x={PLOT_X1} y={height - 6} font-size="11" text-anchor="end" fill={COLOURS.muted}>
            100%
          </text>
        </svg>
      </Foldable>
      <p class="small muted">
        {`${met}/${communes.length} xã, thị trấn đạt. Đường nét đứt: mức ${lineLabel} mà tỷ lệ phải vượt qua. Tổ chưa xếp loại vẫn tính vào tổng số.`}
      </p>
      <details>
        <summary>Xem dạng bảng</summary>
        <Scroll label="Bảng tỷ lệ tổ dân vận tốt theo xã">
          <table>
            <thead>
              <tr>
                <th>Xã, thị trấn</th>
                <th class="num">Số tổ</th>
                <th class="num">Tổ Tốt</th>
                <th class="num">Tỷ lệ</th>
                <th>Đánh giá</th>
              </tr>
            </thead>
            <tbody>
              {communes.map((c) => (
                <tr>
                  <td>{c.communeName}</td>
                  <td class="num">{c.teams}</td>
                  <td class="num">{c.good}</td>
                  <td class="num">{c.share === null ? "—" : formatPercent(c.share)}</td>
                  <td>
                    <span class={`badge ${c.met ? "met" : "not-met"}`}>{targetVerdictLabel(c.met)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      </details>
    </>
  );
}

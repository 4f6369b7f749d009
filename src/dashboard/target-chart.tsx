import { formatGoal, formatNumber, formatPercent } from "../../scoring/format.ts";
import { targetVerdictLabel } from "../../scoring/labels.ts";
import type { Goal, TargetResult } from "../../scoring/types.ts";
import { axisMax, coord, goalLines } from "./chart-scale.ts";
import { formatActual } from "./format.ts";
import { COLOURS } from "./page.tsx";

// Geometry of one chart, in viewBox units: the plot runs from X0 to X1.
const WIDTH = 400;
const HEIGHT = 74;
const X0 = 8;
const X1 = 392;
const BAR_Y = 24;
const BAR_H = 22;

/** A verdict as a coloured badge: Đạt / Chưa đạt. */
export function Verdict(props: { met: boolean }) {
  return <span class={`badge ${props.met ? "met" : "not-met"}`}>{targetVerdictLabel(props.met)}</span>;
}

/**
 * One target (chỉ tiêu) at a glance: a bar of the actual figure against the goal, a dark marker line at the goal
 * (two, around a shaded band, for a range), green when met and red-orange when not, the figure printed.
 */
export function TargetChart(props: { target: TargetResult; id: string }) {
  const { target, id } = props;
  const { goal } = target;
  const goalText = formatGoal(goal, target.unit);
  const max = axisMax(target.unit, target.actual, goal);
  const x = (v: number) => coord(X0 + (Math.min(Math.max(v, 0), max) / max) * (X1 - X0));
  const actualText = formatActual(target);
  const colour = target.met ? COLOURS.met : COLOURS.notMet;
  const ratio = target.unit === "share" && target.denominator > 0 ? ` (${target.numerator}/${target.denominator})` : "";
  const description =
    target.actual === null
      ? `Chưa có số liệu để đánh giá. Mục tiêu: ${goalText}. ${target.detail}`
      : `Thực hiện: ${actualText}${ratio}. Mục tiêu: ${goalText}. Đánh giá: ${targetVerdictLabel(target.met)}.`;
  const barEnd = target.actual === null ? X0 : x(target.actual);
  const valueInside = barEnd - X0 > 90;

  return (
    <figure class="target" data-target={target.id}>
      <figcaption>
        <h3>{target.label}</h3>
        <Verdict met={target.met} />
      </figcaption>
      <svg class="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{`${target.label}: ${targetVerdictLabel(target.met)}`}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <rect x={X0} y={BAR_Y} width={X1 - X0} height={BAR_H} fill={COLOURS.track} rx={3} />
        {goal.kind === "between" && goal.max > goal.min ? (
          <rect
            class="goal-band"
            x={x(goal.min)}
            y={BAR_Y}
            width={coord(x(goal.max) - x(goal.min))}
            height={BAR_H}
            fill={COLOURS.band}
          />
        ) : null}
        {target.actual === null ? (
          <text x={X0 + 6} y={BAR_Y + 15} font-size="13" fill={COLOURS.muted}>
            Chưa có số liệu
          </text>
        ) : (
          <rect
            class={`bar ${target.met ? "met" : "not-met"}`}
            x={X0}
            y={BAR_Y + 3}
            width={coord(Math.max(barEnd - X0, 2))}
            height={BAR_H - 6}
            fill={colour}
            rx={2}
          />
        )}
        <GoalMarkers goal={goal} label={goalText} x={x} />
        {target.actual === null ? null : (
          // Drawn over the goal marker, with a halo of the colour beneath it, so a marker crossing the figure never
          // strikes through it (e.g. 82,97% against a 70% line).
          <text
            class="value"
            x={coord(valueInside ? barEnd - 5 : barEnd + 5)}
            y={BAR_Y + 16}
            font-size="14"
            font-weight="700"
            text-anchor={valueInside ? "end" : "start"}
            fill={valueInside ? "#ffffff" : COLOURS.ink}
            stroke={valueInside ? colour : COLOURS.track}
            stroke-width={4}
            stroke-linejoin="round"
            paint-order="stroke"
          >
            {actualText}
          </text>
        )}
        <text x={X0} y={HEIGHT - 4} font-size="11" fill={COLOURS.muted}>
          0
        </text>
        <text x={X1} y={HEIGHT - 4} font-size="11" fill={COLOURS.muted} text-anchor="end">
          {target.unit === "share" ? formatPercent(max) : formatNumber(max)}
        </text>
      </svg>
      <p class="small muted">
        Mục tiêu: <b>{goalText}</b> · Thực hiện: <b>{actualText}</b>
        {ratio}
      </p>
      {target.detail.length > 160 ? (
        <details class="small">
          <summary>Chi tiết</summary>
          {target.detail}
        </details>
      ) : (
        <p class="small">{target.detail}</p>
      )}
    </figure>
  );
}

/** The goal's marker line(s) and its label above them. */
function GoalMarkers(props: { goal: Goal; label: string; x: (v: number) => number }) {
  const lines = goalLines(props.goal).map(props.x);
  const centre = coord(lines.reduce((a, b) => a + b, 0) / lines.length);
  const anchor = centre < X0 + 70 ? "start" : centre > X1 - 70 ? "end" : "middle";
  return (
    <g class="goal">
      {lines.map((lx) => (
        <line
          class="goal-marker"
          x1={lx}
          x2={lx}
          y1={BAR_Y - 6}
          y2={BAR_Y + BAR_H + 6}
          stroke={COLOURS.ink}
          stroke-width={2.5}
        />
      ))}
      <text x={centre} y={BAR_Y - 9} font-size="12" fill={COLOURS.ink} text-anchor={anchor}>
        {`Mục tiêu ${props.label}`}
      </text>
    </g>
  );
}

/**
 * The charts of a stage review (tổng kết giai đoạn, SPEC §3.8): figures per year as columns, figures per field as
 * bars. A year of the stage with no registration at all is drawn as an empty dashed slot saying `chưa có dữ liệu`,
 * never as a zero column. Every chart is an SVG image with a title and a description that reads out its figures; the
 * card shows the same figures as a table.
 */
import { formatNumber, formatPercent } from "../../scoring/format.ts";
import { FIELD_LABEL } from "../../scoring/labels.ts";
import type { StageBreakdown, StageYear } from "../../scoring/stage.ts";
import type { Field } from "../../scoring/types.ts";
import { NO_DATA_LABEL } from "../../sheets-schema/output/stage-tab.ts";
import { coord, countAxis } from "./chart-scale.ts";
import { COLOURS } from "./page.tsx";

/** A year of the stage that was scored. */
export type ScoredStageYear = Extract<StageYear, { kind: "scored" }>;

/** One series of columns: its legend, colour, CSS class and figure in a scored year (null: nothing to show). */
export interface YearSeries {
  label: string;
  colour: string;
  cls: string;
  valueOf: (year: ScoredStageYear) => number | null;
}

/** Colours of the stage charts: registrations blue, recognised green (as met verdicts), shares a darker blue. */
export const STAGE_COLOURS = { registrations: "#6c9bd2", recognised: COLOURS.met, share: "#0b5cad" };

// Column charts, in viewBox units: the plot from X0 to X1, columns standing on BASE, room for the legend on top.
const WIDTH = 400;
const HEIGHT = 196;
const X0 = 40;
const X1 = 394;
const TOP = 36;
const BASE = 164;
const MAX_BAR = 30;

/**
 * Columns per year of the stage (grouped when there are several series), on a count axis or a 0–100% axis; an
 * unscored year an empty dashed slot saying `chưa có dữ liệu`.
 */
export function YearColumnsChart(props: {
  id: string;
  title: string;
  years: readonly StageYear[];
  series: readonly YearSeries[];
  axis: "count" | "share";
}) {
  const { id, years, series } = props;
  const format = props.axis === "share" ? formatPercent : formatNumber;
  const top = Math.max(0, ...years.flatMap((y) => (y.kind === "scored" ? series.map((s) => s.valueOf(y) ?? 0) : [])));
  const scale = props.axis === "share" ? { max: 1, step: 0.25 } : countAxis(top);
  const yOf = (v: number) => coord(BASE - (Math.min(Math.max(v, 0), scale.max) / scale.max) * (BASE - TOP));
  const slot = (X1 - X0) / Math.max(years.length, 1);
  const group = Math.min(slot * 0.72, MAX_BAR * series.length);
  const bar = group / series.length;
  const ticks: number[] = [];
  for (let v = 0; v <= scale.max + 1e-9; v += scale.step) ticks.push(v);
  const describe = (y: StageYear) =>
    y.kind === "scored"
      ? `${y.year}: ${series.map((s) => `${s.label.toLowerCase()} ${figure(s.valueOf(y), format)}`).join(", ")}`
      : `${y.year}: ${NO_DATA_LABEL}`;

  return (
    <svg
      class={`chart stage-chart ${id}`}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
    >
      <title id={`${id}-title`}>{props.title}</title>
      <desc id={`${id}-desc`}>{`${years.map(describe).join(". ")}.`}</desc>
      <Legend series={series} y={12} />
      {ticks.map((v) => (
        <g class="tick">
          <line x1={X0} x2={X1} y1={yOf(v)} y2={yOf(v)} stroke={v === 0 ? COLOURS.muted : COLOURS.track} />
          <text x={X0 - 4} y={yOf(v) + 4} font-size="11" text-anchor="end" fill={COLOURS.muted}>
            {format(v)}
          </text>
        </g>
      ))}
      {years.map((y, i) => {
        const centre = X0 + slot * (i + 0.5);
        const left = centre - group / 2;
        return (
          <g class={y.kind === "scored" ? "year" : "year no-data"} data-year={String(y.year)}>
            <title>{describe(y)}</title>
            {y.kind === "scored" ? (
              series.map((s, j) => {
                const v = s.valueOf(y);
                const x = coord(left + j * bar);
                return (
                  <>
                    {v === null ? null : (
                      <rect
                        class={`bar ${s.cls}`}
                        x={x}
                        y={yOf(v)}
                        width={coord(bar - 2)}
                        height={coord(Math.max(BASE - yOf(v), v > 0 ? 1 : 0))}
                        fill={s.colour}
                      />
                    )}
                    <text
                      class={`value ${s.cls}`}
                      x={coord(x + (bar - 2) / 2)}
                      y={coord((v === null ? BASE : yOf(v)) - 4)}
                      font-size="12"
                      font-weight="700"
                      text-anchor="middle"
                      fill={COLOURS.ink}
                    >
                      {figure(v, format)}
                    </text>
                  </>
                );
              })
            ) : (
              <>
                <rect
                  x={coord(left)}
                  y={TOP}
                  width={coord(group)}
                  height={BASE - TOP}
                  fill="#f6f8fa"
                  stroke={COLOURS.muted}
                  stroke-dasharray="4 3"
                />
                <text x={coord(centre)} y={BASE - 50} font-size="11" text-anchor="middle" fill={COLOURS.muted}>
                  <tspan x={coord(centre)}>chưa có</tspan>
                  <tspan x={coord(centre)} dy="14">
                    dữ liệu
                  </tspan>
                </text>
              </>
            )}
            <text
              x={coord(centre)}
              y={BASE + 18}
              font-size="12"
              font-weight="600"
              text-anchor="middle"
              fill={COLOURS.ink}
            >
              {String(y.year)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

// Field bars, in viewBox units: each field's name on its own line, its two bars under it.
const FIELD_ROW = 54;
const FIELD_TOP = 30;
const FIELD_X0 = 8;
const FIELD_X1 = 330;

/** Registrations and recognised ones per field (Lĩnh vực) over the scored years of the stage. */
export function FieldBarsChart(props: { id: string; title: string; fields: readonly StageBreakdown<Field>[] }) {
  const { id, fields } = props;
  const series = [
    {
      label: "Đăng ký",
      colour: STAGE_COLOURS.registrations,
      cls: "registrations",
      value: (f: StageBreakdown<Field>) => f.total.registrations,
    },
    {
      label: "Được công nhận",
      colour: STAGE_COLOURS.recognised,
      cls: "recognised",
      value: (f: StageBreakdown<Field>) => f.total.recognised,
    },
  ];
  const scale = countAxis(Math.max(0, ...fields.map((f) => f.total.registrations)));
  const width = (v: number) => coord((Math.min(v, scale.max) / scale.max) * (FIELD_X1 - FIELD_X0));
  const height = FIELD_TOP + fields.length * FIELD_ROW;
  const describe = (f: StageBreakdown<Field>) =>
    `${FIELD_LABEL[f.key]}: ${formatNumber(f.total.registrations)} đăng ký, ${formatNumber(f.total.recognised)} được công nhận`;
  return (
    <svg
      class={`chart stage-chart ${id}`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
    >
      <title id={`${id}-title`}>{props.title}</title>
      <desc id={`${id}-desc`}>{`${fields.map(describe).join(". ")}.`}</desc>
      <Legend series={series} y={12} x0={FIELD_X0} />
      {fields.map((f, i) => {
        const y = FIELD_TOP + i * FIELD_ROW;
        return (
          <g class="field" data-field={f.key}>
            <title>{describe(f)}</title>
            <text x={FIELD_X0} y={y + 14} font-size="12" font-weight="600" fill={COLOURS.ink}>
              {FIELD_LABEL[f.key]}
            </text>
            {series.map((s, j) => {
              const by = y + 20 + j * 15;
              const w = width(s.value(f));
              return (
                <>
                  <rect x={FIELD_X0} y={by} width={FIELD_X1 - FIELD_X0} height={12} fill={COLOURS.track} />
                  <rect class={`bar ${s.cls}`} x={FIELD_X0} y={by} width={w} height={12} fill={s.colour} />
                  <text
                    class={`value ${s.cls}`}
                    x={FIELD_X1 + 6}
                    y={by + 11}
                    font-size="12"
                    font-weight="700"
                    fill={COLOURS.ink}
                  >
                    {formatNumber(s.value(f))}
                  </text>
                </>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}

/** The colour key of a chart's series, on one line. */
function Legend(props: { series: readonly { label: string; colour: string }[]; y: number; x0?: number }) {
  let x = props.x0 ?? X0;
  return (
    <g class="legend">
      {props.series.map((s) => {
        const at = x;
        x += 26 + s.label.length * 6.6;
        return (
          <>
            <rect x={at} y={props.y - 9} width={11} height={11} fill={s.colour} />
            <text x={at + 15} y={props.y} font-size="12" fill={COLOURS.ink}>
              {s.label}
            </text>
          </>
        );
      })}
    </g>
  );
}

function figure(v: number | null, format: (v: number) => string): string {
  return v === null ? "—" : format(v);
}

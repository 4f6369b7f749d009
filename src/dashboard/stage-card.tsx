import { formatNumber, formatPercent } from "../../scoring/format.ts";
import { FIELD_LABEL, KIND_LABEL } from "../../scoring/labels.ts";
import type { StageBreakdown, StageYear } from "../../scoring/stage.ts";
import { NO_DATA_LABEL } from "../../sheets-schema/output/stage-tab.ts";
import type { StageRun } from "../jobs/score-spreadsheet.ts";
import { formatVietnamTime } from "./format.ts";
import { Card, Scroll } from "./page.tsx";
import { FieldBarsChart, STAGE_COLOURS, YearColumnsChart, type YearSeries } from "./stage-charts.tsx";

/** The columns of the first chart: registrations (every Hình thức) and the recognised counted ones. */
const COUNT_SERIES: YearSeries[] = [
  { label: "Đăng ký", colour: STAGE_COLOURS.registrations, cls: "registrations", valueOf: (y) => y.registrations },
  { label: "Được công nhận", colour: STAGE_COLOURS.recognised, cls: "recognised", valueOf: (y) => y.recognised },
];

const SHARE_SERIES: YearSeries[] = [
  { label: "Tỷ lệ đơn vị đạt chỉ tiêu", colour: STAGE_COLOURS.share, cls: "quota-share", valueOf: (y) => y.quotaShare },
];

/** `Tổng kết giai đoạn {Y1}–{Y2}`: the stored stage review of the year shown, its charts and figures (SPEC §3.8). */
export function StageCard(props: { run: StageRun; reportHref: string }) {
  const { run } = props;
  const { stage, years, scoredYears, perYear } = run.stage;
  const scored = perYear.filter((y): y is Extract<StageYear, { kind: "scored" }> => y.kind === "scored");
  const registrations = scored.reduce((n, y) => n + y.registrations, 0);
  const recognised = scored.reduce((n, y) => n + y.recognised, 0);
  const titledOnce = run.stage.units.filter((u) => u.yearsTitled > 0).length;
  const covered = years.length === 0 ? "" : `${years[0]}–${years[years.length - 1]}`;
  return (
    <Card id="tong-ket-giai-doan" title={`Tổng kết giai đoạn ${stage.first}–${stage.last}`}>
      <p class="small review-meta">
        {`Số liệu các năm ${covered}${years.at(-1) !== stage.last ? " (giai đoạn chưa kết thúc)" : ""}, mỗi năm chấm theo “Cấu hình” hiện tại. Tổng kết lúc ${formatVietnamTime(run.startedAt)}. `}
        <a class="no-print" href={props.reportHref}>
          Tải báo cáo tổng kết (Word)
        </a>
      </p>
      <ul class="stats">
        <li>
          <b>{`${scoredYears.length}/${years.length}`}</b> năm có dữ liệu
        </li>
        <li>
          <b>{formatNumber(registrations)}</b> đăng ký
        </li>
        <li>
          <b>{formatNumber(recognised)}</b> được công nhận
        </li>
        <li>
          <b>{formatNumber(titledOnce)}</b> đơn vị được đề xuất “Dân vận khéo” ít nhất một năm
        </li>
      </ul>
      <div class="stage-charts">
        <figure class="stage-figure">
          <figcaption>
            <h3>Đăng ký và được công nhận theo năm</h3>
          </figcaption>
          <YearColumnsChart
            id="stage-years"
            title="Số đăng ký và số được công nhận mỗi năm của giai đoạn"
            years={perYear}
            series={COUNT_SERIES}
            axis="count"
          />
        </figure>
        <figure class="stage-figure">
          <figcaption>
            <h3>Tỷ lệ đơn vị đạt chỉ tiêu theo năm</h3>
          </figcaption>
          <YearColumnsChart
            id="stage-quota"
            title="Tỷ lệ đơn vị đạt chỉ tiêu mô hình, điển hình mỗi năm của giai đoạn"
            years={perYear}
            series={SHARE_SERIES}
            axis="share"
          />
        </figure>
        <figure class="stage-figure">
          <figcaption>
            <h3>{`Theo lĩnh vực, cả giai đoạn ${covered}`}</h3>
          </figcaption>
          <FieldBarsChart
            id="stage-fields"
            title={`Số đăng ký và số được công nhận theo lĩnh vực, các năm ${covered}`}
            fields={run.stage.byField}
          />
        </figure>
      </div>
      <p class="small muted">
        “Đăng ký”: mọi hình thức (xây dựng mới, nhân rộng, duy trì). “Được công nhận”: mô hình, điển hình tính chỉ tiêu
        (xây dựng mới, nhân rộng) được công nhận. Năm không có dòng đăng ký nào ghi “{NO_DATA_LABEL}”, không tính là 0.
      </p>
      <YearTable years={perYear} />
      <details class="no-print">
        <summary>Xem theo lĩnh vực và loại, từng năm (dạng bảng)</summary>
        <BreakdownTable years={years} fields={run.stage.byField} kinds={run.stage.byKind} />
      </details>
    </Card>
  );
}

/** The district's figures per year of the stage, the figures of the charts as text. */
function YearTable(props: { years: readonly StageYear[] }) {
  return (
    <Scroll label="Số liệu theo năm của giai đoạn">
      <table class="stage-years">
        <thead>
          <tr>
            <th scope="col">Năm</th>
            <th scope="col" class="num">
              Đăng ký
            </th>
            <th scope="col" class="num">
              Tính chỉ tiêu
            </th>
            <th scope="col" class="num">
              Được công nhận
            </th>
            <th scope="col" class="num">
              Đơn vị đạt chỉ tiêu
            </th>
            <th scope="col" class="num">
              Đề xuất “Dân vận khéo”
            </th>
            <th scope="col" class="num">
              Tiêu biểu
            </th>
          </tr>
        </thead>
        <tbody>
          {props.years.map((y) =>
            y.kind === "scored" ? (
              <tr data-year={String(y.year)}>
                <th scope="row">{String(y.year)}</th>
                <td class="num">{formatNumber(y.registrations)}</td>
                <td class="num">{formatNumber(y.counted)}</td>
                <td class="num">{formatNumber(y.recognised)}</td>
                <td class="num">
                  {y.quotaShare === null
                    ? "—"
                    : `${formatNumber(y.unitsQuotaMet)}/${formatNumber(y.units)} (${formatPercent(y.quotaShare)})`}
                </td>
                <td class="num">{formatNumber(y.unitsTitled)}</td>
                <td class="num">{formatNumber(y.unitsExemplary)}</td>
              </tr>
            ) : (
              <tr data-year={String(y.year)} class="no-data">
                <th scope="row">{String(y.year)}</th>
                <td colspan={6} class="muted">
                  {NO_DATA_LABEL}
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </Scroll>
  );
}

/** Registrations / recognised per field and per kind, each year and over the stage. */
function BreakdownTable(props: {
  years: readonly number[];
  fields: readonly StageBreakdown<keyof typeof FIELD_LABEL>[];
  kinds: readonly StageBreakdown<keyof typeof KIND_LABEL>[];
}) {
  const rows = [
    ...props.fields.map((f) => ({ label: FIELD_LABEL[f.key], line: f })),
    ...props.kinds.map((k) => ({ label: KIND_LABEL[k.key], line: k })),
  ];
  return (
    <Scroll label="Đăng ký và được công nhận theo lĩnh vực và loại">
      <table class="stage-breakdown">
        <caption class="small muted">Mỗi ô: số đăng ký / số được công nhận.</caption>
        <thead>
          <tr>
            <th scope="col">Lĩnh vực, loại</th>
            {props.years.map((y) => (
              <th scope="col" class="num">
                {String(y)}
              </th>
            ))}
            <th scope="col" class="num">
              Cả giai đoạn
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr class={i === props.fields.length ? "first-kind" : undefined}>
              <th scope="row">{r.label}</th>
              {r.line.perYear.map((c) => (
                <td class="num">
                  {c === null ? (
                    <span class="muted">{NO_DATA_LABEL}</span>
                  ) : (
                    `${formatNumber(c.registrations)} / ${formatNumber(c.recognised)}`
                  )}
                </td>
              ))}
              <td class="num">{`${formatNumber(r.line.total.registrations)} / ${formatNumber(r.line.total.recognised)}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Scroll>
  );
}

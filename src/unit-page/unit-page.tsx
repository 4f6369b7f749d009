import { formatNumber } from "../../scoring/format.ts";
import {
  CRITERION_LABEL,
  FIELD_LABEL,
  FORM_LABEL,
  KIND_LABEL,
  NOT_IN_TITLE_LABEL,
  UNIT_TYPE_LABEL,
  criterionVerdictLabel,
  noTitleReasonLabel,
  titleCellLabel,
  yesNoLabel,
} from "../../scoring/labels.ts";
import type { RegistrationVerdict } from "../../scoring/types.ts";
import type { DataError } from "../../sheets-schema/types.ts";
import { formatVietnamTime } from "../dashboard/format.ts";
import { Card, Page } from "../dashboard/page.tsx";
import { TitleBadge } from "../dashboard/ranking-table.tsx";
import { errorCellHref } from "../dashboard/sheet-links.ts";
import { dashboardHref } from "../dashboard/view-model.ts";
import type { UnitPageData } from "./load.ts";
import { explainScore, quotaRule, scoreInputs } from "./score-explanation.ts";
import type { StageYear, StoredRun, UnitView } from "./view-model.ts";

/** One unit's page (SPEC §6 `GET /don-vi/{Mã đơn vị}?year=Y`): why it stands where it does, and what to fix. */
export function UnitPage(props: { data: UnitPageData }) {
  const { data } = props;
  const { unit } = data.view;
  const { stage } = data;
  return (
    <Page title={`${unit.unit.name} – Dân vận khéo năm ${data.year}`} css={CSS}>
      <header class="top">
        <p class="small no-print">
          <a href={dashboardHref(data.year, data.askedSpreadsheetId)}>← Kết quả chấm điểm năm {data.year}</a>
        </p>
        <h1>{unit.unit.name}</h1>
        <p class="small">{`Mã đơn vị ${unit.unit.code} · ${UNIT_TYPE_LABEL[unit.unit.type]} · ${unit.group}`}</p>
      </header>
      <main>
        <Standing data={data} />
        <ScoreCard view={data.view} />
        <Card id="canh-bao" title="Cảnh báo">
          {unit.flags.length === 0 ? (
            <p class="muted">Không có cảnh báo.</p>
          ) : (
            <ul class="flags">
              {unit.flags.map((f) => (
                <li data-flag={f.code}>{f.message}</li>
              ))}
            </ul>
          )}
        </Card>
        <Card id="dang-ky" title={`Đăng ký năm ${data.year} (${data.view.registrations.length})`}>
          <Registrations run={data.run} registrations={data.view.registrations} />
        </Card>
        <Card id="loi-du-lieu" title={`Lỗi dữ liệu của đơn vị (${data.view.errors.length})`}>
          <UnitErrors run={data.run} errors={data.view.errors} />
        </Card>
        <Card id="giai-doan" title={`Quá trình giai đoạn ${stage.first}–${stage.last}`}>
          <History history={data.history} year={data.year} />
        </Card>
      </main>
      <footer>
        Kết quả lần chấm điểm lúc {formatVietnamTime(data.run.startedAt)} (mã lần chấm <code>{data.run.runId}</code>).
      </footer>
    </Page>
  );
}

/** Rank, score, quota, title and Lý do: the facts a reviewer asks first, readable on a phone without scrolling. */
function Standing(props: { data: UnitPageData }) {
  const { unit, groupSize, rules } = props.data.view;
  const reason = noTitleReasonLabel(unit.reason);
  const quota = quotaRule(unit, rules);
  return (
    <Card id="ket-qua" title={`Kết quả năm ${props.data.year}`}>
      <dl class="facts">
        <div>
          <dt>Hạng trong {unit.group}</dt>
          <dd class="big" data-fact="rank">{`${unit.rank}/${groupSize}`}</dd>
        </div>
        <div>
          <dt>Điểm</dt>
          <dd class="big" data-fact="score">
            {formatNumber(unit.score)}
          </dd>
        </div>
        <div>
          <dt>Đạt chỉ tiêu</dt>
          <dd data-fact="quota">
            <span class={`badge ${unit.quotaMet ? "met" : "not-met"}`}>{yesNoLabel(unit.quotaMet)}</span>
            {quota ? <div class="small muted">{quota}</div> : null}
          </dd>
        </div>
        <div>
          <dt>Đề xuất danh hiệu</dt>
          <dd data-fact="title">
            {unit.takesPartInTitle ? <TitleBadge title={unit.title} /> : <span>{NOT_IN_TITLE_LABEL}</span>}
          </dd>
        </div>
        {reason && unit.reason?.code !== "notTakingPart" ? (
          <div class="wide">
            <dt>Lý do</dt>
            <dd data-fact="reason">{reason}</dd>
          </div>
        ) : null}
        <div class="wide">
          <dt>Cụm thi đua</dt>
          <dd>{unit.unit.cluster ?? `Không ghi cụm – xếp hạng trong nhóm ${unit.group}`}</dd>
        </div>
      </dl>
    </Card>
  );
}

/** The four parts of the score, each with its rule in words and the unit's own figures (§3.7). */
function ScoreCard(props: { view: UnitView }) {
  const { unit, rules } = props.view;
  const parts = explainScore(unit, rules);
  return (
    <Card id="cach-tinh-diem" title="Điểm được tính thế nào">
      <ol class="parts">
        {parts.map((p) => (
          <li data-part={p.part}>
            <div class="part-head">
              <span>{p.label}</span>
              <b>{formatNumber(p.value)}</b>
            </div>
            <div class="small muted">{p.rule}</div>
            {p.working ? <div class="small working">{p.working}</div> : null}
          </li>
        ))}
      </ol>
      <p class="total">
        {`Điểm = ${parts.map((p) => formatNumber(p.value)).join(" + ")} ≈ `}
        <b>{formatNumber(unit.score)}</b>
      </p>
      <p class="small muted">
        Mỗi phần được làm tròn 2 chữ số nên tổng các phần có thể lệch điểm 0,01. Trọng số và mục tiêu lấy từ trang tính
        “Cấu hình” lúc chấm.
      </p>
      <dl class="inputs small">
        {scoreInputs(unit, rules).map((i) => (
          <div data-input={i.letter}>
            <dt>{`${i.letter} = ${i.value}`}</dt>
            <dd>{i.meaning}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

/** Each registration of the year with every criterion in force, Công nhận and why not. */
function Registrations(props: { run: StoredRun; registrations: readonly RegistrationVerdict[] }) {
  if (props.registrations.length === 0) {
    return <p class="muted">Không có dòng đăng ký nào của năm này được chấm (xem cảnh báo và lỗi dữ liệu).</p>;
  }
  return (
    <div class="registrations">
      {props.registrations.map((v) => {
        const r = v.registration;
        const failed = v.criteria.filter((c) => !c.passed);
        return (
          <article class="registration" data-model={r.modelId ?? ""} data-row={String(r.ref.row)}>
            <h3>{r.name}</h3>
            <p class="small muted">
              {[r.modelId ?? "Không có mã mô hình", KIND_LABEL[r.kind], FIELD_LABEL[r.field], FORM_LABEL[r.form]].join(
                " · ",
              )}
              {v.counted ? null : " · không tính chỉ tiêu"}
            </p>
            <ul class="criteria">
              {props.run.criteriaInForce.map((criterion) => {
                const verdict = v.criteria.find((c) => c.criterion === criterion);
                if (!verdict) return null;
                return (
                  <li data-criterion={criterion}>
                    <span class={`badge ${verdict.passed ? "met" : "not-met"}`}>
                      {criterionVerdictLabel(verdict.passed)}
                    </span>{" "}
                    {CRITERION_LABEL[criterion]}
                    {verdict.passed ? null : <span class="small">{`: ${verdict.reason}`}</span>}
                  </li>
                );
              })}
            </ul>
            <p class="recognised">
              Công nhận: <span class={`badge ${v.recognised ? "met" : "not-met"}`}>{yesNoLabel(v.recognised)}</span>
              {failed.length > 0 ? (
                <span class="small">{` – Lý do: ${failed.map((c) => c.reason).join("; ")}`}</span>
              ) : null}
            </p>
          </article>
        );
      })}
    </div>
  );
}

/** The data errors of the unit's rows, each cell a link to it in Google Sheets. */
function UnitErrors(props: { run: StoredRun; errors: readonly DataError[] }) {
  if (props.errors.length === 0) {
    return <p class="muted">Không có lỗi dữ liệu ở các dòng của đơn vị này.</p>;
  }
  return (
    <>
      <p class="small">
        Các dòng này không được tính khi chấm điểm. Sửa ô tương ứng trong bảng tính rồi chấm điểm lại.
      </p>
      <ul class="unit-errors">
        {props.errors.map((e) => (
          <li>
            <a class="cell" href={errorCellHref(props.run, e)} rel="noopener" target="_blank">
              {e.cell}
            </a>
            {e.sourceName ? <span class="small muted">{` (${e.sourceName})`}</span> : null}
            <span class="small">
              {" Giá trị: "}
              {e.value === "" ? <span class="muted">(trống)</span> : <code>{e.value}</code>}
            </span>
            <div>{e.message}</div>
          </li>
        ))}
      </ul>
    </>
  );
}

/** One line per year of the stage: counted, recognised, score, rank and title, or “chưa chấm”. */
function History(props: { history: readonly StageYear[]; year: number }) {
  return (
    <table class="history">
      <thead>
        <tr>
          <th scope="col">Năm</th>
          <th class="num" scope="col" title="Được công nhận / số tính chỉ tiêu">
            Công nhận
          </th>
          <th class="num" scope="col">
            Điểm
          </th>
          <th class="num" scope="col">
            Hạng
          </th>
          <th scope="col">Đề xuất danh hiệu</th>
        </tr>
      </thead>
      <tbody>
        {props.history.map((h) => (
          <tr data-year={String(h.year)} aria-current={h.year === props.year ? "true" : undefined}>
            <th scope="row">{String(h.year)}</th>
            <HistoryCells entry={h} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function HistoryCells(props: { entry: StageYear }) {
  const h = props.entry;
  switch (h.kind) {
    case "scored": {
      const f = h.figures;
      return (
        <>
          <td class="num">{`${f.recognised}/${f.counted}`}</td>
          <td class="num">{formatNumber(f.score)}</td>
          <td class="num">{`${f.rank}/${f.groupSize}`}</td>
          <td>{titleCellLabel(f) || "—"}</td>
        </>
      );
    }
    case "absent":
      return (
        <td colspan={4} class="muted">
          Đơn vị chưa có trong danh sách đơn vị năm này
        </td>
      );
    case "notScored":
      return (
        <td colspan={4} class="muted">
          chưa chấm
        </td>
      );
    default: {
      const unknown: never = h;
      return <td colspan={4}>{String(unknown)}</td>;
    }
  }
}

const CSS = `
dl.facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:8px;margin:0}
dl.facts>div{border:1px solid #d0d7de;border-radius:8px;padding:8px 10px;background:#fafbfc;min-width:0}
dl.facts>div.wide{grid-column:1/-1}
dl.facts dt{font-size:.88rem;color:#57606a}
dl.facts dd{margin:2px 0 0;overflow-wrap:anywhere}
dl.facts dd.big{font-size:1.5rem;font-weight:700;line-height:1.2}
dl.facts dd .badge{white-space:normal;border-radius:8px}
ol.parts{list-style:none;margin:0;padding:0;display:grid;gap:8px}
ol.parts li{border-left:4px solid #0b5cad;padding:4px 10px;background:#f6f8fa;border-radius:0 6px 6px 0}
.part-head{display:flex;justify-content:space-between;gap:8px;font-weight:600}
.working{font-variant-numeric:tabular-nums;overflow-wrap:anywhere}
p.total{font-size:1.05rem;margin:10px 0 4px;overflow-wrap:anywhere}
dl.inputs{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,220px),1fr));gap:2px 16px;margin:8px 0 0}
dl.inputs dt{font-weight:600}
dl.inputs dd{margin:0 0 4px;color:#57606a}
ul.flags,ul.unit-errors{margin:0;padding-left:1.2em}
ul.unit-errors li{margin:0 0 8px;overflow-wrap:anywhere}
ul.unit-errors a.cell{white-space:normal}
.registrations{display:grid;gap:10px}
article.registration{border:1px solid #d0d7de;border-radius:8px;padding:8px 12px}
article.registration h3{overflow-wrap:anywhere}
article.registration p{margin:2px 0}
ul.criteria{list-style:none;margin:6px 0;padding:0}
ul.criteria li{margin:3px 0;overflow-wrap:anywhere}
table.history{width:100%}
table.history thead th{white-space:normal}
ul.unit-errors code,footer code{white-space:normal;overflow-wrap:anywhere}
table.history tr[aria-current]{background:#fff8c5}
@media (max-width:600px){table.history th,table.history td{padding:6px 4px}table.history{font-size:.88rem}}
`;

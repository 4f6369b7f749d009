import type { ScoreRun } from "../jobs/score-spreadsheet.ts";
import type { RunRecord } from "../scorer/result-store.ts";
import { formatDuration, formatVietnamTime } from "./format.ts";
import { Scroll } from "./page.tsx";

/** A failed run, never silent: when, for which year, who asked, and Google's or the sheet's problem in Vietnamese. */
export function FailedRunBanner(props: { run: RunRecord; shownYear: number; hasResult: boolean }) {
  const { run } = props;
  const sameYear = run.year === props.shownYear;
  return (
    <div class="banner failed-run" role="alert">
      <p>
        <strong>{`Lần chấm điểm năm ${run.year} lúc ${formatVietnamTime(run.at)} không thành công`}</strong>
        {` (${run.caller}${run.dryRun ? ", chạy thử" : ""}, mã lỗi ${run.status}).`}
      </p>
      <p>{run.message}</p>
      <p class="small">
        {sameYear && props.hasResult
          ? "Số liệu dưới đây là của lần chấm điểm thành công trước đó; bảng tính không bị ghi dở dang. Hãy sửa nguyên nhân rồi chấm điểm lại."
          : "Không có gì được ghi vào bảng tính. Hãy sửa nguyên nhân rồi chấm điểm lại."}
      </p>
    </div>
  );
}

/** "Chấm điểm lúc … do … yêu cầu": where the figures on the page come from. */
export function ScoredAt(props: { run: ScoreRun }) {
  const { run } = props;
  return (
    <p class="scored-at">
      {`Chấm điểm lúc ${formatVietnamTime(run.startedAt)} do ${run.caller} yêu cầu, trong ${formatDuration(run.durationMs)}.`}{" "}
      <span class="muted small">
        Mã lần chấm: <code>{run.runId}</code>
      </span>
    </p>
  );
}

/** The recent runs of this spreadsheet, newest first, successes and failures alike. */
export function RunHistory(props: { runs: readonly RunRecord[] }) {
  if (props.runs.length === 0) return <p class="muted small">Chưa có lần chấm điểm nào.</p>;
  return (
    <details>
      <summary>Các lần chấm điểm gần đây</summary>
      <Scroll label="Các lần chấm điểm gần đây">
        <table class="runs small">
          <thead>
            <tr>
              <th scope="col">Thời điểm</th>
              <th class="num" scope="col">
                Năm
              </th>
              <th scope="col">Người yêu cầu</th>
              <th scope="col">Kết quả</th>
            </tr>
          </thead>
          <tbody>
            {props.runs.map((r) => (
              <tr>
                <td>{formatVietnamTime(r.at)}</td>
                <td class="num">{r.year}</td>
                <td>{r.caller}</td>
                <td>
                  <span class={`badge ${r.ok ? "met" : "not-met"}`}>{r.ok ? "Thành công" : `Lỗi ${r.status}`}</span>{" "}
                  {r.message}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
    </details>
  );
}

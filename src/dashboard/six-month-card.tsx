import { formatDate, formatNumber } from "../../scoring/format.ts";
import { FIELD_LABEL, FORM_LABEL, KIND_LABEL, UNIT_TYPE_LABEL } from "../../scoring/labels.ts";
import type { SixMonthCount } from "../../scoring/six-month.ts";
import type { SixMonthRun } from "../jobs/score-spreadsheet.ts";
import { formatShareOf, formatVietnamTime } from "./format.ts";
import { Card, Scroll } from "./page.tsx";
import type { UnitLinks } from "./ranking-table.tsx";
import { unitPageHref } from "./unit-link.ts";

/**
 * `Sơ kết 6 tháng {Y}`: the stored six-month review of the year shown (SPEC §3.8) — what was registered and reported
 * by the cut-off, the counts by field, kind and form, and the units with nothing registered (folded behind their
 * count). `links`: the unit pages, when the year has an annual result for them to show.
 */
export function SixMonthCard(props: { run: SixMonthRun; reportHref: string; links: UnitLinks | null }) {
  const { run, links } = props;
  const r = run.sixMonth;
  const without = r.units.filter((u) => u.registered === 0);
  // Registrations of the year the review could not count: dated after the cut-off, or not dated.
  const left = [
    r.afterCutoff > 0 ? `${formatNumber(r.afterCutoff)} đăng ký sau ngày sơ kết` : "",
    r.undated > 0 ? `${formatNumber(r.undated)} đăng ký không ghi ngày đăng ký` : "",
  ].filter((t) => t !== "");
  return (
    <Card id="so-ket-6-thang" title={`Sơ kết 6 tháng ${r.year}`}>
      <p class="small review-meta">
        {`Số liệu đến ngày sơ kết ${formatDate(r.cutoff)}. Sơ kết lúc ${formatVietnamTime(run.startedAt)}; sơ kết chỉ đếm, chưa xét công nhận hay danh hiệu. `}
        <a class="no-print" href={props.reportHref}>
          Tải báo cáo sơ kết (Word)
        </a>
      </p>
      <ul class="stats">
        <li>
          <b>{formatNumber(r.registered)}</b> đăng ký đến ngày sơ kết
        </li>
        <li>
          <b>{formatShareOf(r.reported, r.registered)}</b> đã báo cáo
        </li>
        <li>
          <b>{formatShareOf(r.units.length - r.unitsWithout, r.units.length)}</b> đơn vị đã đăng ký
        </li>
        <li>
          <b>{formatNumber(r.unitsWithout)}</b> đơn vị chưa đăng ký
        </li>
      </ul>
      {left.length > 0 ? <p class="small muted">{`${left.join(" và ")} không được tính ở trên.`}</p> : null}
      <div class="six-month-counts">
        <CountTable caption="Theo lĩnh vực" counts={r.byField} label={(k) => FIELD_LABEL[k]} />
        <CountTable caption="Theo loại" counts={r.byKind} label={(k) => KIND_LABEL[k]} />
        <CountTable caption="Theo hình thức" counts={r.byForm} label={(k) => FORM_LABEL[k]} />
      </div>
      {without.length === 0 ? (
        <p class="muted">Mọi đơn vị đã có đăng ký đến ngày sơ kết.</p>
      ) : (
        <details class="units-without">
          <summary>{`Xem ${formatNumber(without.length)} đơn vị chưa đăng ký đến ngày sơ kết`}</summary>
          <ul class="units-without">
            {without.map((u) => (
              <li data-unit={u.unit.code}>
                {links ? (
                  <a class="unit-link" href={unitPageHref(u.unit.code, links.year, links.askedSpreadsheetId)}>
                    {u.unit.name}
                  </a>
                ) : (
                  u.unit.name
                )}
                <span class="muted small">{` (${u.unit.code}) · ${u.unit.cluster ?? UNIT_TYPE_LABEL[u.unit.type]}`}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </Card>
  );
}

/** Registrations and reported ones by one closed set, with a total line. */
function CountTable<K extends string>(props: {
  caption: string;
  counts: readonly SixMonthCount<K>[];
  label: (key: K) => string;
}) {
  const total = props.counts.reduce(
    (t, c) => ({ registered: t.registered + c.registered, reported: t.reported + c.reported }),
    { registered: 0, reported: 0 },
  );
  return (
    <Scroll label={props.caption}>
      <table class="six-month-count">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col"></th>
            <th scope="col" class="num">
              Đăng ký
            </th>
            <th scope="col" class="num">
              Đã báo cáo
            </th>
          </tr>
        </thead>
        <tbody>
          {props.counts.map((c) => (
            <tr data-key={c.key}>
              <th scope="row">{props.label(c.key)}</th>
              <td class="num">{formatNumber(c.registered)}</td>
              <td class="num">{formatNumber(c.reported)}</td>
            </tr>
          ))}
          <tr class="total">
            <th scope="row">Tổng cộng</th>
            <td class="num">{formatNumber(total.registered)}</td>
            <td class="num">{formatNumber(total.reported)}</td>
          </tr>
        </tbody>
      </table>
    </Scroll>
  );
}

import { formatGoal, formatNumber } from "../../scoring/format.ts";
import { TITLE_LABEL } from "../../scoring/labels.ts";
import type { ScoreRun } from "../jobs/score-spreadsheet.ts";
import { CommuneChart } from "./commune-chart.tsx";
import { formatShareOf } from "./format.ts";
import type { DashboardData } from "./load.ts";
import { DataErrorList, ReviewList, TeamFlagList, unitNames } from "./lists.tsx";
import { Card, Page } from "./page.tsx";
import { ProposedList } from "./proposed-list.tsx";
import { RankingSection, type UnitLinks } from "./ranking-table.tsx";
import { reportHref } from "./report-link.ts";
import { RescoreForm, type RescoreMode } from "./rescore-form.tsx";
import { SixMonthCard } from "./six-month-card.tsx";
import { StageCard } from "./stage-card.tsx";
import { FailedRunBanner, RunHistory, ScoredAt } from "./run-status.tsx";
import { proposedByGroup, rankingLayout, villagesByCommune } from "./sections.ts";
import { spreadsheetHref } from "./sheet-links.ts";
import { TargetChart } from "./target-chart.tsx";
import { UnitFilter } from "./unit-filter.tsx";
import { dashboardHref, failedRunsToShow, groupUnits, summarise, yearOptions } from "./view-model.ts";
import { VillageSummary } from "./villages.tsx";

/** The whole dashboard for one spreadsheet and year (SPEC §6 `GET /`). */
export function DashboardPage(props: { data: DashboardData; rescore: RescoreMode }) {
  const d = props.data;
  const failed = failedRunsToShow(d.recentRuns, d.year);
  return (
    <Page title={`Dân vận khéo – Kết quả chấm điểm năm ${d.year}`}>
      <header class="top">
        <h1>{`Phong trào “Dân vận khéo” – Kết quả chấm điểm năm ${d.year}`}</h1>
        {d.spreadsheetId ? <SpreadsheetLink id={d.spreadsheetId} title={d.run?.spreadsheetTitle} /> : null}
        <ReportLinks data={d} />
      </header>
      <main>
        <YearPicker data={d} />
        {failed.map((r) => (
          <FailedRunBanner run={r} shownYear={d.year} hasResult={d.run !== null} />
        ))}
        {d.spreadsheetId === null ? (
          <NoSpreadsheet />
        ) : d.run === null ? (
          <>
            <EmptyState data={d} rescore={props.rescore} />
            <ReviewCards data={d} />
          </>
        ) : (
          <Results data={d} run={d.run} rescore={props.rescore} />
        )}
      </main>
      <footer>
        <a href="/docs">Tài liệu API</a> · Trang này hiển thị kết quả đã lưu của lần chấm điểm gần nhất; bảng tính được
        chấm lại tự động mỗi đêm lúc 01:00.
      </footer>
    </Page>
  );
}

/**
 * The Word report of each review of the year that has a stored run (`GET /api/report`, SPEC §6): the annual one, the
 * six-month one, the stage one.
 */
function ReportLinks(props: { data: DashboardData }) {
  const d = props.data;
  const links = [
    d.run ? <a href={reportHref(d.year, "nam", d.askedSpreadsheetId)}>Tải báo cáo (Word)</a> : null,
    d.sixMonth ? (
      <a href={reportHref(d.year, "6-thang", d.askedSpreadsheetId)}>{`Báo cáo sơ kết 6 tháng ${d.year} (Word)`}</a>
    ) : null,
    d.stage ? (
      <a href={reportHref(d.year, "giai-doan", d.askedSpreadsheetId)}>
        {`Báo cáo tổng kết giai đoạn ${d.stage.stage.stage.first}–${d.stage.stage.stage.last} (Word)`}
      </a>
    ) : null,
  ].filter((l) => l !== null);
  if (links.length === 0) return null;
  return (
    <p class="small no-print report-links">
      {links.map((l, i) => (
        <>
          {i > 0 ? " · " : ""}
          {l}
        </>
      ))}
    </p>
  );
}

/**
 * The six-month and stage reviews of the year, when they were run (SPEC §3.8); nothing of them otherwise. Their unit
 * names link to the unit pages only when the year has an annual result for those pages to show.
 */
function ReviewCards(props: { data: DashboardData }) {
  const d = props.data;
  const links: UnitLinks | null = d.run ? { year: d.year, askedSpreadsheetId: d.askedSpreadsheetId } : null;
  return (
    <>
      {d.sixMonth ? (
        <SixMonthCard run={d.sixMonth} reportHref={reportHref(d.year, "6-thang", d.askedSpreadsheetId)} links={links} />
      ) : null}
      {d.stage ? <StageCard run={d.stage} reportHref={reportHref(d.year, "giai-doan", d.askedSpreadsheetId)} /> : null}
    </>
  );
}

/**
 * The spreadsheet by its title, linking to it in Google Sheets; its id when the title is unknown (no result yet, or
 * a result stored before titles were kept).
 */
function SpreadsheetLink(props: { id: string; title: string | undefined }) {
  const title = props.title?.trim();
  return (
    <p class="small spreadsheet">
      {"Bảng tính: "}
      <a href={spreadsheetHref(props.id)} target="_blank" rel="noopener">
        {title ? title : <code>{props.id}</code>}
      </a>
    </p>
  );
}

function YearPicker(props: { data: DashboardData }) {
  const d = props.data;
  return (
    <form class="picker card no-print" method="get" action="/">
      <div>
        <label for="year">Năm</label>
        <br />
        <select id="year" name="year">
          {yearOptions(d.storedYears, d.year, d.currentYear).map((y) => (
            <option value={String(y)} selected={y === d.year}>
              {d.storedYears.includes(y) ? String(y) : `${y} (chưa có kết quả)`}
            </option>
          ))}
        </select>
      </div>
      {d.askedSpreadsheetId ? <input type="hidden" name="spreadsheetId" value={d.askedSpreadsheetId} /> : null}
      <button type="submit" class="secondary">
        Xem
      </button>
      {d.storedYears.length > 0 ? (
        <p class="small muted" style="margin:0">
          {"Năm đã có kết quả: "}
          {d.storedYears.map((y, i) => (
            <>
              {i > 0 ? ", " : ""}
              <a href={dashboardHref(y, d.askedSpreadsheetId)} aria-current={y === d.year ? "page" : undefined}>
                {String(y)}
              </a>
            </>
          ))}
        </p>
      ) : null}
    </form>
  );
}

function NoSpreadsheet() {
  return (
    <section class="card notice" id="no-spreadsheet">
      <h2>Chưa chọn bảng tính</h2>
      <p>
        Máy chủ chưa được cấu hình bảng tính mặc định (SPREADSHEET_ID). Hãy mở trang với mã bảng tính, ví dụ{" "}
        <code>/?spreadsheetId=…</code>, hoặc đề nghị người quản trị cấu hình SPREADSHEET_ID.
      </p>
    </section>
  );
}

/** No stored result for the year yet: say so plainly and offer the way to get one. */
function EmptyState(props: { data: DashboardData; rescore: RescoreMode }) {
  const d = props.data;
  return (
    <section class="card empty-state" id="empty" aria-labelledby="empty-h">
      <h2 id="empty-h">{`Chưa có kết quả chấm điểm năm ${d.year}`}</h2>
      <p>
        Kết quả (xếp hạng, chỉ tiêu, đề xuất danh hiệu) sẽ hiện ở đây sau lần chấm điểm đầu tiên của năm này. Có hai
        cách:
      </p>
      <ul>
        <li>bấm “Chấm điểm lại” bên dưới (người được Ban Chỉ đạo giao quyền chấm điểm);</li>
        <li>hoặc chờ lần chấm điểm tự động hằng đêm lúc 01:00 (chỉ chấm năm hiện tại của bảng tính mặc định).</li>
      </ul>
      <p class="small muted">
        Trước khi chấm điểm, hãy kiểm tra các trang tính “Đơn vị”, “Đăng ký”, “Tổ, khối dân vận” và “Cấu hình” đã có số
        liệu của năm {d.year}.
      </p>
      <RescoreForm
        mode={props.rescore}
        year={d.year}
        spreadsheetId={d.spreadsheetId}
        reloadHref={dashboardHref(d.year, d.askedSpreadsheetId)}
      />
      <RunHistory runs={d.recentRuns} />
    </section>
  );
}

function Results(props: { data: DashboardData; run: ScoreRun; rescore: RescoreMode }) {
  const { data: d, run } = props;
  const s = summarise(run);
  const names = unitNames(run.units);
  const districtTargets = run.targets.filter((t) => t.communeCode === null);
  const teamTarget = run.targets.find((t) => t.id === "villageTeamsGood");
  const groups = groupUnits(run.units);
  const layout = rankingLayout(groups);
  const villages = layout.summarised.flatMap((g) => g.units);
  const villageCount = villages.length;
  const communes = villagesByCommune(
    villages,
    run.units,
    run.targets.find((t) => t.id === "villageCoverage"),
  );
  const links: UnitLinks = { year: d.year, askedSpreadsheetId: d.askedSpreadsheetId };
  return (
    <>
      <section class="card" id="tong-quan" aria-labelledby="tong-quan-h">
        <h2 id="tong-quan-h">Tổng quan</h2>
        <ScoredAt run={run} />
        <ul class="stats">
          <li>
            <b>{formatNumber(s.units)}</b> đơn vị được xếp hạng
          </li>
          <li>
            <b>{formatShareOf(s.quotaMet, s.units)}</b> đơn vị đạt chỉ tiêu
          </li>
          <li>
            <b>{formatNumber(s.proposed)}</b> đề xuất “{TITLE_LABEL.title}”, trong đó <b>{formatNumber(s.exemplary)}</b>{" "}
            tiêu biểu
          </li>
          <li>
            <b>{`${s.targetsMet}/${s.targets}`}</b> chỉ tiêu của huyện đạt
          </li>
          <li>
            <b>{formatNumber(s.dataErrors)}</b> lỗi dữ liệu
          </li>
        </ul>
        {s.tiesAtCap > 0 ? (
          <p class="notice">{`${s.tiesAtCap} đơn vị đồng hạng tại ngưỡng danh hiệu: Ban Chỉ đạo xem xét.`}</p>
        ) : null}
        {(run.failedSources ?? []).length > 0 ? (
          <p class="notice">
            {`${run.failedSources.length} nguồn dữ liệu không đọc được, dữ liệu của chúng chưa được chấm lần này: ` +
              `${run.failedSources.map((f) => f.name).join(", ")}. Xem mục Lỗi dữ liệu.`}
          </p>
        ) : null}
        <nav class="toc no-print" aria-label="Mục lục">
          <a href="#chi-tieu">Chỉ tiêu</a>
          <a href="#to-dan-van-theo-xa">Tổ dân vận theo xã</a>
          <a href="#de-xuat">Đề xuất danh hiệu</a>
          {d.sixMonth ? <a href="#so-ket-6-thang">Sơ kết 6 tháng</a> : null}
          {d.stage ? <a href="#tong-ket-giai-doan">Tổng kết giai đoạn</a> : null}
          <a href="#xep-hang">Xếp hạng</a>
          {layout.summarised.length > 0 ? <a href="#thon-theo-xa">Thôn, khu phố theo xã</a> : null}
          <a href="#to-khoi-dan-van">{`Tổ, khối dân vận cần chú ý (${run.teamFlags.length})`}</a>
          <a href="#ra-soat">{`Rà soát (${run.review.length})`}</a>
          <a href="#loi-du-lieu">{`Lỗi dữ liệu (${run.dataErrors.length})`}</a>
          <a href="#cham-diem-lai">Chấm điểm lại</a>
        </nav>
      </section>
      <Card id="chi-tieu" title="Chỉ tiêu">
        <div class="targets">
          {districtTargets.map((t, i) => (
            <TargetChart target={t} id={`target-${i}`} />
          ))}
        </div>
      </Card>
      <Card id="to-dan-van-theo-xa" title="Tỷ lệ tổ dân vận xếp loại Tốt theo xã, thị trấn">
        <CommuneChart
          communes={run.communeTeams}
          threshold={teamTarget?.goal.min ?? null}
          goal={teamTarget ? formatGoal(teamTarget.goal, teamTarget.unit) : ""}
        />
      </Card>
      <Card id="de-xuat" title="Đề xuất danh hiệu theo cụm thi đua">
        <p class="small muted">
          Chỉ các đơn vị được đề xuất “{TITLE_LABEL.title}” (kể cả tiêu biểu) hoặc đồng hạng tại ngưỡng; xếp hạng đầy đủ
          ở mục Xếp hạng.
        </p>
        <ProposedList groups={proposedByGroup(groups)} links={links} />
      </Card>
      <ReviewCards data={d} />
      <Card id="xep-hang" title="Xếp hạng theo cụm thi đua" noPrint>
        <UnitFilter />
        <p class="small muted">
          Xếp hạng trong từng cụm theo điểm; đơn vị bằng điểm cùng hạng. “Được công nhận”: số mô hình, điển hình được
          công nhận trên số tính chỉ tiêu (xây dựng mới, nhân rộng). Bấm tên cụm để mở hoặc đóng.
        </p>
        {layout.sections.map((g, i) => (
          <RankingSection section={g} index={i} open={layout.open} links={links} />
        ))}
        {layout.summarised.length > 0 ? (
          <p class="small">
            <a href="#thon-theo-xa">{`${formatNumber(villageCount)} thôn, khu phố`}</a>
            {" không xét danh hiệu: tóm tắt theo xã ở mục “Thôn, khu phố theo xã, thị trấn”."}
          </p>
        ) : null}
      </Card>
      {layout.summarised.length > 0 ? (
        <Card id="thon-theo-xa" title="Thôn, khu phố theo xã, thị trấn" noPrint>
          <VillageSummary communes={communes} groups={layout.summarised.map((g) => g.group)} links={links} />
        </Card>
      ) : null}
      <Card noPrint id="to-khoi-dan-van" title="Tổ, khối dân vận cần chú ý">
        <TeamFlagList flags={run.teamFlags} names={names} links={links} />
      </Card>
      <Card noPrint id="ra-soat" title="Rà soát mô hình, điển hình">
        <ReviewList items={run.review} names={names} links={links} />
      </Card>
      <Card noPrint id="loi-du-lieu" title="Lỗi dữ liệu">
        <DataErrorList errors={run.dataErrors} run={run} />
      </Card>
      <Card noPrint id="cham-diem-lai" title="Chấm điểm lại">
        <RescoreForm
          mode={props.rescore}
          year={d.year}
          spreadsheetId={d.spreadsheetId}
          reloadHref={dashboardHref(d.year, d.askedSpreadsheetId)}
        />
        <RunHistory runs={d.recentRuns} />
      </Card>
    </>
  );
}

import type { Child } from "hono/jsx";
import { raw } from "hono/html";

/**
 * The frame of every HTML page: Vietnamese, readable on a phone, no external asset (Google's and CDNs' hosts may be
 * unreachable). The CSS is a constant of this file; nothing from the data is ever written unescaped.
 */
export function Page(props: {
  title: string;
  children: Child;
  /** A page's own rules, after the shared ones. */
  css?: string;
}) {
  return (
    <>
      {raw("<!DOCTYPE html>")}
      <html lang="vi">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          {/* No icon file: without this line every browser asks for /favicon.ico and gets a 404. */}
          <link rel="icon" href="data:," />
          <title>{props.title}</title>
          <style dangerouslySetInnerHTML={{ __html: props.css ? CSS + props.css : CSS }} />
        </head>
        <body>{props.children}</body>
      </html>
    </>
  );
}

/**
 * A section of the page with its heading and an anchor for the table of contents; `noPrint`: left out of the
 * printed overview (which keeps the overview, the targets and the proposed titles).
 */
export function Card(props: { id: string; title: string; noPrint?: boolean; children: Child }) {
  return (
    <section class={props.noPrint ? "card no-print" : "card"} id={props.id} aria-labelledby={`${props.id}-h`}>
      <h2 id={`${props.id}-h`}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** A wide table that scrolls sideways on a narrow screen instead of squeezing its columns. */
export function Scroll(props: { label: string; children: Child }) {
  return (
    <section class="scroll" aria-label={props.label} tabindex={0}>
      {props.children}
    </section>
  );
}

/** Lists longer than this are folded behind their count (a province has thousands of rows to review). */
export const FOLD_LISTS_OVER = 20;

/**
 * A list shown as it is when short (`over`: at most FOLD_LISTS_OVER rows), and behind a `<details>` that says how many
 * rows it holds when long: the page
 * stays a few screens at province size, and every row is one click away.
 */
export function Foldable(props: { count: number; summary: string; over?: number; children: Child }) {
  if (props.count <= (props.over ?? FOLD_LISTS_OVER)) return <>{props.children}</>;
  return (
    <details class="long-list">
      <summary>{props.summary}</summary>
      {props.children}
    </details>
  );
}

/** Colours shared by the charts and the badges (Đạt: green; Chưa đạt: red-orange). */
export const COLOURS = {
  met: "#1a7f37",
  notMet: "#d1452b",
  track: "#e7ebef",
  band: "#b7e4c2",
  ink: "#1f2328",
  muted: "#57606a",
};

const CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif;color:#1f2328;background:#f3f4f6}
a{color:#0b5cad}
header.top{background:#9b1c1c;color:#fff;padding:12px 16px}
header.top h1{margin:0;font-size:1.3rem;line-height:1.3}
header.top p{margin:4px 0 0;opacity:.95}
header.top a{color:#fff}
main{max-width:1120px;margin:0 auto;padding:12px}
.card{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:12px 16px;margin:12px 0}
.card h2{margin:0 0 8px;font-size:1.2rem}
h3{font-size:1.02rem;margin:0 0 4px}
.muted{color:#57606a}
.small{font-size:.88rem}
nav.toc{display:flex;flex-wrap:wrap;gap:6px 14px;font-size:.95rem;margin-top:10px}
form.picker{display:flex;flex-wrap:wrap;align-items:end;gap:8px}
label{font-weight:600}
select,input[type=password],input[type=text]{font:inherit;padding:6px 8px;border:1px solid #8c959f;border-radius:6px;min-height:40px;max-width:100%}
button{font:inherit;font-weight:600;padding:8px 16px;min-height:40px;border-radius:6px;border:1px solid #0b5cad;background:#0b5cad;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#0b5cad}
button:disabled{opacity:.6;cursor:progress}
.banner{border:1px solid #d1452b;border-left:6px solid #d1452b;background:#fff4ef;border-radius:8px;padding:10px 14px;margin:12px 0}
.banner strong{color:#9a2c12}
.notice{border-left:6px solid #0b5cad;background:#eef6ff;border-radius:8px;padding:10px 14px;margin:12px 0}
.stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:8px;margin:0;padding:0;list-style:none}
.stats li{border:1px solid #d0d7de;border-radius:8px;padding:8px 10px;background:#fafbfc}
.stats li>b:first-child{display:block;font-size:1.4rem;line-height:1.2}
.targets{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,330px),1fr));gap:12px}
.target{border:1px solid #d0d7de;border-radius:8px;padding:10px 12px;margin:0}
.target figcaption{display:flex;justify-content:space-between;align-items:start;gap:8px}
svg.chart{display:block;width:100%;height:auto;max-width:760px}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;max-width:100%}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
table{border-collapse:collapse;width:100%;font-size:.94rem}
caption{text-align:left;font-weight:600;padding:4px 0}
th,td{padding:6px 8px;border-bottom:1px solid #d8dee4;text-align:left;vertical-align:top}
thead th{background:#eef1f4;white-space:nowrap;position:sticky;top:0}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.name{min-width:12em}
td.flags{min-width:16em}
td ul{margin:0;padding-left:1.1em}
code,.cell{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;white-space:nowrap}
.badge{display:inline-block;padding:1px 8px;border-radius:999px;font-size:.85rem;font-weight:600;white-space:nowrap;border:1px solid transparent}
.badge.met{background:#dafbe1;color:#116329;border-color:#9be9a8}
.badge.not-met{background:#ffe6dc;color:#9a2c12;border-color:#f5b39d}
.badge.exemplary{background:#fff1b8;color:#6b4200;border-color:#d4a72c}
.badge.title{background:#ddf4ff;color:#0a3069;border-color:#80ccff}
.badge.tie{background:#fbefff;color:#6e2b91;border-color:#d8b9ff;white-space:normal}
details>summary{cursor:pointer;font-weight:600;margin:4px 0}
.group{margin:14px 0}
.rescore .row{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.status{margin:8px 0 0;min-height:1.5em}
.status.error{color:#9a2c12;font-weight:600}
footer{max-width:1120px;margin:0 auto;padding:8px 12px 24px;color:#57606a;font-size:.88rem}
@media (max-width:600px){body{font-size:15px}main{padding:6px}.card{padding:10px;margin:8px 0}header.top h1{font-size:1.12rem}}
/* Phone: a table wider than the screen scrolls sideways with readable columns, not one word a line. */
@media (max-width:600px){.scroll td:not(.num){min-width:9em}}
/* Phone: one data error a block, the cell and its value then what is wrong (the tab is in the cell's name). */
@media (max-width:600px){
.scroll table.data-errors thead,.scroll table.data-errors td:first-child{display:none}
.scroll table.data-errors tr{display:block;padding:6px 0;border-bottom:1px solid #d8dee4}
.scroll table.data-errors td{display:inline-block;min-width:0;border:0;padding:0 10px 0 0}
.scroll table.data-errors td:nth-child(3)::before{content:"Giá trị: ";color:#57606a}
.scroll table.data-errors td:last-child{display:block}
}
[hidden]{display:none!important}
.table-wrap{overflow-x:auto;max-width:100%}
.card-label{display:none}
.code{white-space:nowrap}
details.group{border:1px solid #d0d7de;border-radius:8px;margin:8px 0;background:#fff}
details.group>summary{padding:8px 12px;background:#f6f8fa;border-radius:8px;margin:0;display:flex;flex-wrap:wrap;gap:2px 10px;align-items:baseline}
details.group[open]>summary{border-bottom:1px solid #d0d7de;border-radius:8px 8px 0 0}
details.group>summary .counts{font-weight:400;color:#57606a}
details.group>.table-wrap{padding:0 8px 8px}
form.unit-filter{margin:0 0 8px}
form.unit-filter input{width:100%;max-width:28em}
form.unit-filter p{margin:4px 0 0;min-height:1.3em}
.proposed-groups{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,330px),1fr));gap:4px 16px}
.proposed-group h3{margin:8px 0 2px}
ol.proposed{list-style:none;margin:0;padding:0}
ol.proposed li{padding:3px 0;border-bottom:1px solid #eef1f4}
table.villages td.commune{min-width:11em}
table.villages details>summary{font-weight:600}
ol.village-list{margin:4px 0;padding-left:1.6em}
td.uncovered ul{margin:4px 0 0}
/* The reviews of the year (sơ kết, tổng kết): their charts and count tables side by side where there is room. */
.stage-charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,340px),1fr));gap:12px;margin:10px 0}
.stage-figure{margin:0;border:1px solid #d0d7de;border-radius:8px;padding:8px 10px;break-inside:avoid}
.six-month-counts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,250px),1fr));gap:4px 16px;margin:8px 0}
table.six-month-count tr.total th,table.six-month-count tr.total td{font-weight:700}
table.stage-years tr.no-data td{font-style:italic}
table.stage-breakdown tr.first-kind>*{border-top:2px solid #8c959f}
ul.units-without{columns:18em 2;margin:4px 0;padding-left:1.2em}
ul.units-without li{break-inside:avoid}
/* Phone: each unit of the ranking is a card – rank, name and score on top, the title badge under them, all inside
   the screen; the other columns follow as labelled lines. */
@media (max-width:600px){
table.ranking,table.ranking tbody{display:block}
table.ranking thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
table.ranking tr{display:grid;grid-template-columns:auto minmax(0,1fr) auto;gap:2px 8px;border:1px solid #d0d7de;border-radius:8px;padding:8px 10px;margin:8px 0;background:#fff}
table.ranking td{display:block;border:0;padding:0;min-width:0;text-align:left}
table.ranking td.rank{grid-column:1;grid-row:1;font-weight:700}
table.ranking td.name{grid-column:2;grid-row:1;min-width:0;overflow-wrap:anywhere}
table.ranking td.score{grid-column:3;grid-row:1;text-align:right;font-weight:700}
table.ranking td.score .parts{font-weight:400}
table.ranking td.title,table.ranking td.recognised,table.ranking td.quota,table.ranking td.flags{grid-column:1/-1}
table.ranking td.recognised,table.ranking td.quota{display:inline-block}
table.ranking .card-label{display:inline;color:#57606a;font-weight:400}
table.ranking td.rank .card-label{display:none}
table.ranking td.flags:empty{display:none}
table.ranking .badge.tie{white-space:normal}
details.group>.table-wrap{padding:0 6px 6px}
table.villages td.commune{min-width:8em}
}
/* Print: the overview, the targets and the proposed titles in a few A4 pages; forms, search and long lists stay on
   screen. */
@page{size:A4;margin:12mm}
@media print{
.no-print{display:none!important}
body{background:#fff;font-size:11pt}
header.top{background:#fff;color:#000;padding:0 0 4px;border-bottom:2px solid #9b1c1c}
header.top a{color:#000;text-decoration:none}
main{max-width:none;padding:0}
.card{border:0;padding:0;margin:0 0 8px}
.card h2{font-size:13pt;margin:4px 0}
.stats{grid-template-columns:repeat(5,1fr)}
.stats li{padding:4px 6px}
.targets{grid-template-columns:1fr 1fr;gap:6px}
.target{padding:4px 8px;break-inside:avoid}
.target p{margin:2px 0}
svg.commune-chart{max-width:115mm;margin:0 auto}
#to-dan-van-theo-xa details,.target details{display:none}
h2,h3{break-after:avoid}
.proposed-groups{grid-template-columns:1fr 1fr}
.proposed-group{break-inside:avoid}
ol.proposed li{padding:1px 0}
a{color:inherit;text-decoration:none}
footer{display:none}
.stats{break-inside:avoid}
#so-ket-6-thang,#tong-ket-giai-doan{break-before:page}
.stage-charts{grid-template-columns:1fr 1fr;gap:6px}
#tong-ket-giai-doan .scroll{overflow:visible}
table.stage-years{font-size:9.5pt}
table.stage-years thead th{white-space:normal;position:static}
.stage-figure{padding:4px 6px}
.six-month-counts{grid-template-columns:1fr 1fr}
.six-month-counts .scroll{overflow:visible}
.six-month-counts table{break-inside:avoid}
.review-meta{margin:2px 0}
}
`;

import { columnLetters } from "./a1.ts";
import type { Spreadsheet } from "./model.ts";
import { sortedSheets } from "./spreadsheet.ts";
import { readRect } from "./values.ts";

/**
 * A plain HTML look at the emulator's data for people: `GET /` lists the spreadsheets, `GET /view/{id}` shows every
 * tab as a table of the values Sheets would display, hidden tabs marked, frozen header rows styled.
 */

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const STYLE = `
body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #202124; }
table { border-collapse: collapse; font-size: 0.85rem; }
th, td { border: 1px solid #dadce0; padding: 0.2rem 0.5rem; vertical-align: top; white-space: pre-wrap; }
thead th, th.row { background: #f1f3f4; color: #5f6368; font-weight: normal; }
tr.frozen td { background: #e8f0fe; font-weight: 600; }
tr.frozen:last-of-type td, tr.frozen-edge td { border-bottom: 3px solid #9aa0a6; }
section { margin-bottom: 2rem; }
.badge { font-size: 0.75rem; background: #fce8e6; color: #a50e0e; padding: 0.1rem 0.4rem; border-radius: 0.3rem; }
.meta { color: #5f6368; font-size: 0.8rem; }
section.hidden-tab h2 { color: #80868b; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
${body}
</body>
</html>
`;
}

/** The list of spreadsheets with links to their views. */
export function indexPage(docs: Spreadsheet[]): string {
  const rows = docs
    .map((doc) => {
      const id = encodeURIComponent(doc.spreadsheetId);
      return `<tr><td><a href="/view/${id}">${escapeHtml(doc.properties.title)}</a></td><td><code>${escapeHtml(doc.spreadsheetId)}</code></td><td>${doc.sheets.length}</td></tr>`;
    })
    .join("\n");
  const table =
    docs.length > 0
      ? `<table><thead><tr><th>Title</th><th>spreadsheetId</th><th>Tabs</th></tr></thead><tbody>\n${rows}\n</tbody></table>`
      : "<p>No spreadsheets yet. Create one with <code>POST /v4/spreadsheets</code>.</p>";
  return page("Sheets emulator", `<h1>Sheets API v4 emulator</h1>\n${table}`);
}

/** Every tab of a spreadsheet as an HTML table. */
export function spreadsheetPage(doc: Spreadsheet): string {
  const options = {
    valueRenderOption: "FORMATTED_VALUE" as const,
    dateTimeRenderOption: "SERIAL_NUMBER" as const,
    locale: doc.properties.locale,
  };
  const sheets = sortedSheets(doc);
  const nav = sheets
    .map(
      (s) =>
        `<li><a href="#sheet-${s.properties.sheetId}">${escapeHtml(s.properties.title)}</a>${s.properties.hidden ? ' <span class="badge">hidden</span>' : ""}</li>`,
    )
    .join("");
  const sections = sheets.map((sheet) => {
    const g = sheet.properties.gridProperties;
    const values =
      readRect({ sheet, startRow: 0, endRow: g.rowCount, startCol: 0, endCol: g.columnCount }, options, "ROWS")
        .values ?? [];
    const width = values.reduce((max, row) => Math.max(max, row.length), 0);
    const frozen = g.frozenRowCount ?? 0;
    const head = `<tr><th></th>${Array.from({ length: width }, (_v, c) => `<th>${columnLetters(c)}</th>`).join("")}</tr>`;
    const body = values
      .map((row, r) => {
        const cells = Array.from({ length: width }, (_v, c) => `<td>${escapeHtml(String(row[c] ?? ""))}</td>`).join("");
        const cls = r < frozen ? ` class="frozen${r === frozen - 1 ? " frozen-edge" : ""}"` : "";
        return `<tr${cls}><th class="row">${r + 1}</th>${cells}</tr>`;
      })
      .join("\n");
    const hidden = sheet.properties.hidden;
    const meta = `sheetId ${sheet.properties.sheetId} · ${g.rowCount} × ${g.columnCount}${frozen ? ` · ${frozen} frozen row(s)` : ""}`;
    const table =
      values.length > 0 ? `<table><thead>${head}</thead><tbody>\n${body}\n</tbody></table>` : "<p>(empty)</p>";
    return `<section id="sheet-${sheet.properties.sheetId}"${hidden ? ' class="hidden-tab"' : ""}>
<h2>${escapeHtml(sheet.properties.title)}${hidden ? ' <span class="badge">hidden</span>' : ""}</h2>
<p class="meta">${meta}</p>
${table}
</section>`;
  });
  const title = doc.properties.title;
  return page(
    title,
    `<p><a href="/">← all spreadsheets</a></p>\n<h1>${escapeHtml(title)}</h1>\n<p class="meta">${escapeHtml(doc.spreadsheetId)} · ${escapeHtml(doc.properties.locale)}</p>\n<ul>${nav}</ul>\n${sections.join("\n")}`,
  );
}

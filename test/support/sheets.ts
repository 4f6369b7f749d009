/**
 * Test helpers that talk to the Sheets emulator from inside workerd. Requests to Google's hosts and to
 * EMULATOR_HOST are routed to the emulator by test/support/outbound.ts.
 */
import { EMULATOR_HOST } from "./outbound.ts";

export const SHEETS = "https://sheets.googleapis.com/v4/spreadsheets";
const CONTROL = `https://${EMULATOR_HOST}/_emulator`;
const auth = { Authorization: "Bearer test" };

export type Grid = (string | number | boolean)[][];

/** Creates (or replaces) a spreadsheet on the emulator with the given tabs. */
export async function importSpreadsheet(
  id: string,
  sheets: { title: string; values: Grid }[],
  title = id,
): Promise<void> {
  const res = await fetch(`${CONTROL}/spreadsheets/${encodeURIComponent(id)}`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ title, sheets }),
  });
  if (!res.ok) throw new Error(`import failed: ${res.status} ${await res.text()}`);
}

/** The whole spreadsheet as the API shows it, values included: compare two of these to prove nothing changed. */
export async function snapshot(id: string): Promise<string> {
  const res = await fetch(`${SHEETS}/${encodeURIComponent(id)}?includeGridData=true`, { headers: auth });
  if (!res.ok) throw new Error(`get failed: ${res.status}`);
  return res.text();
}

export async function sheetTitles(id: string): Promise<{ title: string; hidden: boolean; frozen: number }[]> {
  const res = await fetch(`${SHEETS}/${encodeURIComponent(id)}`, { headers: auth });
  const body = (await res.json()) as {
    sheets: { properties: { title: string; hidden?: boolean; gridProperties?: { frozenRowCount?: number } } }[];
  };
  return body.sheets.map((s) => ({
    title: s.properties.title,
    hidden: s.properties.hidden ?? false,
    frozen: s.properties.gridProperties?.frozenRowCount ?? 0,
  }));
}

/** Values of one tab, unformatted (numbers stay numbers). */
export async function readTab(id: string, title: string, render = "UNFORMATTED_VALUE"): Promise<Grid> {
  const range = encodeURIComponent(`'${title.replace(/'/g, "''")}'`);
  const res = await fetch(`${SHEETS}/${encodeURIComponent(id)}/values/${range}?valueRenderOption=${render}`, {
    headers: auth,
  });
  if (!res.ok) throw new Error(`values.get ${title}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { values?: Grid }).values ?? [];
}

export async function setFaults(rules: unknown[]): Promise<void> {
  await fetch(`${CONTROL}/faults`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ rules }),
  });
}

export async function clearFaults(): Promise<void> {
  await fetch(`${CONTROL}/faults`, { method: "DELETE" });
}

export async function resetStats(): Promise<void> {
  await fetch(`${CONTROL}/reset-stats`, { method: "POST" });
}

export async function stats(): Promise<Record<string, unknown>> {
  return (await (await fetch(`${CONTROL}/stats`)).json()) as Record<string, unknown>;
}

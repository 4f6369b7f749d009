/**
 * The state of background runs (`background-run.ts`) in the Durable Object's SQLite storage: the run's state, and the
 * tabs of each source read so far, so a run survives the Durable Object being evicted between its steps. A source's
 * tabs can exceed the 2 MB a SQLite value holds, so they are stored in parts, like results.
 */
import type { RawTabs } from "../../sheets-schema/types.ts";
import { isRunning, type RunState } from "../jobs/background-run.ts";
import { jsonParts } from "./json-parts.ts";
import { PART_CHARS } from "./result-store.ts";
import { fromStored } from "./stored-run.ts";

/** Like ResultStore, the tables are created by the first write, never by a read (GET /api/runs/{id}). */
export class BackgroundStore {
  private ready = false;

  constructor(private readonly sql: SqlStorage) {}

  private hasTables(): boolean {
    if (!this.ready) {
      const found = this.sql
        .exec<{ n: number }>(
          "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('background_jobs', 'background_tabs')",
        )
        .one().n;
      this.ready = found === 2;
    }
    return this.ready;
  }

  private createTables(): void {
    if (this.hasTables()) return;
    this.sql.exec(
      "CREATE TABLE IF NOT EXISTS background_jobs (run_id TEXT PRIMARY KEY, running INTEGER NOT NULL, body TEXT NOT NULL)",
    );
    this.sql.exec(`CREATE TABLE IF NOT EXISTS background_tabs (run_id TEXT NOT NULL, source INTEGER NOT NULL, part INTEGER NOT NULL,
      body TEXT NOT NULL, PRIMARY KEY (run_id, source, part))`);
    this.ready = true;
  }

  saveJob(state: RunState): void {
    this.createTables();
    this.sql.exec(
      "INSERT OR REPLACE INTO background_jobs (run_id, running, body) VALUES (?, ?, ?)",
      state.runId,
      isRunning(state) ? 1 : 0,
      JSON.stringify(state),
    );
  }

  loadJob(runId: string): RunState | null {
    if (!this.hasTables()) return null;
    const row = this.sql
      .exec<{ body: string }>("SELECT body FROM background_jobs WHERE run_id = ?", runId)
      .toArray()[0];
    return row === undefined ? null : fromStored(JSON.parse(row.body));
  }

  /** The run still running, if any (there is at most one: it holds the spreadsheet's lock). */
  runningJob(): RunState | null {
    if (!this.hasTables()) return null;
    const row = this.sql
      .exec<{ body: string }>("SELECT body FROM background_jobs WHERE running = 1 LIMIT 1")
      .toArray()[0];
    return row === undefined ? null : fromStored(JSON.parse(row.body));
  }

  /** Keeps the tabs of source number `source` (its index in the job's list). */
  saveTabs(runId: string, source: number, tabs: RawTabs): void {
    this.createTables();
    this.sql.exec("DELETE FROM background_tabs WHERE run_id = ? AND source = ?", runId, source);
    let part = 0;
    // Made and stored part by part, as a run's result is: a source's whole JSON is never one string.
    for (const body of jsonParts(tabs, PART_CHARS)) {
      this.sql.exec(
        "INSERT INTO background_tabs (run_id, source, part, body) VALUES (?, ?, ?, ?)",
        runId,
        source,
        part++,
        body,
      );
    }
  }

  /** The tabs of every source kept for a run, by source number. */
  loadTabs(runId: string): Map<number, RawTabs> {
    const tabs = new Map<number, RawTabs>();
    if (!this.hasTables()) return tabs;
    let source = -1;
    let parts: string[] = [];
    const flush = () => {
      if (source >= 0) tabs.set(source, JSON.parse(parts.join("")) as RawTabs);
    };
    for (const row of this.sql.exec<{ source: number; body: string }>(
      "SELECT source, body FROM background_tabs WHERE run_id = ? ORDER BY source, part",
      runId,
    )) {
      if (row.source !== source) {
        flush();
        source = row.source;
        parts = [];
      }
      parts.push(row.body);
    }
    flush();
    return tabs;
  }

  /** Keeps the `keep` latest jobs that are over (their progress stays readable for a while), and drops the rest. */
  pruneJobs(keep: number): void {
    if (!this.hasTables()) return;
    this.sql.exec(
      `DELETE FROM background_jobs WHERE running = 0 AND run_id NOT IN
        (SELECT run_id FROM background_jobs WHERE running = 0 ORDER BY json_extract(body, '$.updatedAt') DESC LIMIT ?)`,
      keep,
    );
  }

  /** Drops the tabs kept for a run once it is over: they are a copy of other people's spreadsheets. */
  deleteTabs(runId: string): void {
    if (this.hasTables()) this.sql.exec("DELETE FROM background_tabs WHERE run_id = ?", runId);
  }
}

/**
 * The latest result of each year and the history of runs, kept in the Durable Object's SQLite storage.
 * A province result is several MB of JSON and one SQLite value holds at most 2 MB, so results are stored in parts.
 */

const PART_CHARS = 400_000; // ≤ 1.2 MB of UTF-8 even if every character were Vietnamese

export interface RunRecord {
  runId: string;
  year: number;
  at: string;
  dryRun: boolean;
  ok: boolean;
  status: number;
  message: string;
  caller: string;
}

export class ResultStore {
  constructor(private readonly sql: SqlStorage) {
    sql.exec(`CREATE TABLE IF NOT EXISTS result_parts (year INTEGER NOT NULL, part INTEGER NOT NULL, body TEXT NOT NULL,
      PRIMARY KEY (year, part))`);
    sql.exec(`CREATE TABLE IF NOT EXISTS runs (run_id TEXT PRIMARY KEY, year INTEGER NOT NULL, at TEXT NOT NULL,
      dry_run INTEGER NOT NULL, ok INTEGER NOT NULL, status INTEGER NOT NULL, message TEXT NOT NULL, caller TEXT NOT NULL)`);
  }

  /** Replaces the stored result of a year (the JSON text of a ScoreRun). */
  saveResult(year: number, json: string): void {
    this.sql.exec("DELETE FROM result_parts WHERE year = ?", year);
    for (let i = 0, part = 0; i < json.length; i += PART_CHARS, part++) {
      this.sql.exec("INSERT INTO result_parts (year, part, body) VALUES (?, ?, ?)", year, part, json.slice(i, i + PART_CHARS));
    }
  }

  /** The JSON text of the latest stored result of a year, or null. */
  loadResult(year: number): string | null {
    const rows = this.sql.exec<{ body: string }>("SELECT body FROM result_parts WHERE year = ? ORDER BY part", year).toArray();
    return rows.length === 0 ? null : rows.map((r) => r.body).join("");
  }

  /** The years that have a stored result, latest first (the dashboard's year picker). */
  storedYears(): number[] {
    return this.sql
      .exec<{ year: number }>("SELECT DISTINCT year FROM result_parts ORDER BY year DESC")
      .toArray()
      .map((r) => r.year);
  }

  recordRun(run: RunRecord): void {
    this.sql.exec(
      "INSERT OR REPLACE INTO runs (run_id, year, at, dry_run, ok, status, message, caller) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      run.runId, run.year, run.at, run.dryRun ? 1 : 0, run.ok ? 1 : 0, run.status, run.message, run.caller,
    );
  }

  /** The most recent runs, newest first (the dashboard shows a banner when the last one failed). */
  recentRuns(limit = 20): RunRecord[] {
    return this.sql
      .exec<{ run_id: string; year: number; at: string; dry_run: number; ok: number; status: number; message: string; caller: string }>(
        "SELECT * FROM runs ORDER BY at DESC LIMIT ?",
        limit,
      )
      .toArray()
      .map((r) => ({ runId: r.run_id, year: r.year, at: r.at, dryRun: r.dry_run === 1, ok: r.ok === 1, status: r.status, message: r.message, caller: r.caller }));
  }
}

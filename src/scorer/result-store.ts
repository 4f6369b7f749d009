/**
 * The latest result of each year and review, and the history of runs, kept in the Durable Object's SQLite storage.
 * A province result is several MB of JSON and one SQLite value holds at most 2 MB, so results are stored in parts.
 *
 * Annual results live in `result_parts` (by year, as before reviews existed, so stored rows need no migration);
 * the six-month and stage reviews in `review_parts` (by year and review).
 */
import type { ReviewKind } from "../../scoring/review-kind.ts";

export const PART_CHARS = 400_000; // ≤ 1.2 MB of UTF-8 even if every character were Vietnamese

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

/**
 * The tables are created by the first write, never by a read: `GET /api/results` and the dashboard take any
 * spreadsheet id without a token, and a read that created tables would leave a stored Durable Object behind for
 * every id anyone cares to make up.
 */
export class ResultStore {
  private ready = false;
  private reviewTableReady = false;

  constructor(private readonly sql: SqlStorage) {}

  /** Whether anything was ever stored here (reads of a fresh store answer empty without writing). */
  private hasTables(): boolean {
    if (!this.ready) {
      const found = this.sql
        .exec<{ n: number }>(
          "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('result_parts', 'runs')",
        )
        .one().n;
      this.ready = found === 2;
    }
    return this.ready;
  }

  private createTables(): void {
    this.createReviewTable();
    if (this.hasTables()) return;
    this.sql.exec(`CREATE TABLE IF NOT EXISTS result_parts (year INTEGER NOT NULL, part INTEGER NOT NULL, body TEXT NOT NULL,
      PRIMARY KEY (year, part))`);
    this.sql.exec(`CREATE TABLE IF NOT EXISTS runs (run_id TEXT PRIMARY KEY, year INTEGER NOT NULL, at TEXT NOT NULL,
      dry_run INTEGER NOT NULL, ok INTEGER NOT NULL, status INTEGER NOT NULL, message TEXT NOT NULL, caller TEXT NOT NULL)`);
    this.ready = true;
  }

  /**
   * The table of the other reviews' results, added after the first two: a store made earlier may lack it. Created
   * once per instance: every run records itself and stores its result, and each asked for it again.
   */
  private createReviewTable(): void {
    if (this.reviewTableReady) return;
    this.sql.exec(`CREATE TABLE IF NOT EXISTS review_parts (year INTEGER NOT NULL, review TEXT NOT NULL,
      part INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (year, review, part))`);
    this.reviewTableReady = true;
  }

  /** Replaces the stored result of a year and review (the JSON text of a ReviewRun). */
  saveResult(year: number, json: string, review: ReviewKind = "nam"): void {
    const save = this.replaceResult(year, review);
    for (let i = 0; i < json.length; i += PART_CHARS) save(json.slice(i, i + PART_CHARS));
  }

  /**
   * Replaces the stored result of a year and review part by part: drops the stored one and answers a function that
   * stores the next part of the new JSON text (at most PART_CHARS characters each), so the whole text need never be
   * held at once. Every call is synchronous: the Durable Object writes them in one transaction.
   */
  replaceResult(year: number, review: ReviewKind = "nam"): (part: string) => void {
    this.createTables();
    let next = 0;
    if (review !== "nam") {
      this.sql.exec("DELETE FROM review_parts WHERE year = ? AND review = ?", year, review);
      return (part) => {
        this.sql.exec(
          "INSERT INTO review_parts (year, review, part, body) VALUES (?, ?, ?, ?)",
          year,
          review,
          next++,
          part,
        );
      };
    }
    this.sql.exec("DELETE FROM result_parts WHERE year = ?", year);
    return (part) => {
      this.sql.exec("INSERT INTO result_parts (year, part, body) VALUES (?, ?, ?)", year, next++, part);
    };
  }

  /** The JSON text of the latest stored result of a year and review, or null. */
  loadResult(year: number, review: ReviewKind = "nam"): string | null {
    if (!this.hasTables()) return null;
    const rows =
      review === "nam"
        ? this.sql.exec<{ body: string }>("SELECT body FROM result_parts WHERE year = ? ORDER BY part", year).toArray()
        : this.hasReviewTable()
          ? this.sql
              .exec<{ body: string }>(
                "SELECT body FROM review_parts WHERE year = ? AND review = ? ORDER BY part",
                year,
                review,
              )
              .toArray()
          : [];
    return rows.length === 0 ? null : rows.map((r) => r.body).join("");
  }

  private hasReviewTable(): boolean {
    return (
      this.sql
        .exec<{ n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'review_parts'")
        .one().n === 1
    );
  }

  /** The years that have a stored annual result, latest first (the dashboard's year picker). */
  storedYears(): number[] {
    if (!this.hasTables()) return [];
    return this.sql
      .exec<{ year: number }>("SELECT DISTINCT year FROM result_parts ORDER BY year DESC")
      .toArray()
      .map((r) => r.year);
  }

  recordRun(run: RunRecord): void {
    this.createTables();
    this.sql.exec(
      "INSERT OR REPLACE INTO runs (run_id, year, at, dry_run, ok, status, message, caller) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      run.runId,
      run.year,
      run.at,
      run.dryRun ? 1 : 0,
      run.ok ? 1 : 0,
      run.status,
      run.message,
      run.caller,
    );
  }

  /** The most recent runs, newest first (the dashboard shows a banner when the last one failed). */
  recentRuns(limit = 20): RunRecord[] {
    if (!this.hasTables()) return [];
    return this.sql
      .exec<{
        run_id: string;
        year: number;
        at: string;
        dry_run: number;
        ok: number;
        status: number;
        message: string;
        caller: string;
      }>("SELECT * FROM runs ORDER BY at DESC LIMIT ?", limit)
      .toArray()
      .map((r) => ({
        runId: r.run_id,
        year: r.year,
        at: r.at,
        dryRun: r.dry_run === 1,
        ok: r.ok === 1,
        status: r.status,
        message: r.message,
        caller: r.caller,
      }));
  }
}

/**
 * The latest result of each year and review, and the history of runs, kept in the Durable Object's SQLite storage.
 * A province result is several MB of JSON and one SQLite value holds at most 2 MB, so results are stored in parts.
 *
 * Annual results live in `result_parts` (by year, as before reviews existed, so stored rows need no migration);
 * the six-month and stage reviews in `review_parts` (by year and review).
 */
import type { ReviewKind } from "../../scoring/review-kind.ts";
import { textParts } from "./json-parts.ts";

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
/** A stored part: UTF-8 bytes (a BLOB), or text for parts stored before they went in as bytes. */
interface StoredPart extends Record<string, SqlStorageValue> {
  body: string | ArrayBuffer;
}

export class ResultStore {
  private ready = false;
  /** How many times this instance replaced each year and review's result (`partReader` knows its parts are gone). */
  readonly #replacements = new Map<string, number>();
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
    const encoder = new TextEncoder();
    for (const part of textParts(json, PART_CHARS)) save(encoder.encode(part));
  }

  /**
   * Replaces the stored result of a year and review part by part: drops the stored one and answers a function that
   * stores the next part of the new JSON text, as UTF-8 (at most PART_CHARS characters each, whole characters), so
   * the whole text need never be held at once. Parts go in as bytes (a BLOB): the run encodes each part once for its
   * answer, and the same bytes are stored as they are instead of SQLite encoding the text a second time. Every call
   * is synchronous: the Durable Object writes them in one transaction.
   */
  replaceResult(year: number, review: ReviewKind = "nam"): (part: Uint8Array) => void {
    this.createTables();
    const key = `${review} ${year}`;
    this.#replacements.set(key, (this.#replacements.get(key) ?? 0) + 1);
    let next = 0;
    if (review !== "nam") {
      this.sql.exec("DELETE FROM review_parts WHERE year = ? AND review = ?", year, review);
      return (part) => {
        this.sql.exec(
          "INSERT INTO review_parts (year, review, part, body) VALUES (?, ?, ?, ?)",
          year,
          review,
          next++,
          blob(part),
        );
      };
    }
    this.sql.exec("DELETE FROM result_parts WHERE year = ?", year);
    if (this.hasFiguresTable()) this.sql.exec("DELETE FROM year_figures WHERE year = ?", year);
    return (part) => {
      this.sql.exec("INSERT INTO result_parts (year, part, body) VALUES (?, ?, ?)", year, next++, blob(part));
    };
  }

  /**
   * A reader of the parts of the result of a year and review stored last (by `replaceResult`): part `i` as stored,
   * or null once another result of that year and review has replaced them. A run's answer is sent from it, one part
   * at a time, instead of holding every part of a province's JSON (21 MB; 44 MB for a 4× province) until the
   * caller has read it.
   */
  partReader(year: number, review: ReviewKind = "nam"): (part: number) => Uint8Array | null {
    const key = `${review} ${year}`;
    const replacement = this.#replacements.get(key) ?? 0;
    return (part) =>
      (this.#replacements.get(key) ?? 0) === replacement ? (this.parts(year, review, part)[0] ?? null) : null;
  }

  /**
   * The latest stored result of a year and review as the UTF-8 bytes of its JSON, part by part, or null: what a
   * reader that sends or parses the text needs, without decoding 10 M characters first.
   */
  loadResultBytes(year: number, review: ReviewKind = "nam"): Uint8Array[] | null {
    if (!this.hasTables() || (review !== "nam" && !this.hasReviewTable())) return null;
    const parts = this.parts(year, review);
    return parts.length === 0 ? null : parts;
  }

  /** The stored parts of a year and review in order (only part `part`, when given), each as UTF-8 bytes. */
  private parts(year: number, review: ReviewKind, part?: number): Uint8Array[] {
    const which = part === undefined ? [] : [part];
    const onePart = part === undefined ? "" : " AND part = ?";
    const rows =
      review === "nam"
        ? this.sql.exec<StoredPart>(
            `SELECT body FROM result_parts WHERE year = ?${onePart} ORDER BY part`,
            year,
            ...which,
          )
        : this.sql.exec<StoredPart>(
            `SELECT body FROM review_parts WHERE year = ? AND review = ?${onePart} ORDER BY part`,
            year,
            review,
            ...which,
          );
    const encoder = new TextEncoder();
    // Parts stored before they went in as bytes are text.
    return rows.toArray().map((r) => (typeof r.body === "string" ? encoder.encode(r.body) : new Uint8Array(r.body)));
  }

  private hasReviewTable(): boolean {
    return (
      this.sql
        .exec<{ n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'review_parts'")
        .one().n === 1
    );
  }

  /**
   * The JSON of the history figures of every unit (`yearFiguresOf`) kept beside the annual result of a year, or null
   * when none is kept (not asked for yet, or the result was replaced since).
   */
  loadYearFigures(year: number): string | null {
    if (!this.hasFiguresTable()) return null;
    const rows = this.sql.exec<{ body: string }>("SELECT body FROM year_figures WHERE year = ?", year).toArray();
    return rows[0]?.body ?? null;
  }

  /** Keeps the history figures of the annual result of `year` beside it, until that result is replaced. */
  saveYearFigures(year: number, json: string): void {
    this.sql.exec("CREATE TABLE IF NOT EXISTS year_figures (year INTEGER PRIMARY KEY, body TEXT NOT NULL)");
    this.figuresTable = true;
    this.sql.exec("INSERT OR REPLACE INTO year_figures (year, body) VALUES (?, ?)", year, json);
  }

  /** The table of the figures, added after the others: made by the first figures kept. */
  private figuresTable = false;
  private hasFiguresTable(): boolean {
    this.figuresTable ||=
      this.sql
        .exec<{ n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'year_figures'")
        .one().n === 1;
    return this.figuresTable;
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

/** The bytes of a part as SQLite takes a BLOB: an ArrayBuffer of exactly those bytes. */
function blob(part: Uint8Array): ArrayBuffer {
  const whole = part.byteOffset === 0 && part.byteLength === part.buffer.byteLength;
  return (whole ? part.buffer : part.slice().buffer) as ArrayBuffer;
}

import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runOnDraft } from "./draft.ts";
import { notFound } from "./errors.ts";
import type { Spreadsheet } from "./model.ts";

/**
 * The spreadsheets the emulator holds, optionally persisted: one JSON file per spreadsheet in `dataDir`, written
 * atomically (temporary file, then rename) after each successful change and read back at start.
 * Without a `dataDir` everything stays in memory (tests).
 *
 * Every change goes through `mutate`, which works on a copy-on-write draft (draft.ts) and keeps it only if no error
 * was thrown: this is what makes `batchUpdate` and the multi-range value writes all-or-nothing, at a cost that
 * follows what the change touches rather than the spreadsheet's size.
 */
export class Store {
  readonly dataDir: string | undefined;
  private readonly docs = new Map<string, Spreadsheet>();
  private readonly log: (line: string) => void;

  constructor(dataDir?: string, log: (line: string) => void = () => {}) {
    this.dataDir = dataDir;
    this.log = log;
    if (dataDir) this.load(dataDir);
  }

  /** All spreadsheets, in creation order. */
  list(): Spreadsheet[] {
    return [...this.docs.values()];
  }

  has(id: string): boolean {
    return this.docs.has(id);
  }

  /** The spreadsheet, or Google's 404. Callers must not change it; use `mutate`. */
  get(id: string): Spreadsheet {
    const doc = this.docs.get(id);
    if (!doc) throw notFound();
    return doc;
  }

  /** Stores a new or replacement spreadsheet. */
  put(doc: Spreadsheet): void {
    this.persist(doc);
    this.docs.set(doc.spreadsheetId, doc);
  }

  /**
   * Runs `change` on a draft of the spreadsheet; the draft replaces the original only if `change` returns. The
   * original is never changed, even in part: the draft shares its unchanged grid rows and copies what it writes.
   */
  mutate<T>(id: string, change: (draft: Spreadsheet) => T): T {
    const { draft, result } = runOnDraft(this.get(id), change);
    this.put(draft);
    return result;
  }

  delete(id: string): boolean {
    const existed = this.docs.delete(id);
    if (existed && this.dataDir) rmSync(this.file(id), { force: true });
    return existed;
  }

  /** Removes every spreadsheet (and its file). */
  reset(): void {
    for (const id of [...this.docs.keys()]) this.delete(id);
  }

  private file(id: string): string {
    return join(this.dataDir as string, `${encodeURIComponent(id)}.json`);
  }

  /** Writes the whole document (disk mode only; in memory mode a mutation costs only what it touched). */
  private persist(doc: Spreadsheet): void {
    if (!this.dataDir) return;
    const target = this.file(doc.spreadsheetId);
    const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(temp, JSON.stringify(doc));
    renameSync(temp, target);
  }

  private load(dir: string): void {
    mkdirSync(dir, { recursive: true });
    // The data directory ignores itself, so demo data never lands in a commit.
    writeFileSync(join(dir, ".gitignore"), "*\n");
    for (const name of readdirSync(dir).sort()) {
      if (name.endsWith(".tmp")) rmSync(join(dir, name), { force: true });
      if (!name.endsWith(".json")) continue;
      try {
        const doc = JSON.parse(readFileSync(join(dir, name), "utf8")) as Spreadsheet;
        this.docs.set(doc.spreadsheetId, doc);
      } catch (error) {
        this.log(`skipping unreadable spreadsheet file ${name}: ${(error as Error).message}`);
      }
    }
  }
}

/**
 * Reads the source spreadsheets listed in `Nguồn dữ liệu`: a few at a time (each source is up to READS_PER_SOURCE
 * calls, paced by the run's ReadPacer and retried by withRetry), so a province of two hundred sources neither opens
 * more connections than a Worker may nor bursts past Google's per-minute quota.
 *
 * A source is read only with its consent (sheets-schema/consent.ts): first its tab list, then its `Gửi về` tab alone,
 * and its input tabs only when `Gửi về` names the main spreadsheet. A source without consent is reported like one
 * not shared with the service account, and nothing else of it is read. Consent costs one read per source (its
 * `Gửi về`; none when it has no such tab): three calls where there were two.
 *
 * A source Google refuses (403 not shared with the service account, 404 unknown id, 400 not a Google Sheets file)
 * is reported and the others are read: someone has to fix that source, and until then it must not block the
 * province. A source Google cannot serve (429/5xx until the retries or the deadline run out) stops the run instead,
 * nothing written: that is Google's trouble, not the source's, it likely hits the next sources too, and writing
 * rankings with a district missing would replace complete results by worse ones until the next run.
 */
import type { sheets_v4 } from "@googleapis/sheets";
import { CONSENT_TAB, consentsTo, noConsentReason } from "../../sheets-schema/consent.ts";
import { selectRunTabs, type SourceEntry } from "../../sheets-schema/source-list.ts";
import { findTab } from "../../sheets-schema/tabs.ts";
import { ContractError, type RawTabs } from "../../sheets-schema/types.ts";
import { listSheets, readTabs, type ReadOptions } from "./gateway.ts";
import { SheetsRejectedError, SheetsUnavailableError, type RetryPolicy } from "./retry.ts";

/** A source read: its input tabs (and `Cấu hình` / `Nguồn dữ liệu`, if it has them). */
export interface SourceSnapshot {
  entry: SourceEntry;
  tabs: RawTabs;
}

/** A source that could not be used, and why, in Vietnamese. */
export interface FailedSource {
  entry: SourceEntry;
  /** Google's HTTP status; null when the source was read but its tabs are unusable. */
  status: number | null;
  reason: string;
}

/** Google stayed unavailable while reading a source: the run stops (502/503), naming it. */
export class SourceUnavailableError extends Error {
  override readonly name = "SourceUnavailableError";
  constructor(
    readonly entry: SourceEntry,
    readonly unavailable: SheetsUnavailableError,
  ) {
    super(unavailable.message);
  }
}

/**
 * Sources read at the same time unless SHEETS_SOURCE_CONCURRENCY says otherwise: within a Worker's six simultaneous
 * connections, with room for the main spreadsheet's calls.
 */
export const DEFAULT_SOURCE_CONCURRENCY = 4;

/** Sheets calls for one consenting source: its tab list, its `Gửi về`, its input tabs. */
export const READS_PER_SOURCE = 3;

export interface SourceReadOptions {
  /** The spreadsheet being scored: a source is read only if its `Gửi về` names this id. */
  mainId: string;
  policy: RetryPolicy;
  /** Sources read at the same time; absent: DEFAULT_SOURCE_CONCURRENCY. */
  concurrency?: number;
  /** Awaited before every Sheets call (the run's ReadPacer). */
  pace?: () => Promise<void>;
  /** Told after each source, read or failed. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Reads every source, at most `concurrency` at once; the answer keeps the order of `entries`.
 * Throws SourceUnavailableError (after the reads under way have settled) when Google stays unavailable.
 */
export async function readSourceSpreadsheets(
  api: sheets_v4.Sheets,
  entries: readonly SourceEntry[],
  options: SourceReadOptions,
): Promise<{ read: SourceSnapshot[]; failed: FailedSource[]; requests: number }> {
  const outcomes: ({ ok: true; tabs: RawTabs } | { ok: false; status: number | null; reason: string } | undefined)[] =
    [];
  let requests = 0;
  let next = 0;
  let done = 0;
  let fatal: unknown = null;

  const worker = async () => {
    while (fatal === null && next < entries.length) {
      const i = next++;
      const entry = entries[i]!;
      try {
        const tabs = await readWithConsent(
          api,
          entry.spreadsheetId,
          options.mainId,
          options.policy,
          { pace: options.pace },
          () => requests++,
        );
        outcomes[i] =
          tabs === null ? { ok: false, status: null, reason: noConsentReason(options.mainId) } : { ok: true, tabs };
      } catch (error) {
        if (error instanceof SheetsUnavailableError) fatal ??= new SourceUnavailableError(entry, error);
        else if (error instanceof SheetsRejectedError) outcomes[i] = { ok: false, ...rejection(error) };
        else if (error instanceof ContractError) outcomes[i] = { ok: false, status: null, reason: error.message };
        else fatal ??= error;
      }
      options.onProgress?.(++done, entries.length);
    }
  };
  await Promise.all(
    Array.from(
      { length: Math.max(1, Math.min(options.concurrency ?? DEFAULT_SOURCE_CONCURRENCY, entries.length)) },
      worker,
    ),
  );
  if (fatal !== null) throw fatal;

  const read: SourceSnapshot[] = [];
  const failed: FailedSource[] = [];
  entries.forEach((entry, i) => {
    const outcome = outcomes[i];
    if (outcome?.ok) read.push({ entry, tabs: outcome.tabs });
    else if (outcome) failed.push({ entry, status: outcome.status, reason: outcome.reason });
  });
  return { read, failed, requests };
}

/**
 * The run tabs of a source whose `Gửi về` names `mainId`; null without that consent, having read nothing but the
 * tab list and `Gửi về`.
 */
async function readWithConsent(
  api: sheets_v4.Sheets,
  id: string,
  mainId: string,
  policy: RetryPolicy,
  options: ReadOptions,
  countCall: () => void,
): Promise<RawTabs | null> {
  countCall();
  const titles = (await listSheets(api, id, policy, options)).map((s) => s.title);
  const consentTab = findTab(titles, CONSENT_TAB);
  if (consentTab === null) return null;
  countCall();
  const consent = await readTabs(api, id, [consentTab], policy, options);
  if (!consentsTo(consent[consentTab] ?? [], mainId)) return null;
  const wanted = selectRunTabs(titles);
  if (wanted.length === 0) return {};
  countCall();
  return readTabs(api, id, wanted, policy, options);
}

/** Why Google refused a source, in words the person who keeps `Nguồn dữ liệu` can act on. */
function rejection(error: SheetsRejectedError): { status: number | null; reason: string } {
  const { status, message } = error.failure;
  switch (status) {
    case 404:
      return {
        status,
        reason:
          "không tìm thấy bảng tính (mã hoặc đường dẫn sai, bảng tính đã bị xóa, hoặc chưa được chia sẻ cho email của tài khoản dịch vụ)",
      };
    case 401:
    case 403:
      return {
        status,
        reason:
          "tài khoản dịch vụ chưa được chia sẻ bảng tính này (hãy chia sẻ bảng tính cho email của tài khoản dịch vụ; quyền xem là đủ)",
      };
    default:
      return { status, reason: `Google Sheets từ chối đọc bảng tính (${status ?? "?"}: ${message})` };
  }
}

import { SELF } from "cloudflare:test";

export const TOKEN = "test-token";

/** Calls POST /api/score as the Ban Chỉ đạo would. */
export function postScore(body: unknown, token: string | null = TOKEN): Promise<Response> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  return SELF.fetch("https://dvk.test/api/score", { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
}

/** A run's JSON as the API returns it (only what the tests look at is typed). */
export interface RunJson {
  runId: string;
  year: number;
  tabsWritten: string[];
  sheetsRequests: number;
  units: {
    unit: { code: string; name: string };
    group: string;
    rank: number;
    score: number;
    parts: { quota: number; recognitionRate: number; vote: number; fields: number };
    quotaMet: boolean;
    title: string;
  }[];
  registrations: unknown[];
  dataErrors: { tab: string; cell: string; value: string; message: string }[];
  targets: { id: string; met: boolean }[];
}

/**
 * Who is calling: a person signed in through Cloudflare Access, or a script holding a bearer token. Every route but
 * `/healthz` runs with one (SPEC §6, "Access (fail closed)"); scoring and setup need a scorer.
 */
export type Role = "reader" | "scorer";

export type Identity =
  /** A Cloudflare Access identity: `email` for a person, null for an Access service token (then `name` is its id). */
  | { kind: "access"; email: string | null; name: string; role: Role }
  /** `Authorization: Bearer` with SCORING_TOKEN (scorer) or READ_TOKEN (reader). */
  | { kind: "token"; role: Role };

declare module "hono" {
  interface ContextVariableMap {
    /** Set by `requireIdentity()` before any route but `/healthz` runs. */
    identity: Identity;
  }
}

/**
 * How the run log's `Người gọi` names the caller: the Access e-mail, else what says which token was used. What a
 * request body claims (`caller`) may follow in parentheses, marked as the caller's own words.
 *
 * @example callerOf({ kind: "access", email: "an@tinh.gov.vn", name: "an@tinh.gov.vn", role: "scorer" }, "Bảng điều khiển")
 *   // → "an@tinh.gov.vn (Bảng điều khiển)"
 * @example callerOf({ kind: "token", role: "scorer" }) // → "API (mã truy cập)"
 */
export function callerOf(identity: Identity, declared?: string): string {
  const who = identity.kind === "access" ? identity.name : "API (mã truy cập)";
  const note = declared?.trim();
  return note ? `${who} (${note})` : who;
}

/**
 * The access settings, read from wrangler vars and secrets in one place so they can move into a Config together:
 *
 * - `ACCESS_TEAM_DOMAIN`: the Cloudflare Access team, `<team>.cloudflareaccess.com` (or just `<team>`). The JWT's
 *   issuer is `https://<team>.cloudflareaccess.com` and its keys are at `/cdn-cgi/access/certs` there. For local
 *   development only, a full `http://127.0.0.1:<port>` or `http://localhost:<port>` origin (the local stack).
 * - `ACCESS_AUD`: the Application Audience (AUD) tag of the Access application in front of the Worker.
 * - `SCORER_EMAILS`: the Access e-mails that may score and set up, comma-separated, case-insensitive.
 * - `SCORING_TOKEN` (secret): bearer token of a scorer script; `READ_TOKEN` (secret, optional): of a reader script.
 * - `ACCESS_DEV_SIGN_IN` = "true": enables `GET /dev/sign-in` (development only; see dev-sign-in.ts).
 */
export interface AccessSettings {
  /** Cloudflare Access, when both its team and its audience are configured (and the team is well-formed). */
  access: { issuer: string; jwksUrl: string; audience: string } | null;
  scorerEmails: ReadonlySet<string>;
  scoringToken: string | null;
  readToken: string | null;
  devSignIn: boolean;
}

/** The access settings of this deployment; an unset or blank value is absent. */
export function accessSettingsFromEnv(env: Env): AccessSettings {
  const vars = env as unknown as Record<string, string | undefined>;
  const text = (name: string) => vars[name]?.trim() || null;
  const issuer = teamOrigin(text("ACCESS_TEAM_DOMAIN"));
  const audience = text("ACCESS_AUD");
  return {
    access: issuer !== null && audience !== null ? { issuer, jwksUrl: `${issuer}/cdn-cgi/access/certs`, audience } : null,
    scorerEmails: new Set((text("SCORER_EMAILS") ?? "").split(",").map((e) => e.trim().toLowerCase()).filter((e) => e !== "")),
    scoringToken: text("SCORING_TOKEN"),
    readToken: text("READ_TOKEN"),
    devSignIn: text("ACCESS_DEV_SIGN_IN") === "true",
  };
}

/**
 * The issuer origin of an Access team. Plain http only for this machine (the local stack), never for a real host.
 *
 * @example teamOrigin("dvk") // → "https://dvk.cloudflareaccess.com"
 * @example teamOrigin("dvk.cloudflareaccess.com") // → "https://dvk.cloudflareaccess.com"
 * @example teamOrigin("http://127.0.0.1:8790/") // → "http://127.0.0.1:8790"
 * @example teamOrigin("http://evil.example") // → null
 */
export function teamOrigin(value: string | null): string | null {
  if (value === null) return null;
  const withScheme = /^https?:\/\//i.test(value) ? value : `https://${value.includes(".") ? value : `${value}.cloudflareaccess.com`}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  const local = url.hostname === "127.0.0.1" || url.hostname === "localhost";
  if (url.protocol !== "https:" && !(url.protocol === "http:" && local)) return null;
  return url.origin;
}

import { configOf } from "../config/config.ts";

/**
 * The access settings, read with every other variable by src/config/vars.ts (a wrong value is a config error naming
 * it, never access silently switched off):
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

/** The access settings of this deployment, from the Worker's parsed settings (src/config/). */
export function accessSettingsFromEnv(env: Env): AccessSettings {
  return configOf(env).access;
}

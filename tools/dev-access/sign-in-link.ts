/**
 * The development sign-in link `<worker>/dev/sign-in?token=<Access JWT>`: it stands in for Cloudflare Access's login
 * page on the local stack. The JWT is signed with the development key for the local team (the emulator, which serves
 * that key's JWKS), so the Worker checks it exactly as it checks a real one. `npm start` prints one for the
 * development scorer; the browser test opens one per identity it needs.
 */
import { DEV_SCORER_EMAIL } from "./key.ts";
import { signDevAccessJwt } from "./sign.ts";

/** The development scorer: the first of SCORER_EMAILS in the dev vars. */
export function devScorerEmail(vars: Record<string, string>): string {
  return (vars.SCORER_EMAILS ?? "").split(",")[0]?.trim() || DEV_SCORER_EMAIL;
}

export interface DevSignIn {
  /** The Worker's origin, e.g. `http://127.0.0.1:8787`. */
  worker: string;
  /** The local Access team's origin (the emulator's URL): the JWT's issuer. */
  team: string;
  /** The dev vars the Worker was started with (ACCESS_AUD, SCORER_EMAILS, ACCESS_DEV_SIGN_IN). */
  vars: Record<string, string>;
  /** Who signs in; default the development scorer. */
  email?: string;
  /** Seconds the sign-in lasts; default one hour. */
  validFor?: number;
}

/** The link that signs `email` in, or null when the Worker's ACCESS_DEV_SIGN_IN is not "true" (no such route). */
export async function devSignInLink(options: DevSignIn): Promise<string | null> {
  if (options.vars.ACCESS_DEV_SIGN_IN !== "true") return null;
  const jwt = await signDevAccessJwt({
    issuer: options.team,
    email: options.email ?? devScorerEmail(options.vars),
    audience: options.vars.ACCESS_AUD,
    validFor: options.validFor,
  });
  return `${options.worker}/dev/sign-in?token=${jwt}`;
}

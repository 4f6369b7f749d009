/**
 * The OpenAPI security of every route but `/healthz`: a bearer token (scripts) or a Cloudflare Access identity
 * (people; the JWT Access adds, or its `CF_Authorization` cookie). Registered as schemes in src/app.ts.
 */
export const SIGNED_IN: Record<string, string[]>[] = [{ bearer: [] }, { cloudflareAccess: [] }];

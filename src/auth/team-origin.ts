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
  const withScheme = /^https?:\/\//i.test(value)
    ? value
    : `https://${value.includes(".") ? value : `${value}.cloudflareaccess.com`}`;
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

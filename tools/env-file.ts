/** Reads a dotenv-style file (`KEY="value"` lines, `#` comments), as wrangler does for .dev.vars. */
export function readEnvFile(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)\s*$/.exec(line);
    if (!m?.[1]) continue;
    let value = m[2] ?? "";
    if (value.startsWith('"') && value.endsWith('"')) value = JSON.parse(value) as string;
    else if (value.startsWith("'") && value.endsWith("'")) value = value.slice(1, -1);
    vars[m[1]] = value;
  }
  return vars;
}

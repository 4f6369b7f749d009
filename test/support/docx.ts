/**
 * Reads a Word document back with readers nobody here wrote: mammoth (text and HTML, as a person's viewer would show
 * them) and fflate (the raw parts of the .docx zip, for page setup and fonts).
 */
import { strFromU8, unzipSync } from "fflate";
import mammoth from "mammoth";

/** The text of the document, paragraphs separated by blank lines. */
export async function docxText(bytes: ArrayBuffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
}

/** The document as mammoth's HTML. */
export async function docxHtml(bytes: ArrayBuffer): Promise<string> {
  return (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
}

/** One XML part of the .docx, e.g. `word/document.xml`. */
export function docxPart(bytes: ArrayBuffer, path: string): string {
  const file = unzipSync(new Uint8Array(bytes), { filter: (f) => f.name === path })[path];
  if (file === undefined) throw new Error(`${path} not in the document`);
  return strFromU8(file);
}

const decode = (s: string) =>
  s
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();

/** Every table of mammoth's HTML, as rows of cell texts (header rows included). */
export function htmlTables(html: string): string[][][] {
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) =>
    [...t[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
      [...r[1]!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => decode(c[1]!)),
    ),
  );
}

/** The table whose header row starts with `firstHeaders` (after `STT` when numbered), or undefined. */
export function tableStartingWith(tables: string[][][], ...firstHeaders: string[]): string[][] | undefined {
  return tables.find((t) => {
    const head = t[0] ?? [];
    const start = head[0] === "STT" ? head.slice(1) : head;
    return firstHeaders.every((h, i) => start[i] === h);
  });
}

import { AlignmentType, Paragraph, TextRun } from "docx";
import { mm } from "./page-layout.ts";

/**
 * The paragraphs of a report's body: justified text with a first-line indent, numbered headings (the numbers are
 * part of the text, as in the decree's samples, so they survive any copy and paste), and the highlighted places where
 * the committee writes its own text.
 */

const FIRST_LINE = mm(10);

/** A paragraph of body text, justified, first line indented. */
export function bodyText(text: string, options: { italics?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE },
    children: [new TextRun({ text, italics: options.italics })],
  });
}

/**
 * A heading of the body: `I. KẾT QUẢ THỰC HIỆN` (level 1, bold capitals) or `1. Tổng quan` (level 2, bold), kept on
 * the page of what follows it.
 *
 * @example heading(1, "I", "KẾT QUẢ THỰC HIỆN") // → paragraph "I. KẾT QUẢ THỰC HIỆN"
 */
export function heading(level: 1 | 2 | 3, number: string, text: string): Paragraph {
  return new Paragraph({
    keepNext: true,
    keepLines: true,
    indent: { firstLine: FIRST_LINE },
    spacing: { before: level === 1 ? 240 : 120, after: 120 },
    children: [new TextRun({ text: `${number}. ${text}`, bold: level < 3, italics: level === 3 })],
  });
}

/**
 * A place the committee fills in itself, highlighted in yellow and in square brackets so it cannot be printed by
 * mistake as it stands.
 *
 * @example placeholder("Ban Chỉ đạo viết nhận xét chung") // → "[Ban Chỉ đạo viết nhận xét chung]" highlighted
 */
export function placeholder(prompt: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE },
    children: [new TextRun({ text: `[${prompt}]`, italics: true, highlight: "yellow" })],
  });
}

/** A short line under a table or a heading: "Không có." and the like, in italics. */
export function note(text: string): Paragraph {
  return bodyText(text, { italics: true });
}

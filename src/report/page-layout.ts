import {
  AlignmentType,
  Header,
  type IStylesOptions,
  type ISectionPropertiesOptions,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
} from "docx";

/**
 * The page and type of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I): A4 portrait,
 * margins top/bottom 20 mm, left 30 mm, right 15 mm (the decree allows 20–25, 30–35, 15–20), Times New Roman,
 * body 14 pt, page numbers centred in the header from the second page on.
 */

export const FONT = "Times New Roman";

/** Font sizes in half-points, as Word counts them. */
export const SIZE = {
  body: 28, // 14 pt: body text, title lines of the header
  table: 26, // 13 pt: table cells (the decree's smallest body size), so five columns fit the 160 mm line
  small: 24, // 12 pt: Nơi nhận, the page number
} as const;

/**
 * Millimetres in twips (1/1440 inch), rounded (docx's own converter rounds down: A4 would come out 0.02 mm short).
 *
 * @example mm(20) // → 1134
 */
export function mm(millimetres: number): number {
  return Math.round((millimetres * 1440) / 25.4);
}

const A4 = { width: mm(210), height: mm(297) }; // 11906 × 16838, Word's own A4
export const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };

/** The width of a line of text, in twips (165 mm): tables are laid out on it. */
export const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

/** Document defaults: every run Times New Roman 14 pt, single spacing with 6 pt after each paragraph. */
export const DOCUMENT_STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: FONT, size: SIZE.body },
      paragraph: { spacing: { after: 120, line: 276 } },
    },
  },
};

/** A4 portrait with the decree's margins; the first page (with the header table) carries no page number. */
export const PAGE_PROPERTIES: ISectionPropertiesOptions = {
  titlePage: true,
  page: {
    size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
    margin: { ...MARGIN, header: mm(10), footer: mm(10) },
  },
};

/** The page number, centred at the top of every page but the first. */
export function pageNumberHeaders(): { default: Header; first: Header } {
  return {
    default: new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ children: [PageNumber.CURRENT], size: SIZE.small })],
        }),
      ],
    }),
    first: new Header({ children: [new Paragraph({})] }),
  };
}

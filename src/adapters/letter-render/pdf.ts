import { formatLongDate } from "../../domain/calendar/day-number.ts";
import type { LetterDocument, LetterSection } from "../../domain/letters/letter-document.ts";
import { FONT } from "../pdf/fonts.ts";
import { addPageNumbers, createTaggedPdf } from "../pdf/tagged-pdf.ts";
import { typeScaleFor, type TypeScale } from "./type-scale.ts";

const MM = 72 / 25.4;
/** A4 with room for a window envelope's address panel and a binder's edge. */
const MARGINS = { top: 20 * MM, bottom: 25 * MM, left: 25 * MM, right: 20 * MM };

type Doc = PDFKit.PDFDocument;
type Element = PDFKit.PDFStructureElement;

/**
 * The letter as a tagged PDF in the spirit of PDF/UA-1: a structure tree (Document → H1, P, Sect → H2,
 * P, L → LI → Lbl + LBody) in reading order, the document language and title (shown in the viewer's
 * title bar), an embedded font, and page numbers marked as artifacts so assistive technology skips them.
 * The same letter always gives the same bytes: every date in the file is the letter's date.
 */
export async function renderLetterPdf(
  letter: LetterDocument,
  options: { largePrint: boolean },
): Promise<Buffer> {
  const scale = typeScaleFor(options);
  const { doc, bytes } = createTaggedPdf({
    layout: "portrait",
    margins: MARGINS,
    language: letter.language,
    title: letter.title,
    author: letter.landlord.name,
    subject: `A letter from ${letter.landlord.name}, reference ${letter.reference}`,
    dated: letter.date,
  });

  const root = doc.struct("Document");
  doc.addStructure(root);
  const writer = new LetterWriter(doc, scale);
  writer.letterhead(root, letter);
  writer.recipient(root, letter);
  writer.dateAndReference(root, letter);
  writer.title(root, letter.title);
  writer.paragraph(root, letter.salutation);
  for (const section of letter.sections) writer.section(root, section);
  writer.signOff(root, letter.signOff);
  root.end();
  addPageNumbers(doc, { fontSize: scale.body });

  doc.end();
  return bytes;
}

/** Draws each part of the letter at the current position, as a structure element of its parent. */
class LetterWriter {
  private readonly width: number;

  constructor(
    private readonly doc: Doc,
    private readonly scale: TypeScale,
  ) {
    this.width = doc.page.width - MARGINS.left - MARGINS.right;
  }

  letterhead(parent: Element, letter: LetterDocument): void {
    this.block(parent, "P", () => {
      this.write(letter.landlord.name, { bold: true, align: "right" });
      for (const line of letter.landlord.addressLines) this.write(line, { align: "right" });
    });
    this.space(1.5);
  }

  recipient(parent: Element, letter: LetterDocument): void {
    this.block(parent, "P", () => {
      this.write(letter.recipient.name);
      for (const line of letter.recipient.addressLines) this.write(line);
    });
    this.space(1.5);
  }

  dateAndReference(parent: Element, letter: LetterDocument): void {
    this.paragraph(parent, formatLongDate(letter.date), 0);
    this.paragraph(parent, `Our reference: ${letter.reference}`);
  }

  title(parent: Element, title: string): void {
    this.block(parent, "H1", () => this.write(title, { bold: true, size: this.scale.title }));
    this.space(0.75);
  }

  paragraph(parent: Element, text: string, after = 0.75): void {
    this.block(parent, "P", () => this.write(text));
    this.space(after);
  }

  section(parent: Element, section: LetterSection): void {
    const sect = this.doc.struct("Sect");
    parent.add(sect);
    this.keepWithNext(this.scale.heading * 2 + this.lineHeight() * 2);
    this.space(0.5);
    this.block(sect, "H2", () => this.write(section.heading, { bold: true, size: this.scale.heading }));
    this.space(0.5);
    for (const paragraph of section.paragraphs) this.paragraph(sect, paragraph);
    if (section.items && section.items.length > 0) this.list(sect, section.items);
    sect.end();
  }

  signOff(parent: Element, signOff: LetterDocument["signOff"]): void {
    this.keepWithNext(this.lineHeight() * 5);
    this.paragraph(parent, signOff.closing, 2);
    this.block(parent, "P", () => {
      this.write(signOff.name, { bold: true });
      this.write(signOff.role);
    });
  }

  private list(parent: Element, items: string[]): void {
    const { doc } = this;
    const list = doc.struct("L");
    parent.add(list);
    doc.font(FONT.regular).fontSize(this.scale.body);
    doc.x = MARGINS.left;
    doc.list(items, {
      width: this.width,
      structParent: list,
      lineGap: this.lineGap(),
      paragraphGap: this.lineHeight() * 0.4,
    });
    list.end();
    this.space(0.75);
  }

  /** A structure element whose content is what `draw` puts on the page (pdfkit marks it as it draws). */
  private block(parent: Element, type: string, draw: () => void): void {
    parent.add(this.doc.struct(type, {}, draw));
  }

  private write(
    text: string,
    options: { bold?: boolean; size?: number; align?: "left" | "right" } = {},
  ): void {
    const { doc } = this;
    doc
      .font(options.bold ? FONT.bold : FONT.regular)
      .fontSize(options.size ?? this.scale.body)
      .text(text, MARGINS.left, doc.y, {
        width: this.width,
        align: options.align ?? "left",
        lineGap: this.lineGap(options.size),
      });
  }

  /** Extra space between lines, so that lines are `lineHeight` times the font size apart. */
  private lineGap(size = this.scale.body): number {
    this.doc.fontSize(size);
    return Math.max(0, size * this.scale.lineHeight - this.doc.currentLineHeight());
  }

  private lineHeight(): number {
    return this.scale.body * this.scale.lineHeight;
  }

  private space(lines: number): void {
    this.doc.y += this.lineHeight() * lines;
  }

  /** Starts a new page when less than `height` is left, so a heading is never last on a page. */
  private keepWithNext(height: number): void {
    const { doc } = this;
    if (doc.y + height > doc.page.height - MARGINS.bottom) {
      doc.addPage();
      doc.y = MARGINS.top;
    }
  }
}

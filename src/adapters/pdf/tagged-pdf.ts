import PDFDocument from "pdfkit";
import { escapeXmpText } from "./xmp.ts";
import { FONT, registerFonts } from "./fonts.ts";

export interface TaggedPdfOptions {
  layout: "portrait" | "landscape";
  margins: { top: number; bottom: number; left: number; right: number };
  /** The document language (/Lang). */
  language: string;
  title: string;
  author: string;
  subject: string;
  /** The London date (YYYY-MM-DD) the document is dated: its creation and modification dates. */
  dated: string;
}

/**
 * An A4 pdfkit document set up as a tagged PDF in the spirit of PDF/UA-1: marked and tagged, the document
 * language and title (shown in the viewer's title bar), XMP metadata that names PDF/UA and survives "&"
 * and "<" in a title, and only the embedded DejaVu fonts. The same content and date give the same bytes.
 * Pages are buffered so that `addPageNumbers` can number them at the end. Letters and reports share it.
 */
export function createTaggedPdf(options: TaggedPdfOptions): {
  doc: PDFKit.PDFDocument;
  bytes: Promise<Buffer>;
} {
  const dated = new Date(`${options.dated}T00:00:00Z`);
  const doc = new PDFDocument({
    size: "A4",
    layout: options.layout,
    margins: options.margins,
    // No default font: pdfkit would load Helvetica; the fonts registered below are the only ones.
    font: null as unknown as string,
    bufferPages: true,
    pdfVersion: "1.7",
    tagged: true,
    lang: options.language,
    displayTitle: true,
    // pdfkit supports "PDF/UA" (XMP pdfuaid:part 1); its type definitions list only the PDF/A subsets.
    subset: "PDF/UA" as PDFKit.Mixins.PDFSubsets,
    info: {
      Title: options.title,
      Author: options.author,
      Subject: options.subject,
      Creator: "Redress",
      Producer: "Redress (PDFKit)",
      CreationDate: dated,
      ModDate: dated,
    },
  });
  escapeXmpText(doc);
  registerFonts(doc);
  return { doc, bytes: collect(doc) };
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}

/**
 * "Page X of Y" at the foot of every page, centred between the margins and marked as a pagination
 * artifact (not part of the content), so assistive technology skips it.
 */
export function addPageNumbers(doc: PDFKit.PDFDocument, options: { fontSize: number }): void {
  const range = doc.bufferedPageRange();
  for (let index = 0; index < range.count; index++) {
    doc.switchToPage(range.start + index);
    const { margins } = doc.page;
    // Writing inside the bottom margin would otherwise make pdfkit start a new page.
    const bottom = margins.bottom;
    margins.bottom = 0;
    doc.markContent("Artifact", { type: "Pagination" });
    doc
      .font(FONT.regular)
      .fontSize(options.fontSize)
      .text(
        `Page ${index + 1} of ${range.count}`,
        margins.left,
        doc.page.height - bottom / 2 - options.fontSize,
        {
          width: doc.page.width - margins.left - margins.right,
          align: "center",
          lineBreak: false,
        },
      );
    doc.endMarkedContent();
    margins.bottom = bottom;
  }
}

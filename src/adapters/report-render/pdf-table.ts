import type { TableBlock } from "../../domain/reporting/report-document.ts";
import { formatCell } from "../../domain/reporting/table-cells.ts";
import { FONT } from "../pdf/fonts.ts";

type Doc = PDFKit.PDFDocument;
type Element = PDFKit.PDFStructureElement;
/** pdfkit (0.19+) takes a table header's scope; its type definitions do not list it yet. */
type StructureOptions = PDFKit.Mixins.StructureElementOptions & { scope: "Column" | "Row" };

const TEXT = "#0b0c0c";
const RULE = "#cecece";

export interface TableStyle {
  fontSize: number;
  /** Where the page's content starts again after a page break. */
  top: number;
  bottom: number;
}

/**
 * A table block as a tagged table: Table → Caption, THead → TR → TH (Column scope), TBody → TR → TH (Row
 * scope, when the first cell names the row) and TD, in reading order. Numbers are right-aligned as on the
 * page. A table longer than the page goes on over the next, its header row drawn again there as an
 * artifact (a reader hears it once). Rules between rows are artifacts too. Drill-down links are left
 * out: they lead to pages of the web app, not to anything in the PDF.
 */
export function writeTable(
  doc: Doc,
  parent: Element,
  table: TableBlock,
  x: number,
  width: number,
  style: TableStyle,
): void {
  const f = style.fontSize;
  const padding = f * 0.4;
  const widths = columnWidths(doc, table, width, f, padding);
  const align = table.columns.map(
    (column) => (column.type === "number" ? "right" : "left") as "right" | "left",
  );
  const header = table.columns.map((column) => column.header);
  const rows = table.rows.map((row) => table.columns.map((column, c) => formatCell(row[c] ?? null, column)));
  const inner = (c: number) => (widths[c] ?? 0) - 2 * padding;

  const rowHeight = (cells: string[], bold: (c: number) => boolean) =>
    Math.max(
      ...cells.map((text, c) => {
        doc.font(bold(c) ? FONT.bold : FONT.regular).fontSize(f);
        return doc.heightOfString(text || " ", { width: inner(c) });
      }),
    ) +
    2 * padding;
  const isRowHeader = (c: number) => table.firstCellIsHeader && c === 0;

  /** Draws one row's cells at doc.y, each cell as a structure element of `tr`, or the whole row as an artifact. */
  const drawRow = (cells: string[], kind: "header" | "body", tr: Element | null) => {
    const top = doc.y;
    if (!tr) doc.markContent("Artifact", { type: "Pagination" });
    const height = rowHeight(cells, (c) => kind === "header" || isRowHeader(c));
    let left = x;
    cells.forEach((text, c) => {
      const bold = kind === "header" || isRowHeader(c);
      const draw = () => {
        doc
          .font(bold ? FONT.bold : FONT.regular)
          .fontSize(f)
          .fillColor(TEXT)
          .text(text, left + padding, top + padding, { width: inner(c), align: align[c] });
      };
      if (tr) {
        const type = kind === "header" || isRowHeader(c) ? "TH" : "TD";
        const scope = kind === "header" ? "Column" : isRowHeader(c) ? "Row" : undefined;
        tr.add(doc.struct(type, scope ? ({ scope } as StructureOptions) : {}, draw));
      } else {
        draw();
      }
      left += widths[c] ?? 0;
    });
    if (tr) doc.markContent("Artifact", { type: "Layout" });
    doc
      .save()
      .moveTo(x, top + height)
      .lineTo(x + width, top + height)
      .lineWidth(kind === "header" ? 1.5 : 0.75)
      .stroke(kind === "header" ? TEXT : RULE)
      .restore();
    doc.endMarkedContent();
    doc.y = top + height;
    doc.x = x;
  };

  const element = doc.struct("Table");
  parent.add(element);
  const captionHeight = (() => {
    doc.font(FONT.bold).fontSize(f * 1.1);
    return doc.heightOfString(table.caption, { width });
  })();
  const headerHeight = rowHeight(header, () => true);
  const firstRowHeight = rows[0] ? rowHeight(rows[0], isRowHeader) : 0;
  // The caption, the header and the first row stay together.
  if (doc.y + captionHeight + headerHeight + firstRowHeight + f > style.bottom) newPage(doc, style);
  element.add(
    doc.struct("Caption", {}, () => {
      doc
        .font(FONT.bold)
        .fontSize(f * 1.1)
        .fillColor(TEXT)
        .text(table.caption, x, doc.y, { width });
    }),
  );
  doc.y += f * 0.3;
  const head = doc.struct("THead");
  element.add(head);
  const headRow = doc.struct("TR");
  head.add(headRow);
  drawRow(header, "header", headRow);
  headRow.end();
  head.end();

  const body = doc.struct("TBody");
  element.add(body);
  for (const cells of rows) {
    if (doc.y + rowHeight(cells, isRowHeader) > style.bottom) {
      newPage(doc, style);
      drawRow(header, "header", null);
    }
    const tr = doc.struct("TR");
    body.add(tr);
    drawRow(cells, "body", tr);
    tr.end();
  }
  body.end();
  element.end();
}

function newPage(doc: Doc, style: TableStyle): void {
  doc.addPage();
  doc.y = style.top;
}

/**
 * Each column as wide as its widest line needs (headers may wrap onto a few lines, so they count for
 * less), given the spare room when the table is narrower than the page. When it is wider, a column
 * narrower than an even share keeps its width (a provision number, "Not answered"); the others keep at
 * least their longest word and share what is left in proportion to how much more they would take.
 */
function columnWidths(doc: Doc, table: TableBlock, width: number, f: number, padding: number): number[] {
  const widest = (texts: string[]) => Math.max(0, ...texts.map((text) => doc.widthOfString(text)));
  // Where a line may break: at spaces, after a dash, and after a hyphen or slash ("complaint-handling")
  // unless a digit follows, as pdfkit's line breaker (Unicode line breaking, UAX #14) keeps "2026-000001"
  // and "2026/27" whole: a column narrower than that would have them cut mid-word.
  const wordsOf = (text: string) => text.split(/\s+|(?<=[‐–—])|(?<=[-/])(?!\d)/);
  const sizes = table.columns.map((column, c) => {
    const cells = table.rows.map((row) => formatCell(row[c] ?? null, column));
    doc.font(FONT.bold).fontSize(f);
    const headerWord = widest(wordsOf(column.header));
    const header = Math.max(headerWord, doc.widthOfString(column.header) / 2);
    // Row headers are bold.
    doc.font(table.firstCellIsHeader && c === 0 ? FONT.bold : FONT.regular).fontSize(f);
    const natural = Math.max(header, widest(cells.flatMap((cell) => cell.split("\n")))) + 2 * padding;
    const least = Math.max(headerWord, widest(cells.flatMap(wordsOf))) + 2 * padding;
    return { natural, least: Math.min(least, natural) };
  });
  const sum = (ws: number[]) => ws.reduce((total, w) => total + w, 0);
  const natural = sizes.map((size) => size.natural);
  const total = sum(natural);
  if (total <= width) return natural.map((w) => w + (width - total) / natural.length);

  const kept = new Set<number>();
  for (let more = true; more;) {
    const share = (width - sum([...kept].map((c) => natural[c] ?? 0))) / (natural.length - kept.size);
    const narrow = natural.flatMap((w, c) => (!kept.has(c) && w <= share ? [c] : []));
    for (const c of narrow) kept.add(c);
    more = narrow.length > 0;
  }
  const others = sizes.filter((_, c) => !kept.has(c));
  const room = width - sum([...kept].map((c) => natural[c] ?? 0)) - sum(others.map((size) => size.least));
  if (room < 0) {
    // Not even the longest words fit: every column shrinks alike.
    const least = sum(sizes.map((size) => size.least));
    return sizes.map((size) => (size.least / least) * width);
  }
  const excess = sum(others.map((size) => size.natural - size.least));
  return sizes.map((size, c) =>
    kept.has(c) ? size.natural : size.least + ((size.natural - size.least) / excess) * room,
  );
}

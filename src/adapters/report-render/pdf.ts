import { formatLongDate } from "../../domain/calendar/day-number.ts";
import { chartSummary, chartTable } from "../../domain/reporting/chart-data.ts";
import type { Chart, Figure, ReportBlock, ReportDocument } from "../../domain/reporting/report-document.ts";
import { formatFigure } from "../../domain/reporting/report-format.ts";
import { STANDARD_PRINT } from "../letter-render/type-scale.ts";
import { FONT } from "../pdf/fonts.ts";
import { addPageNumbers, createTaggedPdf } from "../pdf/tagged-pdf.ts";
import { layoutChart } from "../report-charts/layout.ts";
import { paintChartOnPdf } from "../report-charts/pdf-chart.ts";
import { writeTable } from "./pdf-table.ts";

const MM = 72 / 25.4;
const MARGINS = { top: 20 * MM, bottom: 22 * MM, left: 20 * MM, right: 20 * MM };
/** Body text as in letters (12 pt); tables and charts, which carry many figures, in 10 pt. */
const SCALE = STANDARD_PRINT;
const SMALL = 10;
/** A table with more columns than this is printed on landscape pages. */
const PORTRAIT_COLUMNS = 6;
/** The text width of a portrait A4 page within the margins. */
const PORTRAIT_TEXT_WIDTH = 210 * MM - MARGINS.left - MARGINS.right;

type Doc = PDFKit.PDFDocument;
type Element = PDFKit.PDFStructureElement;
/** pdfkit (0.19+) takes a figure's bounding box; its type definitions do not list it yet. */
type FigureOptions = PDFKit.Mixins.StructureElementOptions & { bbox: [number, number, number, number] };

/**
 * A report as a tagged PDF in the spirit of PDF/UA-1, set up as letters are (embedded DejaVu fonts,
 * /Lang, title shown, page numbers as artifacts): Document → H1, P, then each block in order: H2/H3, P, a
 * list of figures (L → LI), tables (Table → Caption, THead, TBody, headers with their scope) and charts
 * drawn as vector graphics in a Figure whose alternative text is the chart's description and its data in
 * words, followed by the chart's data table. Portrait, or landscape when a table is too wide for it. The
 * same report gives the same bytes: the file is dated the day the report was produced.
 */
export async function renderReportPdf(report: ReportDocument): Promise<Buffer> {
  const wide = report.blocks.some(
    (block) =>
      (block.kind === "table" && block.columns.length > PORTRAIT_COLUMNS) ||
      (block.kind === "chart" && block.chart.series.length + 1 > PORTRAIT_COLUMNS),
  );
  const { doc, bytes } = createTaggedPdf({
    layout: wide ? "landscape" : "portrait",
    margins: MARGINS,
    language: report.language,
    title: report.title,
    author: report.organisation.name,
    subject: `${report.title}: ${report.organisation.name}, ${report.period.label}`,
    dated: report.producedOn,
  });
  const root = doc.struct("Document");
  doc.addStructure(root);
  const writer = new ReportWriter(doc, root);
  writer.heading(1, report.title);
  writer.paragraph(
    `${report.organisation.name}. ${report.period.label}: ${formatLongDate(report.period.from)} to ${formatLongDate(report.period.to)}. Produced on ${formatLongDate(report.producedOn)}.`,
  );
  report.blocks.forEach((block, i) => writer.block(block, report.blocks.slice(i + 1)));
  root.end();
  addPageNumbers(doc, { fontSize: SMALL });
  doc.end();
  return bytes;
}

class ReportWriter {
  private readonly width: number;
  private readonly bottom: number;

  constructor(
    private readonly doc: Doc,
    private readonly root: Element,
  ) {
    this.width = doc.page.width - MARGINS.left - MARGINS.right;
    this.bottom = doc.page.height - MARGINS.bottom;
  }

  /** `after`: the blocks that follow, so a heading can stay with what it introduces. */
  block(block: ReportBlock, after: ReportBlock[] = []): void {
    switch (block.kind) {
      case "heading":
        return this.heading(block.level, block.text, this.introducedHeight(after));
      case "paragraph":
        return this.paragraph(block.text);
      case "figures":
        return this.figures(block.figures);
      case "table":
        writeTable(this.doc, this.root, block, MARGINS.left, this.width, {
          fontSize: SMALL,
          top: MARGINS.top,
          bottom: this.bottom,
        });
        return this.space(1);
      case "chart":
        return this.chart(block.chart);
    }
  }

  heading(level: 1 | 2 | 3, text: string, introduced = this.lineHeight() * 3): void {
    const size = level === 1 ? SCALE.title : level === 2 ? SCALE.heading : SCALE.body;
    // A heading is never the last thing on a page, nor parted from the paragraphs and chart it introduces.
    this.keepWithNext(size * 2 + introduced);
    if (level > 1) this.space(0.5);
    this.write(`H${level}`, text, { bold: true, size });
    this.space(0.5);
  }

  paragraph(text: string): void {
    this.write("P", text);
    this.space(0.75);
  }

  /** Each figure as a list item: "Label: 85.5%. Note". */
  private figures(figures: Figure[]): void {
    const { doc } = this;
    const list = doc.struct("L");
    this.root.add(list);
    doc.font(FONT.regular).fontSize(SCALE.body).fillColor("#0b0c0c");
    doc.x = MARGINS.left;
    doc.list(
      figures.map(
        (figure) =>
          `${figure.label}: ${formatFigure(figure.value, figure.unit)}${figure.note ? `. ${figure.note}` : ""}`,
      ),
      {
        width: this.width,
        structParent: list,
        lineGap: this.lineGap(),
        paragraphGap: this.lineHeight() * 0.4,
      },
    );
    list.end();
    this.space(0.75);
  }

  /**
   * How much of what follows a heading must go on its page with it: its paragraphs and, when they lead to a
   * chart, the chart (which is kept whole); otherwise three lines of whatever comes next. Never more than a
   * page, so a heading cannot push everything on.
   */
  private introducedHeight(after: ReportBlock[]): number {
    const { doc } = this;
    let height = 0;
    for (const block of after) {
      if (block.kind === "paragraph") {
        doc.font(FONT.regular).fontSize(SCALE.body);
        height += doc.heightOfString(block.text, { width: this.width, lineGap: this.lineGap() });
        height += this.lineHeight() * 0.75;
        continue;
      }
      height += block.kind === "chart" ? this.chartHeight(block.chart) : this.lineHeight() * 3;
      break;
    }
    return Math.min(height, (this.bottom - MARGINS.top) * 0.9);
  }

  /** A chart's layout at the width it is drawn, and the scale that keeps it within a page. */
  private chartLayout(chart: Chart): { layout: ReturnType<typeof layoutChart>; scale: number } {
    // On a landscape page a chart as wide as the page would be as tall as one: keep to a portrait width.
    const layout = layoutChart(chart, { width: Math.min(this.width, PORTRAIT_TEXT_WIDTH), fontSize: SMALL });
    const room = this.bottom - MARGINS.top - this.lineHeight() * 4;
    return { layout, scale: Math.min(1, room / layout.height) };
  }

  private chartHeight(chart: Chart): number {
    const { layout, scale } = this.chartLayout(chart);
    return this.lineHeight() * 4 + layout.height * scale;
  }

  /**
   * The chart's title and description as text, the chart as a Figure (alternative text: title,
   * description, the data in words), then its data table. The chart is kept on one page, scaled down
   * only if it is taller than a page.
   */
  private chart(chart: Chart): void {
    const { doc } = this;
    const { layout, scale } = this.chartLayout(chart);
    this.keepWithNext(this.chartHeight(chart));
    this.write("P", chart.title, { bold: true });
    this.paragraph(chart.description);
    const top = doc.y;
    const bbox: [number, number, number, number] = [
      MARGINS.left,
      top,
      MARGINS.left + layout.width * scale,
      top + layout.height * scale,
    ];
    const alt = `${chart.title}. ${chart.description} ${chartSummary(chart)}`;
    this.root.add(
      doc.struct("Figure", { alt, bbox } as FigureOptions, () =>
        paintChartOnPdf(doc, layout, { x: MARGINS.left, y: top, scale }),
      ),
    );
    doc.x = MARGINS.left;
    doc.y = top + layout.height * scale + this.lineHeight() * 0.5;
    this.block(chartTable(chart));
  }

  private write(type: string, text: string, options: { bold?: boolean; size?: number } = {}): void {
    const { doc } = this;
    this.root.add(
      doc.struct(type, {}, () => {
        doc
          .font(options.bold ? FONT.bold : FONT.regular)
          .fontSize(options.size ?? SCALE.body)
          .fillColor("#0b0c0c")
          .text(text, MARGINS.left, doc.y, { width: this.width, lineGap: this.lineGap(options.size) });
      }),
    );
  }

  /** Extra space between lines, so that lines are the type scale's line height apart. */
  private lineGap(size = SCALE.body): number {
    this.doc.fontSize(size);
    return Math.max(0, size * SCALE.lineHeight - this.doc.currentLineHeight());
  }

  private lineHeight(): number {
    return SCALE.body * SCALE.lineHeight;
  }

  private space(lines: number): void {
    this.doc.y += this.lineHeight() * lines;
  }

  private keepWithNext(height: number): void {
    if (this.doc.y + height > this.bottom) {
      this.doc.addPage();
      this.doc.y = MARGINS.top;
    }
  }
}

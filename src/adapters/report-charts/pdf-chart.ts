import { FONT } from "../pdf/fonts.ts";
import { LINE_HEIGHT, markerPoints, type ChartLayout, type Shape } from "./geometry.ts";
import { BACKGROUND_COLOUR, type SeriesStyle } from "./palette.ts";
import { patternTile } from "./patterns.ts";

type Doc = PDFKit.PDFDocument;

/**
 * Paints a laid-out chart onto a PDF page as vector graphics, the top-left corner at (x, y), `scale` times
 * its layout size. The same shapes, colours and patterns as the SVG; text in the embedded font. The caller
 * wraps it in a Figure structure element with the chart's alternative text.
 */
export function paintChartOnPdf(
  doc: Doc,
  layout: ChartLayout,
  at: { x: number; y: number; scale: number },
): void {
  doc.save();
  doc.translate(at.x, at.y);
  doc.scale(at.scale);
  for (const shape of layout.shapes) paint(doc, shape);
  doc.restore();
}

function paint(doc: Doc, shape: Shape): void {
  switch (shape.type) {
    case "bar":
      return bar(doc, shape.x, shape.y, shape.width, shape.height, shape.style);
    case "line":
      doc.save().moveTo(shape.x1, shape.y1).lineTo(shape.x2, shape.y2).lineWidth(shape.strokeWidth);
      withDash(doc, shape.dash).stroke(shape.colour);
      doc.restore();
      return;
    case "path": {
      doc.save().lineWidth(shape.strokeWidth).lineJoin("round").lineCap("round");
      const [first, ...rest] = shape.points;
      if (first) doc.moveTo(first[0], first[1]);
      for (const [px, py] of rest) doc.lineTo(px, py);
      withDash(doc, shape.dash).stroke(shape.colour);
      doc.restore();
      return;
    }
    case "marker":
      doc.save().lineWidth(1);
      if (shape.shape === "circle") doc.circle(shape.x, shape.y, shape.radius);
      else doc.polygon(...markerPoints(shape.shape, shape.x, shape.y, shape.radius));
      doc.fillAndStroke(shape.colour, BACKGROUND_COLOUR);
      doc.restore();
      return;
    case "text":
      doc
        .font(shape.weight === "bold" ? FONT.bold : FONT.regular)
        .fontSize(shape.size)
        .fillColor(shape.colour);
      shape.lines.forEach((line, index) => {
        const width = doc.widthOfString(line);
        const left =
          shape.anchor === "start"
            ? shape.x
            : shape.anchor === "middle"
              ? shape.x - width / 2
              : shape.x - width;
        doc.text(line, left, shape.y + index * shape.size * LINE_HEIGHT, {
          lineBreak: false,
          baseline: "alphabetic",
        });
      });
      return;
  }
}

function withDash(doc: Doc, dash: number[] | undefined): Doc {
  if (!dash || dash.length === 0) return doc.undash();
  // pdfkit takes the whole dash array as its `length`; its types say a number.
  return doc.dash(dash as unknown as number, {});
}

/** A bar: its colour, the pattern's white lines and dots repeated inside it, and an outline in its colour. */
function bar(doc: Doc, x: number, y: number, width: number, height: number, style: SeriesStyle): void {
  doc.save();
  doc.rect(x, y, width, height).fill(style.colour);
  const tile = patternTile(style.pattern);
  if (tile && width > 0) {
    doc.save();
    doc.rect(x, y, width, height).clip();
    doc.lineWidth(tile.lineWidth).strokeColor(BACKGROUND_COLOUR).fillColor(BACKGROUND_COLOUR);
    // Tiles are aligned to the layout's origin, as SVG's userSpaceOnUse patterns are.
    for (let tx = Math.floor(x / tile.size) * tile.size; tx < x + width; tx += tile.size) {
      for (let ty = Math.floor(y / tile.size) * tile.size; ty < y + height; ty += tile.size) {
        for (const [x1, y1, x2, y2] of tile.lines) doc.moveTo(tx + x1, ty + y1).lineTo(tx + x2, ty + y2);
        if (tile.lines.length > 0) doc.stroke();
        for (const [cx, cy, r] of tile.dots) doc.circle(tx + cx, ty + cy, r).fill();
      }
    }
    doc.restore();
  }
  doc.lineWidth(1.5).rect(x, y, width, height).stroke(style.colour);
  doc.restore();
}

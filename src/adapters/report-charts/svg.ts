import { chartSummary } from "../../domain/reporting/chart-data.ts";
import type { Chart } from "../../domain/reporting/report-document.ts";
import { escapeXml } from "../pdf/xmp.ts";
import { LINE_HEIGHT, markerPoints, round, type ChartLayout, type Shape } from "./geometry.ts";
import { layoutChart } from "./layout.ts";
import { BACKGROUND_COLOUR, type SeriesStyle } from "./palette.ts";
import { patternTile } from "./patterns.ts";

/** The width charts are laid out in on a page (user units; the SVG scales to its column) and their text size. */
export const SCREEN_LAYOUT = { width: 640, fontSize: 16 };

/**
 * A chart as an SVG element to put in a page (server-side, no script, the same chart always the same
 * bytes): `role="img"` named by its <title> and described by its <desc> (the chart's one-sentence
 * description, then its data in words), every data mark with a <title> of its label and value, and
 * every piece of text escaped. Presentation attributes only, no <style>, so the page's Content Security
 * Policy (style-src 'self') has nothing to refuse. `id` must be unique on the page (default: from the data).
 */
export function renderChartSvg(chart: Chart, options: { id?: string } = {}): string {
  const layout = layoutChart(chart, SCREEN_LAYOUT);
  const id = options.id ? options.id.replace(/[^A-Za-z0-9_-]/g, "-") : `chart-${hash(JSON.stringify(chart))}`;
  const description = `${chart.description} ${chartSummary(chart)}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" id="${id}" class="redress-chart" viewBox="0 0 ${layout.width} ${layout.height}" width="100%" role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc" font-family="Arial, Helvetica, sans-serif">`,
    `<title id="${id}-title">${escapeXml(chart.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(description)}</desc>`,
    patternDefinitions(layout, id),
    `<rect width="${layout.width}" height="${layout.height}" fill="${BACKGROUND_COLOUR}"/>`,
    ...layout.shapes.map((shape) => paint(shape, id)),
    "</svg>",
  ].join("\n");
}

function paint(shape: Shape, id: string): string {
  const role = `class="redress-chart__${shape.role}"`;
  switch (shape.type) {
    case "bar":
      return element(
        "rect",
        `${role}${markData(shape.of)} x="${shape.x}" y="${shape.y}" width="${shape.width}" height="${shape.height}" fill="${fillOf(shape.style, id)}" stroke="${shape.style.colour}" stroke-width="1.5"`,
        shape.title,
      );
    case "line":
      return `<line ${role} x1="${shape.x1}" y1="${shape.y1}" x2="${shape.x2}" y2="${shape.y2}" stroke="${shape.colour}" stroke-width="${shape.strokeWidth}"${dash(shape.dash)}/>`;
    case "path":
      return `<polyline ${role} data-series="${shape.series}" points="${shape.points.map((p) => p.join(",")).join(" ")}" fill="none" stroke="${shape.colour}" stroke-width="${shape.strokeWidth}" stroke-linejoin="round" stroke-linecap="round"${dash(shape.dash)}/>`;
    case "marker": {
      const paintAttributes = `${role}${markData(shape.of)} fill="${shape.colour}" stroke="${BACKGROUND_COLOUR}" stroke-width="1"`;
      return shape.shape === "circle"
        ? element(
            "circle",
            `${paintAttributes} cx="${shape.x}" cy="${shape.y}" r="${shape.radius}"`,
            shape.title,
          )
        : element(
            "polygon",
            `${paintAttributes} points="${markerPoints(shape.shape, shape.x, shape.y, shape.radius)
              .map((p) => p.join(","))
              .join(" ")}"`,
            shape.title,
          );
    }
    case "text": {
      const lines = shape.lines
        .map(
          (line, index) =>
            `<tspan x="${shape.x}"${index === 0 ? "" : ` dy="${round(shape.size * LINE_HEIGHT)}"`}>${escapeXml(line)}</tspan>`,
        )
        .join("");
      const title = shape.title ? `<title>${escapeXml(shape.title)}</title>` : "";
      return `<text ${role} x="${shape.x}" y="${shape.y}" font-size="${shape.size}"${shape.weight === "bold" ? ' font-weight="bold"' : ""} text-anchor="${shape.anchor}" fill="${shape.colour}">${title}${lines}</text>`;
    }
  }
}

function element(name: string, attributes: string, title: string | undefined): string {
  return title
    ? `<${name} ${attributes}><title>${escapeXml(title)}</title></${name}>`
    : `<${name} ${attributes}/>`;
}

function markData(of: { series: number; category: number } | undefined): string {
  return of ? ` data-series="${of.series}" data-category="${of.category}"` : "";
}

function dash(pattern: number[] | undefined): string {
  return pattern && pattern.length > 0 ? ` stroke-dasharray="${pattern.join(" ")}"` : "";
}

function fillOf(style: SeriesStyle, id: string): string {
  return patternTile(style.pattern) ? `url(#${id}-${style.pattern})` : style.colour;
}

/** One <pattern> per patterned series style the chart uses, named after the chart so ids stay unique on a page. */
function patternDefinitions(layout: ChartLayout, id: string): string {
  const styles = new Map<string, SeriesStyle>();
  for (const shape of layout.shapes) if (shape.type === "bar") styles.set(shape.style.pattern, shape.style);
  const patterns = [...styles.values()].flatMap((style) => {
    const tile = patternTile(style.pattern);
    if (!tile) return [];
    const lines = tile.lines.map(([x1, y1, x2, y2]) => `M${x1},${y1}L${x2},${y2}`).join("");
    const dots = tile.dots
      .map(([cx, cy, r]) => `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${BACKGROUND_COLOUR}"/>`)
      .join("");
    return [
      `<pattern id="${id}-${style.pattern}" patternUnits="userSpaceOnUse" width="${tile.size}" height="${tile.size}">` +
        `<rect width="${tile.size}" height="${tile.size}" fill="${style.colour}"/>` +
        (lines ? `<path d="${lines}" stroke="${BACKGROUND_COLOUR}" stroke-width="${tile.lineWidth}"/>` : "") +
        `${dots}</pattern>`,
    ];
  });
  return patterns.length > 0 ? `<defs>${patterns.join("")}</defs>` : "";
}

/** FNV-1a: a short, stable name for a chart from its data. */
function hash(text: string): string {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value.toString(36);
}

import { describe, expect, it } from "vitest";
import {
  aCategoryChart,
  aGroupedChart,
  aStackedChart,
  aTrendChart,
} from "../../../test/support/report-documents.ts";
import { InvalidChartError } from "../../domain/reporting/chart-data.ts";
import type { Chart } from "../../domain/reporting/report-document.ts";
import { niceTicks, type ChartLayout, type Shape } from "./geometry.ts";
import { layoutChart } from "./layout.ts";
import { textWidth } from "./text-measure.ts";

const OPTIONS = { width: 640, fontSize: 16 };
type Of<T extends Shape["type"]> = Extract<Shape, { type: T }>;

const bars = (layout: ChartLayout) =>
  layout.shapes.filter((s): s is Of<"bar"> => s.type === "bar" && s.role === "mark");
const texts = (layout: ChartLayout, role?: Shape["role"]) =>
  layout.shapes.filter((s): s is Of<"text"> => s.type === "text" && (!role || s.role === role));
const markers = (layout: ChartLayout) =>
  layout.shapes.filter((s): s is Of<"marker"> => s.type === "marker" && s.role === "mark");
const zeroAxis = (layout: ChartLayout) =>
  layout.shapes.find((s): s is Of<"line"> => s.type === "line" && s.role === "axis" && s.x1 === s.x2)!;

/** Where a text's lines reach left and right. */
function extent(text: Of<"text">): [number, number] {
  const width = Math.max(...text.lines.map((line) => textWidth(line, text.size, text.weight)));
  const left =
    text.anchor === "start" ? text.x : text.anchor === "middle" ? text.x - width / 2 : text.x - width;
  return [left, left + width];
}

function expectEverythingInside(layout: ChartLayout) {
  for (const text of texts(layout)) {
    const [left, right] = extent(text);
    expect(left, text.lines.join(" ")).toBeGreaterThanOrEqual(-0.01);
    expect(right, text.lines.join(" ")).toBeLessThanOrEqual(layout.width + 0.01);
    expect(text.y).toBeLessThanOrEqual(layout.height);
  }
  for (const bar of bars(layout)) {
    expect(bar.x).toBeGreaterThanOrEqual(0);
    expect(bar.x + bar.width).toBeLessThanOrEqual(layout.width);
    expect(bar.y + bar.height).toBeLessThanOrEqual(layout.height);
  }
}

describe("niceTicks", () => {
  it("steps in round numbers from zero past the largest value, whole numbers for counts", () => {
    expect(niceTicks(0, 42, { whole: true })).toEqual([0, 10, 20, 30, 40, 50]);
    expect(niceTicks(0, 3, { whole: true })).toEqual([0, 1, 2, 3]);
    expect(niceTicks(-12, 5, { whole: true })).toEqual([-15, -10, -5, 0, 5]);
    expect(niceTicks(0, 100, { whole: false })).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0, 0.3, { whole: false })).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(0, 12.35, { whole: false })).toEqual([0, 2.5, 5, 7.5, 10, 12.5]);
  });

  it("still gives an axis when there is nothing to show", () => {
    expect(niceTicks(0, 0, { whole: true })).toEqual([0, 1]);
    expect(niceTicks(0, 0, { whole: false })).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});

describe("bar charts", () => {
  it("draws bars in proportion to their values, from a zero axis", () => {
    const layout = layoutChart(aCategoryChart(), OPTIONS);
    const zero = zeroAxis(layout).x1;
    const [repairs, damp] = bars(layout);
    expect(repairs!.x).toBe(zero);
    expect(repairs!.width / damp!.width).toBeCloseTo(42 / 17, 2);
    expect(repairs!.title).toBe("Repairs: 42");
    expectEverythingInside(layout);
  });

  it("shows a zero as a bar of no length labelled 0, and a missing figure as 'No figure' with no bar", () => {
    const layout = layoutChart(aCategoryChart(), OPTIONS);
    const zero = bars(layout).find((bar) => bar.of?.category === 3)!;
    expect(zero).toMatchObject({ width: 0, title: "Leaks: 0" });
    expect(bars(layout).some((bar) => bar.of?.category === 4)).toBe(false);
    expect(texts(layout, "no-figure")).toEqual([
      expect.objectContaining({ lines: ["No figure"], title: "Staff conduct: no figure" }),
    ]);
    expect(texts(layout, "value-label").map((text) => text.lines[0])).toEqual(["42", "17", "5", "0", "1"]);
  });

  it("wraps a long category name onto two lines, cuts the rest and keeps the whole name as its title", () => {
    const layout = layoutChart(aCategoryChart(), OPTIONS);
    const long = texts(layout, "tick-label").find((text) => text.title)!;
    expect(long.title).toBe(aCategoryChart().categoryAxis.categories[2]);
    expect(long.lines).toHaveLength(2);
    expect(long.lines[1]).toMatch(/…$/);
    for (const line of long.lines) expect(textWidth(line, 16)).toBeLessThanOrEqual(640 * 0.3);
  });

  it("draws a single bar, and a chart with no figures at all, on an axis from 0 to 1", () => {
    const one = layoutChart(
      aCategoryChart({
        categoryAxis: { label: "Category", categories: ["Repairs"] },
        series: [{ label: "2026/27", values: [7] }],
      }),
      OPTIONS,
    );
    expect(bars(one)).toHaveLength(1);
    expectEverythingInside(one);
    const none = layoutChart(
      aCategoryChart({
        categoryAxis: { label: "Category", categories: ["A", "B"] },
        series: [{ label: "2026/27", values: [null, null] }],
      }),
      OPTIONS,
    );
    expect(bars(none)).toHaveLength(0);
    expect(texts(none, "no-figure")).toHaveLength(2);
    expect(texts(none, "tick-label").map((text) => text.lines[0])).toEqual(["A", "B", "0", "1"]);
  });

  it("grows taller with many categories, each in its own band, never squeezing the bars", () => {
    const categories = Array.from({ length: 60 }, (_, i) => `Category ${i + 1}`);
    const layout = layoutChart(
      aCategoryChart({
        categoryAxis: { label: "Category", categories },
        series: [{ label: "n", values: categories.map((_, i) => i) }],
      }),
      OPTIONS,
    );
    const marks = bars(layout);
    expect(marks).toHaveLength(60);
    marks.slice(1).forEach((bar, i) => expect(bar.y).toBeGreaterThanOrEqual(marks[i]!.y + marks[i]!.height));
    expect(Math.min(...marks.map((bar) => bar.height))).toBeGreaterThanOrEqual(16);
    expect(layout.height).toBeGreaterThan(60 * 24);
    expectEverythingInside(layout);
  });

  it("runs negative values left of the zero axis, labelled at their end", () => {
    const layout = layoutChart(
      aCategoryChart({
        categoryAxis: { label: "Category", categories: ["Repairs", "Leaks"] },
        series: [{ label: "Change", values: [5, -12] }],
      }),
      OPTIONS,
    );
    const zero = zeroAxis(layout).x1;
    const [up, down] = bars(layout);
    expect(up!.x).toBe(zero);
    expect(down!.x + down!.width).toBeCloseTo(zero, 1);
    const label = texts(layout, "value-label").find((text) => text.lines[0] === "-12")!;
    expect(label.anchor).toBe("end");
    expect(label.x).toBeLessThan(down!.x);
    expectEverythingInside(layout);
  });

  it("sets grouped bars side by side in series order, each series with its own pattern", () => {
    const layout = layoutChart(aGroupedChart(), OPTIONS);
    const repairs = bars(layout).filter((bar) => bar.of?.category === 0);
    expect(repairs.map((bar) => bar.of?.series)).toEqual([0, 1, 2]);
    repairs
      .slice(1)
      .forEach((bar, i) => expect(bar.y).toBeGreaterThanOrEqual(repairs[i]!.y + repairs[i]!.height));
    expect(new Set(repairs.map((bar) => bar.style.pattern)).size).toBe(3);
    expect(repairs[1]!.title).toBe("Repairs, Stage 2: 8");
    // The legend shows each series' pattern beside its name.
    const legend = layout.shapes.filter((s): s is Of<"bar"> => s.type === "bar" && s.role === "legend");
    expect(legend.map((swatch) => swatch.style.pattern)).toEqual(repairs.map((bar) => bar.style.pattern));
    expectEverythingInside(layout);
  });

  it("stacks a category's series end to end, parted by a gap, with the total at the end", () => {
    const layout = layoutChart(aStackedChart(), OPTIONS);
    const stage1 = bars(layout).filter((bar) => bar.of?.category === 0);
    expect(stage1).toHaveLength(3);
    stage1.slice(1).forEach((bar, i) => {
      const previousEnd = stage1[i]!.x + stage1[i]!.width;
      expect(bar.x - previousEnd).toBeCloseTo(2, 1);
    });
    expect(texts(layout, "value-label").map((text) => text.lines[0])).toEqual(["42", "8"]);
    expectEverythingInside(layout);
  });
});

describe("line charts", () => {
  it("breaks a line where there is no figure and marks every figure", () => {
    const layout = layoutChart(aTrendChart(), OPTIONS);
    const paths = layout.shapes.filter((s): s is Of<"path"> => s.type === "path");
    // Stage 1 has no July: April–June and August–March. Stage 2 has no May: April alone (no line), June–March.
    expect(paths.filter((p) => p.series === 0).map((p) => p.points.length)).toEqual([3, 8]);
    expect(paths.filter((p) => p.series === 1).map((p) => p.points.length)).toEqual([10]);
    expect(markers(layout)).toHaveLength(22);
    expect(markers(layout)[0]!.title).toBe("Apr 2026, Stage 1: 70.0%");
    expect(new Set(markers(layout).map((m) => m.shape))).toEqual(new Set(["circle", "square"]));
    expect(texts(layout, "no-figure")[0]!.lines.join(" ")).toBe(
      "A gap in a line is a period with no figure.",
    );
    expectEverythingInside(layout);
  });

  it("draws a single period as a lone marker, with no line", () => {
    const layout = layoutChart(
      aTrendChart({
        categoryAxis: { label: "Month", categories: ["Apr 2026"] },
        series: [{ label: "Stage 1", values: [80] }],
      }),
      OPTIONS,
    );
    expect(layout.shapes.filter((s) => s.type === "path")).toHaveLength(0);
    expect(markers(layout)).toHaveLength(1);
    expect(texts(layout, "no-figure")).toHaveLength(0);
    expectEverythingInside(layout);
  });

  it("names only every few periods when there are many, so names never overlap, and cuts long names", () => {
    const categories = Array.from({ length: 60 }, (_, i) => `Week beginning ${i + 1} of the reporting year`);
    const layout = layoutChart(
      aTrendChart({
        categoryAxis: { label: "Week", categories },
        series: [{ label: "Stage 1", values: categories.map((_, i) => i % 7) }],
      }),
      OPTIONS,
    );
    const names = texts(layout, "tick-label").filter((text) => text.anchor === "middle");
    expect(names.length).toBeLessThan(60);
    expect(names.length).toBeGreaterThan(1);
    names.slice(1).forEach((name, i) => expect(extent(name)[0]).toBeGreaterThan(extent(names[i]!)[1]));
    expect(names[0]!.title).toBe(categories[0]);
    expect(markers(layout)).toHaveLength(60);
    expectEverythingInside(layout);
  });

  it("takes the axis below zero for negative values and marks zero", () => {
    const layout = layoutChart(
      aTrendChart({
        valueAxis: { label: "Change", unit: "count" },
        series: [{ label: "Change", values: [3, -4, 0, 2, -1, 5, 1, 0, 0, 2, 3, -2] }],
      }),
      OPTIONS,
    );
    const ticks = texts(layout, "tick-label")
      .filter((text) => text.anchor === "end")
      .map((text) => text.lines[0]);
    expect(ticks).toEqual(["-4", "-2", "0", "2", "4", "6"]);
    const zeroLine = layout.shapes.filter(
      (s): s is Of<"line"> => s.type === "line" && s.role === "axis" && s.y1 === s.y2,
    );
    expect(zeroLine.length).toBeGreaterThanOrEqual(2);
  });
});

describe("layoutChart", () => {
  it("refuses a chart whose data does not fit its categories", () => {
    const broken: Chart = { ...aGroupedChart(), series: [{ label: "Stage 1", values: [1] }] };
    expect(() => layoutChart(broken, OPTIONS)).toThrow(InvalidChartError);
  });

  it("lays out the same chart the same way every time", () => {
    expect(layoutChart(aTrendChart(), OPTIONS)).toEqual(layoutChart(structuredClone(aTrendChart()), OPTIONS));
  });
});

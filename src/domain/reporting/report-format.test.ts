import { describe, expect, it } from "vitest";
import { formatFigure, formatTick, formatValue } from "./report-format.ts";
import { formatCell } from "./table-cells.ts";

describe("formatValue", () => {
  it("writes each unit as British readers expect, with no unit words in a cell", () => {
    expect(formatValue(1234, "count")).toBe("1,234");
    expect(formatValue(85.54, "percent")).toBe("85.5%");
    expect(formatValue(100, "percent")).toBe("100.0%");
    expect(formatValue(12.3456, "per-1000-homes")).toBe("12.35");
    expect(formatValue(0, "per-1000-homes")).toBe("0.00");
    expect(formatValue(8.25, "working-days")).toBe("8.3");
    expect(formatValue(1234.5, "pounds")).toBe("£1,234.50");
    expect(formatValue(20, "pounds")).toBe("£20");
    expect(formatValue(-3, "count")).toBe("-3");
    expect(formatValue(-0, "count")).toBe("0");
    expect(formatValue(18, "working-days")).toBe("18.0");
  });

  it("writes axis values without the decimals a round value does not need", () => {
    expect(formatTick(20, "percent")).toBe("20%");
    expect(formatTick(2, "per-1000-homes")).toBe("2");
    expect(formatTick(2.5, "per-1000-homes")).toBe("2.50");
    expect(formatTick(5, "pounds")).toBe("£5");
    expect(formatTick(1000, "count")).toBe("1,000");
  });

  it("shows a missing figure as 'No figure', never as 0 or blank", () => {
    expect(formatValue(null, "percent")).toBe("No figure");
    expect(formatValue(Number.NaN, "count")).toBe("No figure");
    expect(formatFigure(null, "per-1000-homes")).toBe("No figure");
  });

  it("adds the unit's words to a figure standing alone", () => {
    expect(formatFigure(12.3456, "per-1000-homes")).toBe("12.35 per 1,000 homes");
    expect(formatFigure(1, "working-days")).toBe("1.0 working days");
    expect(formatFigure(8.5, "working-days")).toBe("8.5 working days");
    expect(formatFigure(85.5, "percent")).toBe("85.5%");
    expect(formatFigure(85, "percent")).toBe("85.0%");
    expect(formatFigure(7, "count")).toBe("7");
  });
});

describe("formatCell", () => {
  it("formats numbers by the column's unit, dates without the weekday, and keeps text as it is", () => {
    expect(formatCell(85.5, { header: "Share", type: "number", unit: "percent" })).toBe("85.5%");
    expect(formatCell({ value: 3, href: "/x" }, { header: "n", type: "number", unit: "count" })).toBe("3");
    expect(formatCell(null, { header: "n", type: "number", unit: "count" })).toBe("No figure");
    expect(formatCell("2026-11-06", { header: "On", type: "date" })).toBe("6 November 2026");
    expect(formatCell(null, { header: "On", type: "date" })).toBe("");
    expect(formatCell("<b>x</b>", { header: "Text", type: "text" })).toBe("<b>x</b>");
  });
});

import { describe, expect, it } from "vitest";
import { MAX_SERIES } from "../../domain/reporting/chart-data.ts";
import {
  AXIS_COLOUR,
  BACKGROUND_COLOUR,
  contrastRatio,
  SECONDARY_TEXT_COLOUR,
  seriesStyle,
  TEMPLATE_BACKGROUND_COLOUR,
  TEXT_COLOUR,
} from "./palette.ts";

const BACKGROUNDS = [BACKGROUND_COLOUR, TEMPLATE_BACKGROUND_COLOUR];
const styles = Array.from({ length: MAX_SERIES }, (_, i) => seriesStyle(i));

describe("chart colours", () => {
  it("computes WCAG contrast ratios", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBe(1);
    // GOV.UK's orange on white: below the 3:1 marks need, which is why it is not used.
    expect(contrastRatio("#f47738", "#ffffff")).toBeLessThan(3);
  });

  it("gives every series colour and the axes at least 3:1 against the page (WCAG 1.4.11)", () => {
    for (const background of BACKGROUNDS) {
      for (const { colour } of styles)
        expect(contrastRatio(colour, background), colour).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(AXIS_COLOUR, background)).toBeGreaterThanOrEqual(3);
    }
  });

  it("gives text at least 4.5:1 against the page (WCAG 1.4.3)", () => {
    for (const background of BACKGROUNDS) {
      for (const colour of [TEXT_COLOUR, SECONDARY_TEXT_COLOUR])
        expect(contrastRatio(colour, background)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("never tells series apart by colour alone: each has its own colour, pattern and, on lines, marker or dash", () => {
    expect(new Set(styles.map((s) => s.colour)).size).toBe(MAX_SERIES);
    expect(new Set(styles.map((s) => s.pattern)).size).toBe(MAX_SERIES);
    expect(new Set(styles.map((s) => `${s.marker} ${s.dash.join(",")}`)).size).toBe(MAX_SERIES);
  });
});

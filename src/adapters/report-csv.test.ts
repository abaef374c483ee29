import { describe, expect, it } from "vitest";
import { tableCsv, toCsv } from "./report-csv.ts";

const BOM = "\uFEFF";

describe("report CSV files", () => {
  it("quotes commas, quotes and line breaks, and defuses formulas in people's words", () => {
    const csv = toCsv([
      ["name", "words", "figure"],
      ['Smith, "Jo"', "first line\nsecond line", 12.5],
      ['=HYPERLINK("http://evil")', "+1+2", -3],
      ["@SUM(A1)", "-2+3", null],
    ]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1)).toBe(
      [
        "name,words,figure",
        '"Smith, ""Jo""","first line\nsecond line",12.5',
        `"'=HYPERLINK(""http://evil"")",'+1+2,-3`,
        "'@SUM(A1),'-2+3,",
        "",
      ].join("\r\n"),
    );
  });

  it("writes a table with its headings, row headings and values", () => {
    const csv = tableCsv({
      id: "t",
      caption: "A table",
      description: "",
      head: ["Measure", "Figure"],
      rows: [{ header: "Share", cells: [{ text: "66.7%", value: 66.7, numeric: true }] }],
    });
    expect(csv).toBe(`${BOM}Measure,Figure\r\nShare,66.7\r\n`);
  });
});

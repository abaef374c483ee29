import { describe, expect, it } from "vitest";
import { occupantVulnerabilities, screenHazards } from "./hazard-screening.ts";

describe("the portal's health-and-safety questions", () => {
  it("flags nothing when no risk is reported, even with someone at risk living there", () => {
    expect(screenHazards({ risks: [], occupants: ["young-child"] })).toBeNull();
  });

  it.each([["gas"], ["electrics"], ["security"], ["immediate-danger"]] as const)(
    "treats %s as an emergency (the 24-hour clock)",
    (risk) => {
      expect(screenHazards({ risks: [risk], occupants: [] })?.severity).toBe("emergency");
    },
  );

  it("treats damp and mould, or water coming in, as significant", () => {
    expect(screenHazards({ risks: ["damp-mould"], occupants: [] })?.severity).toBe("significant");
    expect(screenHazards({ risks: ["water-coming-in", "damp-mould"], occupants: [] })?.severity).toBe(
      "significant",
    );
  });

  it("raises damp and mould to an emergency when someone at higher risk lives there", () => {
    const hazard = screenHazards({ risks: ["damp-mould"], occupants: ["breathing", "young-child"] });
    expect(hazard?.severity).toBe("emergency");
    expect(hazard?.description).toBe(
      "Reported by the resident: damp or mould. Living in the home: someone with asthma, a lung condition or " +
        "another breathing problem; a baby or young child.",
    );
  });

  it("keeps the resident's words in the description", () => {
    const hazard = screenHazards({ risks: ["gas"], occupants: [], details: "  Smell near the boiler " });
    expect(hazard?.description).toBe(
      "Reported by the resident: a smell of gas or a possible carbon monoxide leak. In their words: Smell near the boiler",
    );
  });

  it("records each person at risk as a vulnerability of the household", () => {
    expect(occupantVulnerabilities(["pregnant"])).toEqual([
      "Lives with someone who is pregnant (told us when complaining online)",
    ]);
  });
});

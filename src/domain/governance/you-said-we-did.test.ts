import { describe, expect, it } from "vitest";
import { GovernanceRuleError } from "./governance-errors.ts";
import {
  checkApproval,
  draftFromLessons,
  personalDetailsIn,
  publishedEntry,
  type KnownPersonalDetails,
  type YouSaidWeDidEntry,
} from "./you-said-we-did.ts";

const KNOWN: KnownPersonalDetails = {
  names: ["Ruth Example", "Sam Helper"],
  addresses: ["Flat 2, Canal View"],
  postcodes: ["B66 1AA"],
  emails: ["ruth@example.org"],
  phones: ["07700 900123"],
  references: ["BCHG-2026-000001"],
};

const entry = (over: Partial<YouSaidWeDidEntry> = {}): YouSaidWeDidEntry => ({
  id: "e1",
  youSaid: "You told us repairs needing parts took too long.",
  weDid: "We now book the follow-up visit when the first visit finds parts are needed.",
  themes: ["repairs"],
  changedOn: "2026-11-30",
  status: "draft",
  ...over,
});

describe("personal details in words meant for the website", () => {
  it("finds the details of the residents behind the entry, however they are spaced or cased", () => {
    const kinds = (text: string) => personalDetailsIn(text, KNOWN).map((f) => f.kind);
    expect(kinds("ruth  example told us")).toEqual(["name"]);
    expect(kinds("At flat 2, canal view the boiler failed")).toEqual(["address"]);
    expect(kinds("Call 07700900123")).toContain("phone");
    expect(kinds("as in bchg-2026-000001")).toContain("reference");
  });

  it("finds shapes that identify anyone: references, emails, postcodes, phone numbers, titled names, house and street", () => {
    const none: KnownPersonalDetails = {
      names: [],
      addresses: [],
      postcodes: [],
      emails: [],
      phones: [],
      references: [],
    };
    const kinds = (text: string) => personalDetailsIn(text, none).map((f) => f.kind);
    expect(kinds("Complaint BDHT-2027-000042 showed")).toEqual(["reference"]);
    expect(kinds("write to a.person@mail.example")).toEqual(["email"]);
    expect(kinds("homes in WS10 8AB")).toEqual(["postcode"]);
    expect(kinds("ring 0121 496 0000")).toEqual(["phone"]);
    expect(kinds("Mrs Khan said")).toEqual(["name"]);
    expect(kinds("the leak at 14 Church Road")).toEqual(["address"]);
    expect(kinds("Residents told us repairs took 3 visits in 2026.")).toEqual([]);
  });
});

describe("approving an entry for publication", () => {
  const refusal = (e: YouSaidWeDidEntry, today = "2026-12-15") => {
    try {
      checkApproval(e, KNOWN, today);
      return null;
    } catch (error) {
      if (error instanceof GovernanceRuleError)
        return { code: error.code, field: error.field, message: error.message };
      throw error;
    }
  };

  it("approves words with no one's details and a change that has been made", () => {
    expect(refusal(entry())).toBeNull();
  });

  it("refuses a resident's details, saying which and where", () => {
    expect(refusal(entry({ weDid: "We apologised to Ruth Example and fixed it." }))).toEqual({
      code: "PERSONAL_DETAILS",
      field: "weDid",
      message: `This would publish a resident's details (a name: "Ruth Example"). Take them out before approving it.`,
    });
    expect(refusal(entry({ youSaid: "BCHG-2026-000001 showed delays" }))?.field).toBe("youSaid");
  });

  it("needs the date of the change, on or before today, and a draft", () => {
    expect(refusal(entry({ changedOn: null }))?.code).toBe("CHANGED_ON_REQUIRED");
    expect(refusal(entry({ changedOn: "2026-12-16" }))?.code).toBe("DATE_IN_FUTURE");
    expect(refusal(entry({ status: "withdrawn" }))?.code).toBe("ENTRY_WITHDRAWN");
    expect(refusal(entry({ status: "approved" }))?.code).toBe("ALREADY_APPROVED");
  });

  it("publishes words, themes and the month only", () => {
    expect(publishedEntry(entry())).toEqual({
      youSaid: "You told us repairs needing parts took too long.",
      weDid: "We now book the follow-up visit when the first visit finds parts are needed.",
      themes: ["repairs"],
      changedIn: "2026-11",
    });
  });
});

describe("a draft from lessons", () => {
  it("takes the lessons' themes as what residents raised and their actions (or words) as what changed", () => {
    expect(
      draftFromLessons([
        {
          text: "Book follow-ups",
          themes: ["repairs"],
          action: "Schedulers book the second visit at the first",
        },
        { text: "Explain remedies", themes: ["communication", "repairs"], action: null },
      ]),
    ).toEqual({
      youSaid: "You told us about problems with repairs, communication.",
      weDid: "Schedulers book the second visit at the first. Explain remedies.",
      themes: ["repairs", "communication"],
    });
  });
});

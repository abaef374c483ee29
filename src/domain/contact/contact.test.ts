import { describe, expect, it } from "vitest";
import { resolvePolicyPack } from "../../adapters/policy-files.ts";
import { englandAndWalesCalendar } from "../calendar/england-and-wales.ts";
import {
  ContactRuleError,
  decideContact,
  earlyResolutionDue,
  foldContact,
  type ContactCommand,
  type ContactEvent,
  type ContactKind,
} from "./contact.ts";

const calendar = englandAndWalesCalendar();

function contactUnder(packId: string, kind: ContactKind, dissatisfactionExpressed = true) {
  const ctx = { pack: resolvePolicyPack(packId), calendar, today: "2026-12-31" };
  const events: ContactEvent[] = decideContact(
    null,
    {
      type: "log-contact",
      on: "2026-11-02",
      kind,
      channel: "phone",
      summary: "Boiler still broken",
      dissatisfactionExpressed,
    },
    ctx,
  );
  const apply = (command: ContactCommand) => {
    events.push(...decideContact(foldContact(events), command, ctx));
    return foldContact(events);
  };
  const attempt = (command: ContactCommand) => {
    try {
      decideContact(foldContact(events), command, ctx);
      return null;
    } catch (error) {
      return (error as ContactRuleError).code;
    }
  };
  return { apply, attempt, state: () => foldContact(events) };
}

describe("contacts", () => {
  it("will not close a contact where dissatisfaction was expressed until the offer to complain is recorded (Code 1.3)", () => {
    const c = contactUnder("hos-code-2024", "service-request");
    expect(c.attempt({ type: "close-contact", on: "2026-11-03" })).toBe("OFFER_TO_COMPLAIN_REQUIRED");
    c.apply({ type: "record-offer-to-complain", on: "2026-11-02", residentChose: "not-now" });
    expect(c.attempt({ type: "close-contact", on: "2026-11-03" })).toBeNull();
  });

  it("keeps a service request open when a complaint is raised about it (Code 1.5)", () => {
    const c = contactUnder("bchg", "service-request");
    const state = c.apply({
      type: "raise-complaint",
      on: "2026-11-05",
      complaintReference: "BCHG-2026-000001",
    });
    expect(state.closedOn).toBeUndefined();
    expect(state.complaintReferences).toEqual(["BCHG-2026-000001"]);
  });

  it("lets Brighter Places resolve early within 5 working days, and sends it to Stage 1 after that", () => {
    const c = contactUnder("brighter-places", "complaint");
    c.apply({ type: "start-early-resolution", on: "2026-11-02" });
    // Mon 2 Nov + 5 working days = Mon 9 Nov.
    expect(earlyResolutionDue(c.state(), resolvePolicyPack("brighter-places"), calendar)).toBe("2026-11-09");
    expect(c.attempt({ type: "resolve-early", on: "2026-11-10", howResolved: "Repair booked" })).toBe(
      "EARLY_RESOLUTION_WINDOW_PASSED",
    );
    expect(c.attempt({ type: "resolve-early", on: "2026-11-09", howResolved: "Repair booked" })).toBeNull();
  });

  it("never lets a complaint contact be closed without being resolved early or logged at Stage 1", () => {
    const c = contactUnder("bvt", "complaint");
    c.apply({ type: "record-offer-to-complain", on: "2026-11-02", residentChose: "early-resolution" });
    expect(c.attempt({ type: "close-contact", on: "2026-11-03" })).toBe("COMPLAINT_NOT_LOGGED");
    c.apply({ type: "raise-complaint", on: "2026-11-03", complaintReference: "BVT-2026-000007" });
    expect(c.attempt({ type: "close-contact", on: "2026-11-03" })).toBeNull();
  });

  it("does not offer early resolution once the resident has chosen to complain", () => {
    const c = contactUnder("bchg", "complaint");
    c.apply({ type: "record-offer-to-complain", on: "2026-11-02", residentChose: "complain" });
    expect(c.attempt({ type: "start-early-resolution", on: "2026-11-02" })).toBe(
      "RESIDENT_CHOSE_TO_COMPLAIN",
    );
    expect(c.attempt({ type: "close-contact", on: "2026-11-02" })).toBe("RESIDENT_CHOSE_TO_COMPLAIN");
  });

  it("records compliments without asking for an offer to complain", () => {
    const c = contactUnder("bchg", "compliment", false);
    expect(c.attempt({ type: "raise-complaint", on: "2026-11-02", complaintReference: "X" })).toBe(
      "NOT_A_CONCERN",
    );
    expect(c.attempt({ type: "close-contact", on: "2026-11-02" })).toBeNull();
  });

  it("refuses dates in the future or before the contact", () => {
    const c = contactUnder("bchg", "feedback");
    expect(c.attempt({ type: "record-offer-to-complain", on: "2027-01-04", residentChose: "not-now" })).toBe(
      "DATE_IN_FUTURE",
    );
    expect(c.attempt({ type: "record-offer-to-complain", on: "2026-11-01", residentChose: "not-now" })).toBe(
      "DATE_BEFORE_CONTACT",
    );
  });
});

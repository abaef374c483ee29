import { describe, expect, it } from "vitest";
import { UnknownComplaintError } from "../app/complaint-context.ts";
import { ComplaintRuleError } from "../domain/complaint/errors.ts";
import { ContactRuleError } from "../domain/contact/contact.ts";
import { ContactConcurrencyConflictError } from "../store/contacts.ts";
import { ConcurrencyConflictError } from "../store/complaint-events.ts";
import { apiErrorOf, statusOf } from "./errors.ts";

/** The API's error bodies, from the one place statuses are mapped. */
describe("API errors", () => {
  const body = (error: unknown) => apiErrorOf(error, statusOf(error));

  it("reports a second writer as 409 CONCURRENT_CHANGE, for complaints and contacts alike", () => {
    expect(body(new ConcurrencyConflictError("BCHG-2026-000001"))).toEqual({
      status: 409,
      code: "CONCURRENT_CHANGE",
      message: expect.stringContaining("Nothing was saved"),
    });
    expect(body(new ContactConcurrencyConflictError("c1")).code).toBe("CONCURRENT_CHANGE");
  });

  it("reports a broken rule as 422 with the domain's own code and field", () => {
    expect(body(new ComplaintRuleError("REMEDY_REQUIRED", "remedies"))).toEqual({
      status: 422,
      code: "REMEDY_REQUIRED",
      field: "remedies",
      message: expect.stringContaining("Code 7.1"),
    });
    expect(body(new ContactRuleError("CONTACT_CLOSED"))).toMatchObject({
      status: 422,
      code: "CONTACT_CLOSED",
    });
  });

  it("names validation problems by JSON path, and the whole body or query when the problem is with all of it", () => {
    const error = Object.assign(new Error("body/resident/name"), {
      statusCode: 400,
      validationContext: "body",
      validation: [
        { instancePath: "/resident/name", message: "Enter the resident's name" },
        { instancePath: "/findings/0/decision", message: "Choose upheld or not upheld" },
        { instancePath: "/", message: "Invalid input" },
      ],
    });
    expect(body(error)).toMatchObject({
      status: 400,
      code: "INVALID_REQUEST",
      fields: {
        "resident.name": "Enter the resident's name",
        "findings.0.decision": "Choose upheld or not upheld",
        body: "Invalid input",
      },
    });
  });

  it("says nothing about what a 404 was, and nothing of the internals of a 500", () => {
    expect(body(new UnknownComplaintError("BDHT-2026-000001")).message).not.toContain("BDHT");
    const internal = body(new Error("connect ECONNREFUSED 10.0.0.5:5432"));
    expect(internal).toMatchObject({ status: 500, code: "INTERNAL_ERROR" });
    expect(internal.message).not.toContain("ECONNREFUSED");
  });
});

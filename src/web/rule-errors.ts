import { NotInCalendarError } from "../app/change-calendar.ts";
import { ResidentRequiredError } from "../app/raise-complaint-from-contact.ts";
import { NoEmailAddressError } from "../app/send-follow-link.ts";
import { AttachmentRuleError } from "../domain/attachments/attachment-rules.ts";
import { StaffRuleError } from "../domain/access/staff-rules.ts";
import { ComplaintRuleError } from "../domain/complaint/errors.ts";
import { GovernanceRuleError } from "../domain/governance/governance-errors.ts";
import { ContactRuleError } from "../domain/contact/contact.ts";
import { LetterRuleError } from "../domain/letters/letter-errors.ts";
import { DuplicateUserError } from "../store/users.ts";

/** A domain rule a request broke: its stable code, the field it is about (if any), and the words to show. */
export interface RuleBroken {
  code: string;
  field?: string;
  message: string;
}

/** The broken rule an error reports, or null when the error is not a rule of the domain. */
export function ruleBroken(error: unknown): RuleBroken | null {
  if (error instanceof ComplaintRuleError) {
    return { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) };
  }
  if (error instanceof ContactRuleError) return { code: error.code, message: error.message };
  if (error instanceof AttachmentRuleError)
    return { code: error.code, field: "file", message: error.message };
  if (error instanceof ResidentRequiredError)
    return { code: error.code, field: "resident", message: error.message };
  if (error instanceof StaffRuleError)
    return { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) };
  if (error instanceof DuplicateUserError)
    return { code: error.code, field: "email", message: error.message };
  if (error instanceof NoEmailAddressError)
    return { code: error.code, field: error.field, message: error.message };
  if (error instanceof LetterRuleError || error instanceof GovernanceRuleError)
    return { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) };
  if (error instanceof NotInCalendarError)
    return { code: error.code, field: error.field, message: error.message };
  return null;
}

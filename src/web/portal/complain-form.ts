import { COMPLAINT_CATEGORIES } from "../../domain/complaint/categories.ts";
import {
  isAtRiskOccupant,
  isHazardRisk,
  occupantVulnerabilities,
  screenHazards,
  type AtRiskOccupant,
  type HazardRisk,
  type ScreenedHazard,
} from "../../domain/complaint/hazard-screening.ts";
import { isLocalDate, toDayNumber } from "../../domain/calendar/day-number.ts";
import { str, type FormValues } from "../actions/action.ts";

/**
 * The portal's complaint form, read into the staff form's field names so the LOG_COMPLAINT action's own
 * `fromForm` and schema check it (one definition of a complaint for staff, API and portal). The portal adds
 * what only a resident's form needs: the health-and-safety questions, dates as day / month / year, at least
 * one way to reach them, and its errors in words for the person typing.
 */

/** Every text field of the form, kept as typed when the form is shown again. */
export const COMPLAIN_FIELDS = [
  "raisedBy",
  "representativeName",
  "representativeRelationship",
  "representativeAuthority",
  "representativeEmail",
  "representativePhone",
  "residentName",
  "residentEmail",
  "residentPhone",
  "residentAddress",
  "residentPostcode",
  "category",
  "whatHappened",
  "issueOn-day",
  "issueOn-month",
  "issueOn-year",
  "awareOn-day",
  "awareOn-month",
  "awareOn-year",
  "outcomeWanted",
  "residentNoPhoneCalls",
  "residentLetters",
  "residentLanguage",
  "residentAdjustments",
  "hazardDetails",
] as const;

/** Checkbox groups: a list of values, whether one box or several was ticked. */
export function listOf(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items.filter((v): v is string => typeof v === "string" && v !== "");
}

export interface ComplaintForm {
  /** What was typed, to show again. */
  values: Record<string, string | string[]>;
  risks: HazardRisk[];
  occupants: AtRiskOccupant[];
  /** The hazard the answers raise, if any. */
  hazard: ScreenedHazard | null;
  /** The staff form's fields, for LOG_COMPLAINT. */
  logValues: FormValues;
  /** Problems only the portal checks, at the portal's field names. */
  errors: Record<string, string>;
}

const MAX_TEXT = 10_000;

/** Reads the form as sent; `today` is the London date it is received on. */
export function readComplaintForm(body: FormValues, today: string): ComplaintForm {
  const values: Record<string, string | string[]> = {};
  for (const f of COMPLAIN_FIELDS) values[f] = str(body[f]);
  const errors: Record<string, string> = {};

  const riskAnswers = listOf(body.hazardRisks);
  const occupantAnswers = listOf(body.hazardOccupants);
  values.hazardRisks = riskAnswers;
  values.hazardOccupants = occupantAnswers;
  const risks = riskAnswers.filter(isHazardRisk);
  const occupants = occupantAnswers.filter(isAtRiskOccupant);
  if (riskAnswers.length === 0) {
    errors.hazardRisks = "Tell us if any of these are happening in your home, or choose ‘No, none of these’";
  } else if (riskAnswers.includes("none") && risks.length > 0) {
    errors.hazardRisks = "Choose the risks in your home, or ‘No, none of these’, not both";
  }
  if (occupantAnswers.includes("none") && occupants.length > 0) {
    errors.hazardOccupants = "Choose who lives in your home, or ‘No, none of these’, not both";
  }

  const issueOn = dateOf(values, "issueOn", today, errors, "when it happened");
  const awareOn = dateOf(values, "awareOn", today, errors, "when you found out about it");
  if (issueOn && awareOn && toDayNumber(awareOn) < toDayNumber(issueOn)) {
    errors.awareOn = "The date you found out about it must be the same as or after the date it happened";
  }

  const representing = values.raisedBy === "representative";
  if (values.raisedBy !== "resident" && !representing) {
    errors.raisedBy = "Tell us if you are the resident or complaining for them";
  }
  const email = representing ? values.representativeEmail || values.residentEmail : values.residentEmail;
  const reachable =
    email || values.residentPhone || values.residentAddress || (representing && values.representativePhone);
  if (!reachable) {
    errors[representing ? "representativeEmail" : "residentEmail"] =
      "Give us at least one way to reach you: an email address, a phone number or a postal address";
  }
  if (values.residentLetters === "email" && !email) {
    errors.residentLetters = "Enter an email address to get letters by email, or choose another way";
  }
  for (const field of ["whatHappened", "outcomeWanted", "hazardDetails", "residentAdjustments"] as const) {
    if ((values[field] as string).length > MAX_TEXT) {
      errors[field] = `This must be ${MAX_TEXT.toLocaleString("en-GB")} characters or fewer`;
    }
  }

  const hazard = screenHazards({ risks, occupants, details: values.hazardDetails as string });
  const what = values.whatHappened as string;
  const outcome = values.outcomeWanted as string;
  const logValues: FormValues = {
    ...values,
    receivedOn: today,
    channel: "online-portal",
    // An unchosen category is left for the schema to report; "other" is always there to choose.
    category: values.category,
    // The resident's words, with the outcome they want; staff set out the complaint definition (Code 5.6).
    description: what && outcome ? `${what}\n\nWhat I want to happen: ${outcome}` : what,
    issueOn,
    awareOn,
    residentVulnerabilities: occupantVulnerabilities(occupants).join("\n"),
    hazardSeverity: hazard?.severity ?? "none",
    hazardDescription: hazard?.description,
  };
  return { values, risks, occupants, hazard, logValues, errors };
}

/** A GOV.UK date input's three boxes as a date: undefined when all are empty, an error when not a real date. */
function dateOf(
  values: Record<string, unknown>,
  name: string,
  today: string,
  errors: Record<string, string>,
  what: string,
): string | undefined {
  const [day, month, year] = ["day", "month", "year"].map((p) => String(values[`${name}-${p}`] ?? ""));
  if (!day && !month && !year) return undefined;
  const pad = (s: string) => s.padStart(2, "0");
  const date = `${year}-${pad(month ?? "")}-${pad(day ?? "")}`;
  if (
    !/^\d{1,2}$/.test(day ?? "") ||
    !/^\d{1,2}$/.test(month ?? "") ||
    !/^\d{4}$/.test(year ?? "") ||
    !isLocalDate(date)
  ) {
    errors[name] = `Enter ${what} as a real date, for example 27 3 2026`;
    return undefined;
  }
  if (toDayNumber(date) > toDayNumber(today)) {
    errors[name] = `The date of ${what} must be today or in the past`;
    return undefined;
  }
  return date;
}

/**
 * LOG_COMPLAINT's errors (at the staff form's fields) at the portal's fields, in words for the person typing:
 * the resident, or someone complaining for them.
 */
export function portalErrors(errors: Record<string, string>, representing: boolean): Record<string, string> {
  const words: Record<string, { field?: string; message?: string }> = {
    description: { field: "whatHappened", message: "Tell us what happened" },
    category: { message: "Choose what your complaint is about" },
    residentName: { message: representing ? "Enter the resident's full name" : "Enter your full name" },
    representativeName: { message: "Enter your full name" },
    representativeAuthority: {
      message: "Tell us how the resident has given you permission to complain for them",
    },
    residentContactPreferencesLetters: { field: "residentLetters" },
    issueOn: { message: "Enter when it happened as a real date, for example 27 3 2026" },
    awareOn: { message: "Enter when you found out about it as a real date, for example 27 3 2026" },
  };
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const w = words[field];
    out[w?.field ?? field] ??= w?.message ?? message;
  }
  return out;
}

/** Categories in a resident's words, "something else" last. */
export const CATEGORY_WORDS: Record<(typeof COMPLAINT_CATEGORIES)[number], string> = {
  "damp-and-mould": "Damp and mould",
  repairs: "Repairs",
  "anti-social-behaviour": "Anti-social behaviour",
  leaks: "Leaks",
  "staff-conduct": "How staff treated you",
  "estate-management": "Your estate or shared areas",
  "rent-and-charges": "Rent or service charges",
  other: "Something else",
};

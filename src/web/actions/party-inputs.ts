import { z } from "zod";
import type { LogComplaintInput } from "../../app/log-complaint.ts";
import { listInput, optionalText, requiredText, str, type FormValues } from "./action.ts";
import { defined } from "./complaint-action.ts";

/** How the resident wants letters (Code 5.10 adjustments; the portal asks the same). */
export const LETTER_FORMATS = ["email", "post", "large-print"] as const;

const email = optionalText.pipe(z.email("Enter an email address like name@example.com").optional());

/** The resident a complaint or contact is about, with how to reach them and what they need. */
export const residentInput = z.object({
  name: requiredText("Enter the resident's name"),
  email,
  phone: optionalText,
  address: optionalText,
  postcode: optionalText,
  contactPreferences: z
    .object({
      noPhoneCalls: z.boolean().optional(),
      letters: z.enum(LETTER_FORMATS).optional(),
      language: optionalText,
    })
    .prefault({}),
  /** Reasonable adjustments agreed (Code 5.10), one per entry. */
  adjustments: listInput().default([]),
  /** Vulnerabilities disclosed, one per entry. */
  vulnerabilities: listInput().default([]),
});

/** Someone acting for the resident (Code 1.3, 3.6): who, and how the resident gave them authority. */
export const representativeInput = z.object({
  name: requiredText("Enter the representative's name"),
  relationship: optionalText,
  authority: requiredText("Say how the resident gave the representative authority, for example in writing"),
  email,
  phone: optionalText,
});

/** The resident's fields of a staff form (`residentName`, `residentEmail`, ...), shaped as the API's. */
export function residentFromForm(v: FormValues): unknown {
  const letters = str(v.residentLetters);
  return {
    name: v.residentName,
    email: v.residentEmail,
    phone: v.residentPhone,
    address: v.residentAddress,
    postcode: v.residentPostcode,
    contactPreferences: defined({
      noPhoneCalls: v.residentNoPhoneCalls === "yes" ? true : undefined,
      letters: letters || undefined,
      language: v.residentLanguage,
    }),
    adjustments: v.residentAdjustments,
    vulnerabilities: v.residentVulnerabilities,
  };
}

/** The representative's fields of a staff form, when the form says someone acts for the resident. */
export function representativeFromForm(v: FormValues): unknown {
  if (v.raisedBy !== "representative") return undefined;
  return {
    name: v.representativeName,
    relationship: v.representativeRelationship,
    authority: v.representativeAuthority,
    email: v.representativeEmail,
    phone: v.representativePhone,
  };
}

/** The resident as the use cases keep them: adjustments and vulnerabilities dated when recorded. */
export function residentRecord(
  resident: z.output<typeof residentInput>,
  recordedOn: string,
): LogComplaintInput["resident"] {
  const { adjustments, vulnerabilities, contactPreferences, ...details } = resident;
  return {
    ...defined(details),
    contactPreferences: defined(contactPreferences),
    adjustments: adjustments.map((adjustment) => ({ adjustment, recordedOn })),
    vulnerabilities: vulnerabilities.map((vulnerability) => ({ vulnerability, recordedOn })),
  };
}

export function representativeRecord(
  representative: z.output<typeof representativeInput>,
): NonNullable<LogComplaintInput["representative"]> {
  return defined(representative);
}

import { formatLongDate, isLocalDate } from "../calendar/day-number.ts";
import { composeEmail } from "./compose-email.ts";
import type { EmailContent } from "./email-content.ts";

/** A deadline warning (due soon) or a breach alert (due date passed) for the staff who answer for it. */
export interface StaffAlert {
  kind: "deadline-warning" | "breach-alert";
  reference: string;
  /** The clock's name, e.g. "stage1.response". */
  clock: string;
  due: string;
  codeLimit: string | null;
  /** For a warning: working days left, 0 when due today. */
  workingDaysLeft?: number;
  /** The handler of the clock's stage, as recorded on the complaint (a name); null if none is assigned. */
  handler: string | null;
  landlordName: string;
  /** Who else should know, e.g. that the handler could not be emailed. */
  notes: readonly string[];
}

/** "stage1.response" → "Stage 1 response"; other clocks' names in words. */
export function clockInWords(clock: string): string {
  const stage = /^stage(\d+)\.(.+)$/.exec(clock);
  const words = (s: string) => s.replace(/[.\-_]+/g, " ").trim();
  if (stage) return `Stage ${stage[1]} ${words(stage[2] ?? "")}`;
  const text = words(clock);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const longDate = (date: string) => (isLocalDate(date) ? formatLongDate(date) : date);

function whenDue(daysLeft: number | undefined): string {
  if (daysLeft === undefined) return "soon";
  if (daysLeft <= 0) return "today";
  return daysLeft === 1 ? "in 1 working day" : `in ${daysLeft} working days`;
}

export function composeStaffAlert(a: StaffAlert): EmailContent {
  const clock = clockInWords(a.clock);
  const codeLimit = a.codeLimit
    ? [
        `The Complaint Handling Code's limit for it is ${longDate(a.codeLimit)}${a.codeLimit === a.due ? " (the same day)" : ""}.`,
      ]
    : [];
  const handler = `Handler: ${a.handler ?? "nobody is assigned yet"}.`;
  const find = `Open complaint ${a.reference} in Redress (search for the reference) to act on it.`;
  if (a.kind === "deadline-warning") {
    const when = whenDue(a.workingDaysLeft);
    return composeEmail(`Due ${when}: ${clock} for complaint ${a.reference}`, [
      { paragraph: `The ${clock} for complaint ${a.reference} is due ${when}, on ${longDate(a.due)}.` },
      ...codeLimit.map((paragraph) => ({ paragraph })),
      { paragraph: handler },
      ...a.notes.map((paragraph) => ({ paragraph })),
      {
        paragraph: `${find} If it cannot be done in time, extend the deadline with a reason and tell the resident before the date passes.`,
      },
      { lines: ["Redress", a.landlordName] },
    ]);
  }
  return composeEmail(`Overdue: ${clock} for complaint ${a.reference} was due ${longDate(a.due)}`, [
    {
      paragraph: `The ${clock} for complaint ${a.reference} was due on ${longDate(a.due)} and has not been recorded as done.`,
    },
    ...codeLimit.map((paragraph) => ({ paragraph })),
    { paragraph: handler },
    ...a.notes.map((paragraph) => ({ paragraph })),
    { paragraph: `${find} Tell the resident what is happening and when they will hear from you.` },
    { lines: ["Redress", a.landlordName] },
  ]);
}

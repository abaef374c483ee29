import type { ReportBlock } from "./report-document.ts";
import type { ComplaintFacts, StageFacts } from "./complaint-facts.ts";

/** A stage's report facts for tests: nothing done yet unless said. */
export function aStageFacts(over: Partial<StageFacts> & Pick<StageFacts, "stage" | "startedOn">): StageFacts {
  return {
    acknowledgedOn: null,
    acknowledgementDue: over.startedOn,
    acknowledgementCodeLimit: over.startedOn,
    respondedOn: null,
    responseDue: null,
    responseCodeLimit: null,
    responseCodeLimitBeforeExtensions: null,
    extendedWorkingDays: 0,
    outcome: null,
    handler: null,
    workingDaysToAcknowledge: null,
    workingDaysToRespond: null,
    ...over,
  };
}

/** A complaint's report facts for tests: received 1 June 2026, at Stage 1, nothing done unless said. */
export function aComplaintFacts(reference: string, over: Partial<ComplaintFacts> = {}): ComplaintFacts {
  const receivedOn = over.receivedOn ?? "2026-06-01";
  return {
    reference,
    receivedOn,
    channel: "phone",
    category: "repairs",
    tenure: "lcra",
    status: "investigating",
    stage1: aStageFacts({ stage: 1, startedOn: receivedOn }),
    stage2: null,
    refusal: null,
    withdrawal: null,
    closedOn: null,
    remedies: 0,
    remediesOutstanding: 0,
    compensationPence: 0,
    earliestOutstandingActionDue: null,
    actionsOutstanding: 0,
    hazards: 0,
    satisfaction: null,
    surveyAnsweredOn: null,
    ombudsmanReferredOn: null,
    learning: [],
    followUps: [],
    hazardCases: [],
    ...over,
  };
}

/** A report's blocks as one line each, for tests to compare whole outlines: "H2 Summary", "P …", "Table …", "Figures 6", "Chart …". */
export function outlineOf(blocks: readonly ReportBlock[]): string[] {
  return blocks.map((b) =>
    b.kind === "heading"
      ? `H${b.level} ${b.text}`
      : b.kind === "paragraph"
        ? `P ${b.text}`
        : b.kind === "table"
          ? `Table ${b.caption}`
          : b.kind === "figures"
            ? `Figures ${b.figures.length}`
            : `Chart ${b.chart.title}`,
  );
}

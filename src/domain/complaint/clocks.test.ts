import { describe, it, expect } from "vitest";
import { complaintClocks, stagePolicy, type Clock, type ClockName } from "./clocks.ts";
import type { ComplaintCommand } from "./commands.ts";
import { complaintFindings } from "./findings.ts";
import type { DecisionContext } from "./guards.ts";
import type { ComplaintState } from "./state.ts";
import {
  acknowledge,
  aRemedy,
  assignHandler,
  BUNDLED_PACK_IDS,
  close,
  completeRemedy,
  contextFor,
  define,
  englandAndWales,
  extend,
  notUpheld,
  receive,
  requestEscalation,
  respond,
  run,
  upheld,
  withdraw,
  type BundledPackId,
} from "./test-builders.ts";

/** The clocks of a complaint as the officer sees them on `today`. */
function clocksOn(state: ComplaintState, ctx: DecisionContext, today?: string): Record<string, Clock> {
  const clocks = complaintClocks(state, { pack: ctx.pack, calendar: ctx.calendar, today });
  return Object.fromEntries(clocks.map((c) => [c.name, c]));
}

/** The four fields a user reads off a clock. */
function summary(clock: Clock | undefined) {
  if (!clock) return undefined;
  return { due: clock.due, codeLimit: clock.codeLimit, metOn: clock.metOn, state: clock.state };
}

function clocksAfter(commands: ComplaintCommand[], ctx: DecisionContext, today?: string) {
  const { state } = run(commands, ctx);
  if (!state) throw new Error("no complaint");
  return clocksOn(state, ctx, today);
}

// ---------------------------------------------------------------------------------------------------
// One lifecycle, run under every bundled pack.
//
// received Mon 2 Nov 2026 → defined Tue 3 Nov → acknowledged Wed 4 Nov → extended by 5 WD on Mon 16 Nov →
// responded Tue 24 Nov → remedy done Wed 25 Nov → escalation requested Mon 30 Nov → Stage 2 defined Tue 1 Dec
// → acknowledged Thu 3 Dec → responded Mon 4 Jan 2027 → closed Wed 6 Jan 2027.

const lifecycle: { step: string; today: string; commands: ComplaintCommand[] }[] = [
  { step: "received", today: "2026-11-02", commands: [receive("2026-11-02")] },
  {
    step: "acknowledged",
    today: "2026-11-04",
    commands: [define("2026-11-03"), assignHandler("2026-11-03", 1, "Sam Patel"), acknowledge("2026-11-04")],
  },
  { step: "extended", today: "2026-11-16", commands: [extend("2026-11-16", 1, 5)] },
  {
    step: "responded",
    today: "2026-11-24",
    commands: [
      respond("2026-11-24", 1, {
        findings: [upheld("roof"), notUpheld("appointments")],
        remedies: [aRemedy("r1", "apology")],
      }),
      completeRemedy("2026-11-25", "r1"),
    ],
  },
  { step: "escalation requested", today: "2026-11-30", commands: [requestEscalation("2026-11-30")] },
  {
    step: "Stage 2 acknowledged",
    today: "2026-12-03",
    commands: [
      assignHandler("2026-12-01", 2, "Alex Morgan"),
      define("2026-12-01", 2),
      acknowledge("2026-12-03", 2),
    ],
  },
  { step: "Stage 2 responded", today: "2027-01-04", commands: [respond("2027-01-04", 2)] },
  { step: "closed", today: "2027-01-06", commands: [close("2027-01-06")] },
];

interface LifecycleDates {
  /** Stage 1 acknowledgement target. */
  ack1: string;
  /** Stage 1 response target before the extension; and the Code limit once acknowledged (Wed 18 Nov). */
  resp1: string;
  /** Stage 1 response target after the 5 WD extension. */
  resp1Extended: string;
  /** Stage 1 response state when answered on 24 Nov. */
  resp1State: "met" | "late";
  /** Stage 2 acknowledgement target. */
  ack2: string;
}

const CODE_DATES: LifecycleDates = {
  ack1: "2026-11-09", // 5 WD after Mon 2 Nov: 3,4,5,6,9
  resp1: "2026-11-18", // 10 WD after Wed 4 Nov: 5,6,9,10,11,12,13,16,17,18
  resp1Extended: "2026-11-25", // 18 Nov + 5 WD: 19,20,23,24,25
  resp1State: "met",
  ack2: "2026-12-07", // 5 WD after Mon 30 Nov: 1,2,3,4,7 Dec
};

const EXPECTED: Record<BundledPackId, LifecycleDates> = {
  "hos-code-2024": CODE_DATES,
  bdht: CODE_DATES,
  bchg: CODE_DATES,
  bvt: {
    ...CODE_DATES,
    ack1: "2026-11-05", // 3 WD after Mon 2 Nov: 3,4,5
    ack2: "2026-12-03", // 3 WD after Mon 30 Nov: 1,2,3 Dec
  },
  "brighter-places": {
    ...CODE_DATES,
    resp1: "2026-11-16", // 10 WD after logging on Mon 2 Nov: 3,4,5,6,9,10,11,12,13,16
    resp1Extended: "2026-11-23", // 16 Nov + 5 WD: 17,18,19,20,23
    resp1State: "late", // answered Tue 24 Nov, within the Code but after the pack's own target
  },
  "putting-things-right": {
    ...CODE_DATES,
    resp1: "2026-12-02", // 20 WD after Wed 4 Nov: 5,6,9..13,16..20,23..27,30 Nov,1,2 Dec
    resp1Extended: "2026-12-09", // 2 Dec + 5 WD: 3,4,7,8,9
  },
};

/** Code limits are the same under every pack (they are the Code's). */
const CODE_LIMIT = {
  ack1: "2026-11-09", // 5 WD after Mon 2 Nov
  resp1: "2026-11-18", // 10 WD after Wed 4 Nov
  resp1Extended: "2026-11-25", // 18 Nov + 5 WD
  ack2: "2026-12-07", // 5 WD after Mon 30 Nov
  // 20 WD after Thu 3 Dec: 4(1), 7-11(6), 14-18(11), 21-24(15), [25 Christmas, 28 Boxing Day subst.],
  // 29,30,31(18), [1 Jan New Year's Day], Mon 4 Jan(19), Tue 5 Jan 2027(20).
  resp2: "2027-01-05",
};

describe.each(BUNDLED_PACK_IDS)("the lifecycle under %s", (packId) => {
  const ctx = contextFor(packId, "2027-01-06");
  const expected = EXPECTED[packId];
  let sofar = run([], ctx);
  const snapshots = new Map<string, Record<string, Clock>>();
  for (const { step, today, commands } of lifecycle) {
    sofar = run(commands, ctx, sofar);
    snapshots.set(step, clocksOn(sofar.state!, ctx, today));
  }
  const at = (step: string) => snapshots.get(step)!;
  const respondsFromLogging = packId === "brighter-places";

  it("on receipt: the acknowledgement clock is open", () => {
    const clocks = at("received");
    expect(summary(clocks["stage1.acknowledgement"])).toEqual({
      due: expected.ack1,
      codeLimit: CODE_LIMIT.ack1,
      metOn: null,
      state: "open",
    });
    if (respondsFromLogging) {
      // Brighter Places counts Stage 1 from logging: the clock exists, but the Code's runs from acknowledgement.
      expect(Object.keys(clocks)).toEqual(["stage1.acknowledgement", "stage1.response"]);
      expect(summary(clocks["stage1.response"])).toEqual({
        due: "2026-11-16",
        codeLimit: null,
        metOn: null,
        state: "open",
      });
      expect(clocks["stage1.response"]?.explanation.codeLimit).toBeNull();
    } else {
      expect(Object.keys(clocks)).toEqual(["stage1.acknowledgement"]);
    }
  });

  it("once acknowledged: the acknowledgement is met and the response clock runs", () => {
    const clocks = at("acknowledged");
    expect(summary(clocks["stage1.acknowledgement"])).toMatchObject({ metOn: "2026-11-04", state: "met" });
    expect(summary(clocks["stage1.response"])).toEqual({
      due: expected.resp1,
      codeLimit: CODE_LIMIT.resp1,
      metOn: null,
      state: "open",
    });
  });

  it("once extended: the target and the Code limit move by the 5 working days", () => {
    const clock = at("extended")["stage1.response"];
    expect(summary(clock)).toEqual({
      due: expected.resp1Extended,
      codeLimit: CODE_LIMIT.resp1Extended,
      metOn: null,
      state: "open",
    });
    expect(clock?.extensions).toEqual([
      {
        on: "2026-11-16",
        workingDays: 5,
        reason: "We are waiting for a surveyor's report.",
        countedByCode: 5,
        late: false,
      },
    ]);
  });

  it("once escalated: the Stage 2 acknowledgement clock runs from the request", () => {
    const clocks = at("escalation requested");
    expect(Object.keys(clocks)).toEqual([
      "stage1.acknowledgement",
      "stage1.response",
      "stage2.acknowledgement",
    ]);
    expect(summary(clocks["stage2.acknowledgement"])).toEqual({
      due: expected.ack2,
      codeLimit: CODE_LIMIT.ack2,
      metOn: null,
      state: "open",
    });
  });

  it("once Stage 2 is acknowledged: the Stage 2 response runs 20 working days over Christmas", () => {
    expect(summary(at("Stage 2 acknowledged")["stage2.response"])).toEqual({
      due: CODE_LIMIT.resp2,
      codeLimit: CODE_LIMIT.resp2,
      metOn: null,
      state: "open",
    });
  });

  it("once closed: every clock shows when it was met", () => {
    const clocks = at("closed");
    expect(Object.fromEntries(Object.entries(clocks).map(([name, c]) => [name, summary(c)]))).toEqual({
      "stage1.acknowledgement": {
        due: expected.ack1,
        codeLimit: CODE_LIMIT.ack1,
        metOn: "2026-11-04",
        state: "met",
      },
      "stage1.response": {
        due: expected.resp1Extended,
        codeLimit: CODE_LIMIT.resp1Extended,
        metOn: "2026-11-24",
        state: expected.resp1State,
      },
      "stage2.acknowledgement": {
        due: expected.ack2,
        codeLimit: CODE_LIMIT.ack2,
        metOn: "2026-12-03",
        state: "met",
      },
      "stage2.response": {
        due: CODE_LIMIT.resp2,
        codeLimit: CODE_LIMIT.resp2,
        metOn: "2027-01-04",
        state: "met",
      },
    });
    expect(Object.values(clocks).map((c) => c.codeState)).toEqual(["met", "met", "met", "met"]);
  });

  it("explains every date with the pack, its paragraph and the Code's paragraph", () => {
    const paragraphs: Record<ClockName, string> = {
      "stage1.acknowledgement": "Complaint Handling Code 6.2",
      "stage1.response": "Complaint Handling Code 6.3",
      "stage2.acknowledgement": "Complaint Handling Code 6.11",
      "stage2.response": "Complaint Handling Code 6.14",
    };
    for (const clock of Object.values(at("closed"))) {
      const policy = stagePolicy(ctx.pack, clock.stage);
      const cite = clock.name.endsWith("acknowledgement")
        ? policy.acknowledgement.cite
        : policy.response.cite;
      expect(clock.explanation.due).toContain(`${packId} 1.0.0`);
      expect(clock.explanation.due).toContain(`(${cite.ref})`);
      expect(clock.explanation.due).toContain(`that day itself never counts`);
      expect(clock.explanation.codeLimit).toContain(paragraphs[clock.name]);
    }
  });
});

describe("Brighter Places: Stage 1 response runs from logging", () => {
  const ctx = contextFor("brighter-places", "2027-01-06");

  it("counts from the day staff logged it when that is later than receipt", () => {
    // Logged Wed 4 Nov: 10 WD = 5,6,9,10,11,12,13,16,17,18 → Wed 18 Nov 2026.
    const clocks = clocksAfter([receive("2026-11-02", { loggedOn: "2026-11-04" })], ctx);
    expect(clocks["stage1.response"]?.due).toBe("2026-11-18");
    expect(clocks["stage1.response"]?.explanation.due).toContain("the day the complaint was logged");
    // The acknowledgement still runs from receipt: 5 WD after Mon 2 Nov → Mon 9 Nov.
    expect(clocks["stage1.acknowledgement"]?.due).toBe("2026-11-09");
  });

  it("carries an extension made before acknowledgement into the Code limit once acknowledged", () => {
    const before = [receive("2026-11-02"), extend("2026-11-05", 1, 5)];
    // Due: 16 Nov + 5 WD = 17,18,19,20,23 → Mon 23 Nov; no Code limit yet.
    expect(summary(clocksAfter(before, ctx)["stage1.response"])).toEqual({
      due: "2026-11-23",
      codeLimit: null,
      metOn: null,
      state: "open",
    });
    // Acknowledged Fri 6 Nov: 10 WD = 9..13,16..20 → Fri 20 Nov; + 5 WD = 23..27 → Fri 27 Nov 2026.
    const after = clocksAfter([...before, define("2026-11-06"), acknowledge("2026-11-06")], ctx);
    expect(summary(after["stage1.response"])).toEqual({
      due: "2026-11-23",
      codeLimit: "2026-11-27",
      metOn: null,
      state: "open",
    });
  });
});

describe("putting-things-right: a one-stage pack still gets a lawful Stage 2", () => {
  const ctx = contextFor("putting-things-right", "2027-01-06");
  const toStage2 = [
    receive("2026-11-02"),
    define("2026-11-03"),
    acknowledge("2026-11-04"),
    respond("2026-11-24"),
    requestEscalation("2026-11-30"),
    acknowledge("2026-12-03", 2),
  ];

  it("runs Stage 2 to the Code's minimum: acknowledge in 5, respond in 20 working days", () => {
    const clocks = clocksAfter(toStage2, ctx);
    expect(summary(clocks["stage2.acknowledgement"])).toEqual({
      due: "2026-12-07", // 5 WD after Mon 30 Nov: 1,2,3,4,7
      codeLimit: "2026-12-07",
      metOn: "2026-12-03",
      state: "met",
    });
    expect(summary(clocks["stage2.response"])).toEqual({
      due: "2027-01-05", // 20 WD after Thu 3 Dec, skipping 25 and 28 Dec and 1 Jan
      codeLimit: "2027-01-05",
      metOn: null,
      state: "open",
    });
    expect(clocks["stage2.response"]?.explanation.due).toContain("Code 6.14 (the pack has no Stage 2)");
  });

  it("says so in a finding", () => {
    const { state } = run(toStage2, ctx);
    const clocks = complaintClocks(state!, ctx);
    const findings = complaintFindings(state!, clocks, [], ctx);
    expect(findings).toContainEqual(
      expect.objectContaining({ rule: "code-stage-applied", code: "5.3", severity: "info" }),
    );
    expect(findings.find((f) => f.rule === "code-stage-applied")?.message).toContain("putting-things-right");
  });
});

describe("counting working days", () => {
  const code = contextFor("hos-code-2024", "2027-12-31");
  const bvt = contextFor("bvt", "2027-12-31");
  const ackDue = (ctx: DecisionContext, receivedOn: string) =>
    clocksAfter([receive(receivedOn)], ctx)["stage1.acknowledgement"]!;

  it("received on Saturday 31 Oct 2026: 5 WD = 2,3,4,5,6 Nov → Friday 6 Nov", () => {
    const clock = ackDue(code, "2026-10-31");
    expect(clock.due).toBe("2026-11-06");
    expect(clock.codeLimit).toBe("2026-11-06");
    expect(clock.explanation.due).toContain(
      "Friday 6 November 2026 is the 5th working day after Saturday 31 October 2026; that day itself never counts.",
    );
    // BVT: 3 WD = 2,3,4 Nov → Wednesday 4 Nov, while the Code allows until Friday 6 Nov.
    expect(summary(ackDue(bvt, "2026-10-31"))).toEqual({
      due: "2026-11-04",
      codeLimit: "2026-11-06",
      metOn: null,
      state: "open",
    });
  });

  it("received on the Friday before a bank-holiday Monday", () => {
    // Fri 28 May 2027; Mon 31 May is the Spring bank holiday: 1,2,3,4,7 Jun → Monday 7 June 2027.
    const clock = ackDue(code, "2027-05-28");
    expect(clock.due).toBe("2027-06-07");
    expect(clock.explanation.due).toContain("Monday 31 May 2027 (Spring bank holiday)");
    // BVT: 1,2,3 Jun → Thursday 3 June 2027.
    expect(ackDue(bvt, "2027-05-28").due).toBe("2027-06-03");
    // Fri 28 Aug 2026; Mon 31 Aug is the Summer bank holiday: 1,2,3,4,7 Sep → Monday 7 September 2026.
    expect(ackDue(code, "2026-08-28").due).toBe("2026-09-07");
  });

  it("acknowledged the same day as receipt: the response counts from that day", () => {
    const clocks = clocksAfter(
      [receive("2026-11-02"), define("2026-11-02"), acknowledge("2026-11-02")],
      code,
    );
    expect(summary(clocks["stage1.acknowledgement"])).toMatchObject({ metOn: "2026-11-02", state: "met" });
    // 10 WD after Mon 2 Nov: 3,4,5,6,9,10,11,12,13,16 → Monday 16 Nov 2026.
    expect(clocks["stage1.response"]?.due).toBe("2026-11-16");
  });

  it("received on a bank holiday: that day does not count", () => {
    // Mon 3 May 2027 (Early May bank holiday): 4,5,6,7,10 May → Monday 10 May 2027; BVT 4,5,6 → Thursday 6 May.
    expect(ackDue(code, "2027-05-03").due).toBe("2027-05-10");
    expect(ackDue(bvt, "2027-05-03").due).toBe("2027-05-06");
    // Fri 25 Dec 2026 (Christmas Day): [26, 27 weekend, 28 Boxing Day subst.] 29,30,31, [1 Jan], 4, 5 → Tue 5 Jan 2027.
    expect(ackDue(code, "2026-12-25").due).toBe("2027-01-05");
  });

  it("over Christmas 2026, skipping 25 and 28 December and 1 January", () => {
    // Received Mon 21 Dec: 22,23,24,29,30 → Wednesday 30 December 2026.
    const received = clocksAfter([receive("2026-12-21")], code)["stage1.acknowledgement"]!;
    expect(received.due).toBe("2026-12-30");
    expect(received.explanation.due).toContain("Friday 25 December 2026 (Christmas Day)");
    expect(received.explanation.due).toContain("Monday 28 December 2026 (Boxing Day (substitute day))");
    // Acknowledged Wed 23 Dec: 24,29,30,31,4,5,6,7,8,11 → Monday 11 January 2027.
    const clocks = clocksAfter(
      [receive("2026-12-21"), define("2026-12-22"), acknowledge("2026-12-23")],
      code,
    );
    expect(summary(clocks["stage1.response"])).toEqual({
      due: "2027-01-11",
      codeLimit: "2027-01-11",
      metOn: null,
      state: "open",
    });
    expect(clocks["stage1.response"]?.explanation.due).toContain("Friday 1 January 2027 (New Year’s Day)");
  });

  it("over Easter 2027, skipping Good Friday and Easter Monday", () => {
    // Thu 25 Mar 2027: [26 Good Friday, 27, 28, 29 Easter Monday] 30,31,1,2,5 → Monday 5 April 2027.
    expect(ackDue(code, "2027-03-25").due).toBe("2027-04-05");
  });
});

describe("extensions", () => {
  const code = contextFor("hos-code-2024", "2027-12-31");
  const acknowledged = [receive("2026-11-02"), define("2026-11-03"), acknowledge("2026-11-04")];

  it("moves the target by the full extension, and the Code limit by at most 10 WD at Stage 1", () => {
    const commands = [
      ...acknowledged,
      extend("2026-11-16", 1, 12, { goodReason: "Waiting for the structural engineer." }),
    ];
    const clock = clocksAfter(commands, code)["stage1.response"]!;
    // Due 18 Nov + 12 WD: 19,20,23,24,25,26,27,30,1,2,3,4 → Fri 4 Dec; Code 18 Nov + 10 WD → Wed 2 Dec.
    expect(summary(clock)).toEqual({
      due: "2026-12-04",
      codeLimit: "2026-12-02",
      metOn: null,
      state: "open",
    });
    expect(clock.extensions[0]?.countedByCode).toBe(10);
    expect(clock.explanation.codeLimit).toContain("beyond the Code's cap of 10 working days");
  });

  it("adds chained extensions together against the Stage 1 cap", () => {
    const commands = [
      ...acknowledged,
      extend("2026-11-10", 1, 6),
      extend("2026-11-20", 1, 8, { goodReason: "The resident asked for a site meeting." }),
    ];
    const clock = clocksAfter(commands, code)["stage1.response"]!;
    // Due: 18 Nov + 6 WD = 19,20,23,24,25,26 → Thu 26 Nov; + 8 WD = 27,30,1,2,3,4,7,8 → Tue 8 Dec.
    // Code: 26 Nov + only 4 more WD (10 - 6) = 27,30,1,2 → Wed 2 Dec.
    expect(summary(clock)).toEqual({
      due: "2026-12-08",
      codeLimit: "2026-12-02",
      metOn: null,
      state: "open",
    });
    expect(clock.extensions.map((e) => e.countedByCode)).toEqual([6, 4]);
    expect(clock.explanation.due).toContain("Extended on 2026-11-10 by 6 working days to 2026-11-26.");
    expect(clock.explanation.due).toContain("Extended on 2026-11-20 by 8 working days to 2026-12-08.");
  });

  it("adds chained extensions together against the Stage 2 cap of 20 WD", () => {
    const commands = [
      ...acknowledged,
      respond("2026-11-24"),
      requestEscalation("2026-11-30"),
      acknowledge("2026-12-03", 2),
      extend("2026-12-10", 2, 15),
      extend("2027-01-20", 2, 10, { goodReason: "An independent surveyor is needed." }),
    ];
    const clock = clocksAfter(commands, code)["stage2.response"]!;
    // Base 5 Jan 2027. + 15 WD: 6,7,8,11,12,13,14,15,18,19,20,21,22,25,26 → Tue 26 Jan.
    // + 10 WD: 27,28,29,1,2,3,4,5,8,9 → Tue 9 Feb 2027. Code: 26 Jan + 5 (20 - 15): 27,28,29,1,2 → Tue 2 Feb 2027.
    expect(summary(clock)).toEqual({
      due: "2027-02-09",
      codeLimit: "2027-02-02",
      metOn: null,
      state: "open",
    });
    expect(clock.extensions.map((e) => e.countedByCode)).toEqual([15, 5]);
    expect(clock.explanation.codeLimit).toContain("Complaint Handling Code 6.14");
    expect(clock.explanation.codeLimit).toContain("cap of 20 working days");
  });

  it("does not move the Code limit for an extension recorded after it had passed", () => {
    // putting-things-right targets 20 WD (due Wed 2 Dec) while the Code allows 10 (Wed 18 Nov).
    const ptr = contextFor("putting-things-right", "2027-12-31");
    const clock = clocksAfter([...acknowledged, extend("2026-11-20", 1, 5)], ptr)["stage1.response"]!;
    // Due: 2 Dec + 5 WD = 3,4,7,8,9 → Wed 9 Dec; the Code limit stays Wed 18 Nov.
    expect(summary(clock)).toEqual({
      due: "2026-12-09",
      codeLimit: "2026-11-18",
      metOn: null,
      state: "open",
    });
    expect(clock.extensions[0]).toMatchObject({ countedByCode: 0, late: false });
    expect(clock.explanation.codeLimit).toContain("made after the limit had passed");
  });
});

describe("clock state", () => {
  const code = contextFor("hos-code-2024", "2027-12-31");
  const bvt = contextFor("bvt", "2027-12-31");
  const received = [receive("2026-11-02")];

  it("is open up to and including the due date, and overdue only once today is past it", () => {
    // Acknowledgement due Mon 9 Nov.
    expect(clocksAfter(received, code)["stage1.acknowledgement"]?.state).toBe("open");
    expect(clocksAfter(received, code, "2026-11-09")["stage1.acknowledgement"]?.state).toBe("open");
    const overdue = clocksAfter(received, code, "2026-11-10")["stage1.acknowledgement"]!;
    expect(overdue.state).toBe("overdue");
    expect(overdue.codeState).toBe("overdue");
  });

  it("is met on the due date and late after it", () => {
    const onTime = [...received, define("2026-11-03"), acknowledge("2026-11-09")];
    expect(clocksAfter(onTime, code, "2026-11-20")["stage1.acknowledgement"]?.state).toBe("met");
    const late = [...received, define("2026-11-03"), acknowledge("2026-11-10")];
    const clock = clocksAfter(late, code, "2026-11-20")["stage1.acknowledgement"]!;
    expect([clock.state, clock.codeState]).toEqual(["late", "late"]);
  });

  it("tells the pack's target from the Code's limit: BVT late on Fri 6 Nov, the Code met", () => {
    const clock = clocksAfter([...received, define("2026-11-03"), acknowledge("2026-11-06")], bvt)[
      "stage1.acknowledgement"
    ]!;
    expect({ state: clock.state, codeState: clock.codeState }).toEqual({ state: "late", codeState: "met" });
  });

  it("counts a late acknowledgement's response from the day it was acknowledged", () => {
    // Acknowledged Wed 11 Nov: 12,13,16,17,18,19,20,23,24,25 → Wed 25 Nov.
    const clocks = clocksAfter(
      [...received, define("2026-11-03"), acknowledge("2026-11-11")],
      code,
      "2026-11-26",
    );
    expect(summary(clocks["stage1.response"])).toEqual({
      due: "2026-11-25",
      codeLimit: "2026-11-25",
      metOn: null,
      state: "overdue",
    });
  });

  it("is stopped once the complaint is withdrawn, however late it is", () => {
    const withdrawn = [...received, withdraw("2026-11-05")];
    const clock = clocksAfter(withdrawn, code, "2026-12-20")["stage1.acknowledgement"]!;
    expect([clock.state, clock.codeState]).toEqual(["stopped", "stopped"]);
  });

  it("keeps a met clock met after the complaint is withdrawn", () => {
    const commands = [...received, define("2026-11-03"), acknowledge("2026-11-04"), withdraw("2026-11-05")];
    const clocks = clocksAfter(commands, code, "2026-12-20");
    expect(clocks["stage1.acknowledgement"]?.state).toBe("met");
    expect(clocks["stage1.response"]?.state).toBe("stopped");
  });
});

describe("closure days", () => {
  it("moves the dates and says the Code does not provide for closures", () => {
    const calendar = englandAndWales().withClosures([{ date: "2026-11-05", reason: "Staff training day" }]);
    const ctx = { ...contextFor("hos-code-2024", "2027-12-31"), calendar };
    const clock = clocksAfter([receive("2026-11-02")], ctx)["stage1.acknowledgement"]!;
    // 5 WD after Mon 2 Nov, skipping Thu 5 Nov: 3,4,6,9,10 → Tuesday 10 November 2026.
    expect(clock.due).toBe("2026-11-10");
    // The Code does not provide for closures, so its limit counts the closure day: 3,4,5,6,9 → Mon 9 Nov.
    expect(clock.codeLimit).toBe("2026-11-09");
    expect(clock.explanation.due).toContain(
      "Closure days skipped: Thursday 5 November 2026 (Staff training day).",
    );
    expect(clock.explanation.due).toContain("The Complaint Handling Code does not provide for closure days.");
    expect(clock.explanation.codeLimit).not.toContain("Staff training day");
  });

  it("moves a Christmas deadline past a closure between the holidays", () => {
    const calendar = englandAndWales().withClosures(
      ["2026-12-29", "2026-12-30", "2026-12-31"].map((date) => ({ date, reason: "Christmas closure" })),
    );
    const ctx = { ...contextFor("hos-code-2024", "2027-12-31"), calendar };
    // Received Mon 21 Dec: 22,23,24, [25-28 holidays and weekend, 29-31 closed, 1 Jan, 2-3], 4, 5 → Tue 5 Jan 2027.
    const clock = clocksAfter([receive("2026-12-21")], ctx)["stage1.acknowledgement"]!;
    expect(clock.due).toBe("2027-01-05");
    expect(clock.explanation.due).toContain("Christmas closure");
  });
});

import type { LetterKind } from "../policy/schema.ts";
import type { LetterTemplate, TemplateSection } from "./letter-template.ts";

/**
 * The wording every organisation starts with, used until it saves its own. Plain English a resident
 * understands on first reading: short sentences, "we" and "you", no jargon, every date written out.
 * When this wording changes, raise DEFAULT_TEMPLATES_VERSION: issued letters name the version they came from.
 */
export const DEFAULT_TEMPLATES_VERSION = 1;

const section = (heading: string, paragraphs: string[], whenEmpty?: string[]): TemplateSection => ({
  heading,
  paragraphs,
  ...(whenEmpty ? { whenEmpty } : {}),
});

const REPRESENTATIVE =
  "We are writing to you because you are acting for {{represented-resident}} in this complaint.";

const LETTER = {
  salutation: "Dear {{recipient-name}},",
  closing: "Yours sincerely,",
  signOff: { name: "{{handler}}", role: "For {{landlord-name}}" },
};

const OMBUDSMAN_ADVICE = section("The Housing Ombudsman", [
  "The Housing Ombudsman Service is independent and free to use. You can contact it for advice about your complaint at any time: {{ombudsman-contact}}.",
  "The Ombudsman will usually investigate a complaint once it has been through both stages of our complaints procedure.",
]);

const SUPPORT = section("If you need help, or someone to act for you", [
  "If you need us to do anything differently to help you, please tell us. For example, we can write to you in large print or another language, call you at a time that suits you, or give you more time. We will make reasonable adjustments.",
  "You can also ask someone else, such as a relative, friend, adviser or councillor, to deal with your complaint for you. Tell us who they are and that you agree to them acting for you.",
]);

const CORRECTIONS = section("If we have misunderstood", [
  "If we have got anything wrong, or missed something out, please tell us as soon as you can, so that we look into everything that matters to you.",
]);

const RESPONSIBILITY = section("What we are responsible for", [
  "As far as we can tell, everything listed above is our responsibility. If we find that part of your complaint is not, we will tell you which part and why, and who may be able to help.",
]);

function acknowledgement(stage: 1 | 2): LetterTemplate {
  const first = stage === 1;
  return {
    ...LETTER,
    sections: {
      intro: section(
        "Your complaint",
        first
          ? [
              REPRESENTATIVE,
              "Thank you for your complaint, which we received on {{received-date}}. We are sorry that you have had reason to complain.",
            ]
          : [
              REPRESENTATIVE,
              "Thank you for asking us, on {{escalation-date}}, to look at your complaint again. You did not need to give us a reason. We are sorry that you are still unhappy.",
            ],
      ),
      stage: section("How we are dealing with your complaint", [
        first
          ? "We are dealing with your complaint at {{stage}} of our complaints procedure. Our procedure has two stages."
          : "We are now dealing with your complaint at {{stage}} of our complaints procedure. This is the second and final stage.",
        "Your complaint reference is {{reference}}. Please quote it when you contact us.",
      ]),
      definition: section("What we understand your complaint is about", [
        first
          ? "We understand that you are unhappy about:"
          : "We understand that you are still unhappy about:",
      ]),
      outcomes: section("What you would like to happen", ["You told us you are looking for:"]),
      corrections: CORRECTIONS,
      responsibility: RESPONSIBILITY,
      handler: section("Who is dealing with your complaint", [
        first
          ? "{{handler}} is dealing with your complaint."
          : "{{handler}} is reviewing your complaint. They were not involved in our response at Stage 1.",
      ]),
      "response-due": section("When we will respond", [
        first
          ? "We will send you our response by {{response-due}}."
          : "We will send you our final response by {{response-due}}.",
        "If we need more time, we will write to you before then to explain why and to give you the new date.",
      ]),
      support: SUPPORT,
      ombudsman: OMBUDSMAN_ADVICE,
    },
  };
}

const EXTENSION: LetterTemplate = {
  ...LETTER,
  sections: {
    intro: section("Your complaint", [
      REPRESENTATIVE,
      "We are writing about your complaint, reference {{reference}}, which we are dealing with at {{stage}} of our complaints procedure.",
    ]),
    reasons: section("Why we need more time", [
      "We are sorry, but we need more time to give you a full response. This is because: {{extension-reason}}",
      "We need longer than we would usually take because: {{extension-good-reason}}",
    ]),
    "new-date": section("Your new response date", [
      "We will now send you our response by {{response-due}}.",
      "This replaces the date we gave you before, {{previous-response-due}}.",
    ]),
    updates: section("Keeping you updated", [
      "Until then, we will keep you updated on our progress. If you would like to hear from us at particular times, or more often, please tell us and we will agree this with you.",
    ]),
    ombudsman: section("The Housing Ombudsman", [
      "If you are unhappy that we need more time, you can contact the Housing Ombudsman Service, which is independent and free to use: {{ombudsman-contact}}.",
    ]),
  },
};

function response(stage: 1 | 2): Record<string, TemplateSection> {
  const first = stage === 1;
  return {
    intro: section("Your complaint", [
      REPRESENTATIVE,
      "Thank you for your patience while we looked into your complaint, reference {{reference}}. This letter is our response.",
    ]),
    stage: section("About this response", [
      first
        ? "This is our response to your complaint at {{stage}} of our complaints procedure."
        : "This is our final response to your complaint, at {{stage}} of our complaints procedure.",
    ]),
    definition: section("What your complaint is about", ["We understood your complaint to be about:"]),
    outcomes: section("What you wanted to happen", ["You told us you were looking for:"]),
    decision: section("Our decision", [
      "We have {{outcome}} your complaint. Below we explain our finding on each part of it, and why.",
    ]),
    finding: section("{{issue}}", ["We have {{finding}} this part of your complaint."]),
    reason: section("Our reasons: {{issue}}", ["{{reason}}"]),
    remedy: section(
      "Putting things right",
      ["To put things right, we are offering you:"],
      ["As we have not found that we did anything wrong, we are not offering a remedy."],
    ),
    actions: section(
      "What we still have to do",
      [
        "These are the things we still need to do, who will do them and by when. We will keep you updated until they are done:",
      ],
      ["There is nothing more we need to do on your complaint."],
    ),
  };
}

const STAGE1_RESPONSE: LetterTemplate = {
  ...LETTER,
  sections: {
    ...response(1),
    escalation: section("If you are not satisfied", [
      "If you are not satisfied with our response, you can ask us to look at your complaint again at {{next-stage}} of our complaints procedure. You do not need to give a reason, although it helps us if you tell us what you are still unhappy about.",
      "To ask, contact us in any way you like, quoting your reference {{reference}}.",
      "Please ask by {{escalate-by}} if you can. If you ask later, we will still consider your request.",
    ]),
    ombudsman: OMBUDSMAN_ADVICE,
  },
};

const STAGE2_RESPONSE: LetterTemplate = {
  ...LETTER,
  sections: {
    ...response(2),
    ombudsman: section("If you are still not satisfied", [
      "This is our final response. Our complaints procedure has now ended.",
      "If you are still not satisfied, you can ask the Housing Ombudsman Service to investigate your complaint. It is independent and free to use. Its contact details are: {{ombudsman-contact}}.",
    ]),
    "ombudsman-time-limit": section("Time limit for going to the Ombudsman", [
      "Please contact the Ombudsman within 12 months of the date of this letter. The Ombudsman generally cannot consider a complaint that is referred 12 months or more after our final response.",
    ]),
  },
};

const REFUSAL: LetterTemplate = {
  ...LETTER,
  sections: {
    intro: section("Your complaint", [
      REPRESENTATIVE,
      "Thank you for contacting us about your complaint, reference {{reference}}. We have considered it carefully.",
    ]),
    decision: section("Our decision", ["We have decided that we cannot {{refusal-decision}}."]),
    ground: section("What our complaints policy says", [
      "Our complaints policy sets out when we cannot accept a complaint, or take it to the next stage. The part that applies here is: {{refusal-ground}}",
    ]),
    reasons: section("Why this applies to your complaint", [
      "We looked at the particular circumstances of your complaint before deciding. {{refusal-reason}}",
    ]),
    ombudsman: section("If you disagree", [
      "If you disagree with our decision, you can ask the Housing Ombudsman Service to look at it. The Ombudsman is independent and free to use, and may tell us to accept your complaint. Its contact details are: {{ombudsman-contact}}.",
    ]),
  },
};

const CLOSURE_SURVEY: LetterTemplate = {
  ...LETTER,
  sections: {
    intro: section("Your complaint is closed", [
      REPRESENTATIVE,
      "Your complaint, reference {{reference}}, is now closed. Thank you for taking the time to tell us about it.",
    ]),
    survey: section("Tell us how we did", [
      "We would like to know how satisfied you are with the way we handled your complaint. Please reply to this letter, or contact us in any way you like, quoting your reference {{reference}}. Tell us how satisfied you are on a scale from 1 (very dissatisfied) to 5 (very satisfied), and anything we could have done better.",
      "Answering is up to you. It will not affect the services you get from us.",
    ]),
    "how-to-complain": section("If you are unhappy", [
      "Answering this survey is not the same as making a complaint. If you are unhappy with anything we have done, or not done, you can make a complaint at any time and in any way: by phone, in writing, by email, online or in person. We will deal with it under our complaints procedure.",
    ]),
  },
};

export const DEFAULT_TEMPLATES: Record<LetterKind, LetterTemplate> = {
  "stage1-acknowledgement": acknowledgement(1),
  "stage2-acknowledgement": acknowledgement(2),
  extension: EXTENSION,
  "stage1-response": STAGE1_RESPONSE,
  "stage2-response": STAGE2_RESPONSE,
  refusal: REFUSAL,
  "closure-survey": CLOSURE_SURVEY,
};

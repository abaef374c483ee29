import type { FastifyReply, FastifyRequest } from "fastify";
import { UnknownComplaintError, UnknownOrganisationError } from "../app/complaint-context.ts";
import { UnknownReportPeriodError } from "../app/build-periodic-report.ts";
import { UnknownFigureError } from "../app/drill-report.ts";
import { UnknownLetterError } from "../app/letter-case.ts";
import { UnknownDeadLetterError } from "../app/manage-outbox.ts";
import { UnknownAttachmentError } from "../app/read-attachment.ts";
import { UnknownRecordError } from "../app/unknown-record.ts";
import { UnknownContactError } from "../app/update-contact.ts";
import { UnknownMessageError } from "../app/view-sent-mail.ts";
import { UnknownUserError } from "../app/view-user.ts";
import { ConcurrencyConflictError } from "../store/complaint-events.ts";
import { ruleBroken } from "./rule-errors.ts";

const TITLES: Record<number, string> = {
  400: "There is a problem with the request",
  403: "You cannot do this",
  404: "Page not found",
  409: "Someone else changed this at the same time",
  413: "The file is too large",
  422: "This breaks a rule of the complaints process",
  429: "Too many attempts",
  500: "Sorry, there is a problem with the service",
};

/** The HTTP status for an error: every domain and app error maps here, in one place. */
export function statusOf(error: unknown): number {
  if (
    error instanceof UnknownComplaintError ||
    error instanceof UnknownOrganisationError ||
    error instanceof UnknownContactError ||
    error instanceof UnknownAttachmentError ||
    error instanceof UnknownLetterError ||
    error instanceof UnknownUserError ||
    error instanceof UnknownMessageError ||
    error instanceof UnknownDeadLetterError ||
    error instanceof UnknownRecordError ||
    error instanceof UnknownFigureError
  )
    return 404;
  if (error instanceof UnknownReportPeriodError) return 400;
  if (error instanceof ConcurrencyConflictError) return 409;
  if (ruleBroken(error)) return 422;
  const status = (error as { statusCode?: number }).statusCode;
  return typeof status === "number" && status >= 400 && status < 600 ? status : 500;
}

/** A GOV.UK error page, or JSON for the API. Nothing about another organisation's data is revealed. */
export async function renderError(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const status = statusOf(error);
  if (status >= 500) request.log.error(error);
  const title = TITLES[status] ?? TITLES[400];
  const message =
    status === 404
      ? "If you typed the web address, check it is correct. The complaint may be in another organisation."
      : status >= 500
        ? "Try again later. If you were saving a change, look at the case to see whether it was saved before trying again."
        : (error as Error).message;
  if (request.url.startsWith("/api/")) return sendApiError(error, status, reply);
  return reply.status(status).page("error.njk", { title, message, status });
}

/** The API's error codes for statuses that are not a broken domain rule (those carry the rule's own code). */
const API_CODES: Record<number, string> = {
  400: "INVALID_REQUEST",
  401: "UNAUTHENTICATED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  409: "CONCURRENT_CHANGE",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  429: "RATE_LIMITED",
  500: "INTERNAL_ERROR",
};

export interface ApiError {
  status: number;
  code: string;
  message: string;
  /** A broken rule: the input it is about. */
  field?: string;
  /** Request validation: what is wrong, by the JSON path of each input (`resident.name`). */
  fields?: Record<string, string>;
}

interface ValidationFailure {
  validation: { instancePath?: string; message?: string }[];
  validationContext?: string;
}

/** What Fastify's schema validation found (the Zod issues, through fastify-type-provider-zod), by JSON path. */
function fieldsOf(error: ValidationFailure): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.validation) {
    const path = (issue.instancePath ?? "").split("/").filter(Boolean).join(".");
    fields[path || (error.validationContext ?? "body")] ??= issue.message ?? "Not valid";
  }
  return fields;
}

/** The API's error body, `{ error: { status, code, message, field?, fields? } }`: JSON, never a page. */
export function apiErrorOf(error: unknown, status: number): ApiError {
  const rule = ruleBroken(error);
  if (rule)
    return { status, code: rule.code, message: rule.message, ...(rule.field ? { field: rule.field } : {}) };
  const code = API_CODES[status] ?? (status < 500 ? "INVALID_REQUEST" : "INTERNAL_ERROR");
  const validation = (error as Partial<ValidationFailure>).validation;
  if (Array.isArray(validation) && validation.length > 0) {
    const fields = fieldsOf(error as ValidationFailure);
    const message = "The request is not valid: each entry in fields says what is wrong with that input.";
    return { status, code, message, fields };
  }
  // Nothing about what exists elsewhere, and nothing of the internals.
  if (status === 404)
    return {
      status,
      code,
      message: "Not found. There is no such complaint, contact or letter, or it is not yours to see.",
    };
  if (status >= 500)
    return { status, code, message: "Sorry, there is a problem with the service. Try again later." };
  return { status, code, message: (error as Error).message || TITLES[status] || "The request was refused." };
}

function sendApiError(error: unknown, status: number, reply: FastifyReply): FastifyReply {
  // RFC 6750: a 401 says how to authenticate.
  if (status === 401)
    reply.header("www-authenticate", (error as { challenge?: string }).challenge ?? 'Bearer realm="redress"');
  return reply.status(status).send({ error: apiErrorOf(error, status) });
}

import type { FastifyReply, FastifyRequest } from "fastify";
import { UnknownComplaintError, UnknownOrganisationError } from "../app/complaint-context.ts";
import { UnknownAttachmentError } from "../app/read-attachment.ts";
import { UnknownContactError } from "../app/update-contact.ts";
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
    error instanceof UnknownUserError
  )
    return 404;
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
  if (request.url.startsWith("/api/")) return reply.status(status).send({ error: { status, message } });
  return reply.status(status).page("error.njk", { title, message, status });
}

import type { FastifyReply, FastifyRequest } from "fastify";
import { FOLLOW_LINK_DAYS } from "../../app/follow-links.ts";
import { openFollowLink } from "../../app/open-follow-link.ts";
import type { Services } from "../../app/services.ts";
import { organisationOf, portalPage } from "./portal-plugin.ts";

export type FollowParams = { organisationId: string; token: string };
export type FollowRequest = FastifyRequest<{ Params: FollowParams }>;
export type OpenedLink = Extract<Awaited<ReturnType<typeof openFollowLink>>, { status: "open" }>;

/** The follow page's own address (the link's path), which every form on it posts under. */
export const followPathOf = (request: FollowRequest) =>
  `/o/${encodeURIComponent(organisationOf(request).id)}/follow/${request.params.token}`;

/**
 * The complaint a follow link opens; otherwise the page saying, in words, why it opens nothing (unknown:
 * 404; expired or stopped: 410), and null. Nothing about any complaint is shown then.
 */
export async function openOrExplain(
  services: Services,
  request: FollowRequest,
  reply: FastifyReply,
): Promise<OpenedLink | null> {
  const opened = await openFollowLink(services, organisationOf(request).id, request.params.token);
  if (opened.status === "open") return opened;
  await portalPage(reply.status(opened.status === "unknown" ? 404 : 410), "portal/link-problem.njk", {
    problem: opened.status,
    followPath: followPathOf(request),
    linkDays: FOLLOW_LINK_DAYS,
  });
  return null;
}

import { randomUUID } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { checkUpload } from "../../app/add-attachment.ts";
import { ATTACHMENT_RULES, MAX_ATTACHMENT_BYTES } from "../../domain/attachments/attachment-rules.ts";
import type { PortalUpload } from "../../store/portal-uploads.ts";
import { ruleBroken } from "../rule-errors.ts";
import type { UploadedFile } from "../uploads.ts";
import { listOf } from "./complain-form.ts";

/** Files one portal form can send at a time (more can be added afterwards through the follow link). */
export const MAX_PORTAL_FILES = 10;

/**
 * A portal form with files: each file up to the attachment limit, read whole or refused in words, never
 * failing the form; files beyond the limit in number are skipped, so the rest of the form always arrives.
 */
export const portalMultipart = {
  multipartOptions: {
    limits: { files: 100, fileSize: MAX_ATTACHMENT_BYTES },
    throwFileSizeLimit: false,
  },
  maxUploadFiles: MAX_PORTAL_FILES,
};

export interface ChosenFiles {
  /** Files the attachment rules accept (judged from their bytes). */
  accepted: { fileName: string; content: Buffer }[];
  /** Why each refused file was not added, naming it. */
  refused: string[];
}

const UploadedFiles = (value: unknown): UploadedFile[] =>
  (Array.isArray(value) ? value : [value]).filter(
    (f): f is UploadedFile =>
      typeof f === "object" && f !== null && Buffer.isBuffer((f as UploadedFile).content),
  );

/** The files chosen in a form's file field, checked; `room` is how many more it may take. */
export async function checkChosenFiles(value: unknown, room: number): Promise<ChosenFiles> {
  const chosen: ChosenFiles = { accepted: [], refused: [] };
  for (const file of UploadedFiles(value)) {
    // A file box left empty still sends a part, with no name and no bytes.
    if (!file.fileName && file.content.length === 0 && !file.notRead) continue;
    const not = `“${file.fileName || "A file"}” was not added.`;
    if (file.notRead === "too-large") chosen.refused.push(`${not} ${ATTACHMENT_RULES.FILE_TOO_LARGE}`);
    else if (file.notRead === "too-many" || chosen.accepted.length >= room)
      chosen.refused.push(`${not} You can send up to ${MAX_PORTAL_FILES} files at a time.`);
    else {
      try {
        await checkUpload(file.fileName, file.content);
        chosen.accepted.push({ fileName: file.fileName, content: file.content });
      } catch (error) {
        const rule = ruleBroken(error);
        if (!rule) throw error;
        chosen.refused.push(`${not} ${rule.message}`);
      }
    }
  }
  return chosen;
}

/** Held files the person left ticked (`keepFiles`), of those held for them. */
export function keptFiles(body: Record<string, unknown>, held: readonly PortalUpload[]): string[] {
  const ticked = new Set(listOf(body.keepFiles));
  return held.filter((h) => ticked.has(h.id)).map((h) => h.id);
}

const DRAFT_COOKIE = "redress_portal_draft";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A form's draft: a random id in a signed, short-lived cookie scoped to the form's own address, under which
 * its files are held while it is shown again. Only that browser can use or see them.
 */
export function draftOf(request: FastifyRequest): string | null {
  const cookie = request.cookies[DRAFT_COOKIE];
  const unsigned = cookie ? request.unsignCookie(cookie) : null;
  return unsigned?.valid && unsigned.value && UUID.test(unsigned.value) ? unsigned.value : null;
}

export function startDraft(reply: FastifyReply, path: string, secure: boolean): string {
  const id = randomUUID();
  reply.setCookie(DRAFT_COOKIE, id, {
    signed: true,
    httpOnly: true,
    sameSite: "lax",
    secure,
    path,
    maxAge: 24 * 60 * 60,
  });
  return id;
}

export function endDraft(reply: FastifyReply, path: string): void {
  reply.clearCookie(DRAFT_COOKIE, { path });
}

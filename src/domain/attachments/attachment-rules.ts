/**
 * What may be attached to a complaint: the evidence residents and staff actually send (photos of damp or a
 * leak, letters, reports, short videos), nothing that can run. The type is judged from the file's own bytes,
 * never from its name or the browser's say-so, so a renamed program or web page is refused.
 */

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** The media types accepted, with the words a resident would use for them. */
export const ATTACHMENT_TYPES: Readonly<Record<string, string>> = {
  "image/jpeg": "JPEG photo",
  "image/png": "PNG image",
  "image/gif": "GIF image",
  "image/webp": "WebP image",
  "image/heic": "HEIC photo (iPhone)",
  "image/heif": "HEIF photo",
  "application/pdf": "PDF document",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word document",
  "application/vnd.oasis.opendocument.text": "OpenDocument text",
  "text/plain": "plain text",
  "video/mp4": "MP4 video",
  "video/quicktime": "QuickTime video",
};

export const ATTACHMENT_RULES = {
  EMPTY_FILE: "The file is empty. Choose the file again.",
  FILE_TOO_LARGE: `The file must be smaller than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`,
  FILE_TYPE_NOT_ALLOWED: `The file must be a photo, video or document: ${[...new Set(Object.values(ATTACHMENT_TYPES))].join(", ")}.`,
  FILE_NAME_REQUIRED: "The file needs a name.",
} as const;

export type AttachmentRuleCode = keyof typeof ATTACHMENT_RULES;

export class AttachmentRuleError extends Error {
  constructor(readonly code: AttachmentRuleCode) {
    super(ATTACHMENT_RULES[code]);
    this.name = "AttachmentRuleError";
  }
}

/**
 * Checks a file about to be attached. `detectedType` is what its bytes say it is (null when they match no
 * known binary format); a file with no binary signature is accepted only as plain text when it is valid
 * UTF-8 without control characters (`looksLikeText`). Returns the media type to keep.
 */
export function checkAttachment(file: {
  fileName: string;
  sizeBytes: number;
  detectedType: string | null;
  looksLikeText: boolean;
}): string {
  if (!file.fileName.trim()) throw new AttachmentRuleError("FILE_NAME_REQUIRED");
  if (file.sizeBytes === 0) throw new AttachmentRuleError("EMPTY_FILE");
  if (file.sizeBytes > MAX_ATTACHMENT_BYTES) throw new AttachmentRuleError("FILE_TOO_LARGE");
  const type = file.detectedType ?? (file.looksLikeText ? "text/plain" : null);
  if (!type || !(type in ATTACHMENT_TYPES)) throw new AttachmentRuleError("FILE_TYPE_NOT_ALLOWED");
  return type;
}

/**
 * A file name safe to keep and to offer for download: no folders, no control characters, at most 120
 * characters, never empty.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const unsafe = /[\u0000-\u001f\u007f"<>|:*?]/g;
  const clean = base.replace(unsafe, "").trim().slice(-120);
  return clean || "attachment";
}

import { describe, expect, it } from "vitest";
import {
  AttachmentRuleError,
  checkAttachment,
  MAX_ATTACHMENT_BYTES,
  safeFileName,
} from "./attachment-rules.ts";

const file = (over: Partial<Parameters<typeof checkAttachment>[0]>) =>
  checkAttachment({
    fileName: "a.jpg",
    sizeBytes: 100,
    detectedType: "image/jpeg",
    looksLikeText: false,
    ...over,
  });

const refused = (over: Partial<Parameters<typeof checkAttachment>[0]>) => {
  try {
    file(over);
  } catch (error) {
    expect(error).toBeInstanceOf(AttachmentRuleError);
    return (error as AttachmentRuleError).code;
  }
  throw new Error("expected the file to be refused");
};

describe("what may be attached", () => {
  it("keeps the type the bytes show, whatever the name says", () => {
    expect(file({ fileName: "photo.png", detectedType: "image/jpeg" })).toBe("image/jpeg");
    expect(file({ detectedType: "application/pdf" })).toBe("application/pdf");
    expect(file({ detectedType: null, looksLikeText: true })).toBe("text/plain");
  });

  it("refuses what could run or is not evidence, empty files, oversized files and nameless ones", () => {
    expect(refused({ detectedType: "application/x-msdownload" })).toBe("FILE_TYPE_NOT_ALLOWED");
    expect(refused({ detectedType: null, looksLikeText: false })).toBe("FILE_TYPE_NOT_ALLOWED");
    expect(refused({ sizeBytes: 0 })).toBe("EMPTY_FILE");
    expect(file({ sizeBytes: MAX_ATTACHMENT_BYTES })).toBe("image/jpeg");
    expect(refused({ sizeBytes: MAX_ATTACHMENT_BYTES + 1 })).toBe("FILE_TOO_LARGE");
    expect(refused({ fileName: "  " })).toBe("FILE_NAME_REQUIRED");
  });

  it("keeps a file name without folders or control characters", () => {
    expect(safeFileName("C:\\Users\\ada\\damp.jpg")).toBe("damp.jpg");
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName('bad"name\u0007<x>.pdf')).toBe("badnamex.pdf");
    expect(safeFileName("///")).toBe("attachment");
    expect(safeFileName(`${"x".repeat(200)}.pdf`)).toHaveLength(120);
  });
});

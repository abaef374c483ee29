const XML_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => XML_ENTITIES[character] ?? character);
}

/**
 * pdfkit (0.20) copies the Title, Author, Subject, Creator, Producer and Keywords into the XMP metadata
 * as they are, without escaping them for XML, so a landlord called "Smith & Sons" or a title with "<"
 * would make the metadata unreadable (and the PDF fail PDF/UA, which needs dc:title). The document-info
 * dictionary is written first from the same values, as PDF strings that need no escaping; so only while
 * the metadata is written are the values swapped for escaped copies.
 */
export function escapeXmpText(doc: PDFKit.PDFDocument): void {
  const writeMetadata = doc.endMetadata.bind(doc);
  doc.endMetadata = () => {
    const info = doc.info;
    const escaped: Record<string, unknown> = { ...info };
    for (const [key, value] of Object.entries(info)) {
      if (typeof value === "string") escaped[key] = escapeXml(value);
    }
    doc.info = escaped as PDFKit.DocumentInfo;
    try {
      writeMetadata();
    } finally {
      doc.info = info;
    }
  };
}

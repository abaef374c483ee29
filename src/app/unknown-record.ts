/**
 * A governance record (a lesson, a "you said, we did" entry, an Ombudsman case or order, a self-assessment
 * or annual report version) that the organisation does not have: a plain 404 that says nothing of others'.
 */
export class UnknownRecordError extends Error {
  readonly code = "UNKNOWN_RECORD";
  constructor(what: string) {
    super(`There is no such ${what} in this organisation.`);
    this.name = "UnknownRecordError";
  }
}

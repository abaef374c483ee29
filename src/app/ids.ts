/** Whether a string is a UUID, the form of every stored id; anything else cannot name a row (and PostgreSQL would refuse it). */
export const isUuid = (value: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

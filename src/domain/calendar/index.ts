export * from "./day-number.ts";
export * from "./bank-holidays.ts";
export * from "./working-calendar.ts";
export * from "./explain.ts";
export * from "./england-and-wales.ts";

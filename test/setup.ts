import { beforeEach, afterEach, vi } from "vitest";

// A fixed clock: code that reads "now" instead of taking it as a parameter gets the same answer every run.
export const FIXED_NOW = new Date("2026-11-20T10:00:00Z");

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(FIXED_NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

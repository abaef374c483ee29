import { defineConfig } from "vitest/config";

// Every test runs in London time with a fixed clock (see test/setup.ts).
process.env.TZ = "Europe/London";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    // Generous: these machines are shared and noisy, and a browser journey does a lot of work.
    testTimeout: 180_000,
    // Opening an embedded database takes seconds on a busy 2-core machine.
    hookTimeout: 120_000,
  },
});

export * from "./schema.ts";
export * from "./parse-pack.ts";
export * from "./code-2024.ts";
export * from "./lint.ts";

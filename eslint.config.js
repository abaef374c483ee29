// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "coverage/", "test-results/", "data/pglite/"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // In tests an assertion that a fixture exists is clearer than a guard.
    files: ["**/*.test.ts", "src/**/test-builders.ts"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
  {
    // The domain is pure: no clock, no I/O. Time comes in as a parameter.
    files: ["src/domain/**/*.ts"],
    ignores: ["src/domain/**/*.test.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "The domain takes the clock as a parameter.",
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "The domain takes the clock as a parameter.",
        },
      ],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            "node:*",
            "fs",
            "path",
            "pg",
            "fastify",
            "@electric-sql/*",
            "nodemailer",
            "pg-boss",
            "../../adapters/*",
            "../../app/*",
            "../../cli/*",
          ],
        },
      ],
    },
  },
);

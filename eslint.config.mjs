// `npm run lint` = office-addin-lint check, which uses this file when it exists (else its own
// config) and lints src/**/*.{ts,tsx,js,jsx}. We start from the plugin's React config, which
// carries the Office.js rules (load before read, no sync in loops, …), and extend its
// TypeScript rules to .tsx files, which the plugin's own config leaves to the JS parser.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";

// Reuse the plugin's own instances: ESLint refuses two copies of a plugin under one name.
const base = officeAddins.configs.recommended.find((c) => c.plugins?.["@typescript-eslint"]);
const reactConfig = officeAddins.configs.react.find((c) => c.plugins?.react);
const tsPlugin = base.plugins["@typescript-eslint"];
const prettierPlugin = base.plugins.prettier;
const reactPlugin = reactConfig.plugins.react;

/** What src/core must never touch: it runs in the CLI, in tests and in both readers. */
const IMPURE_MODULES = [
  "@microsoft/office-js",
  "office-js",
  "office-addin-mock",
  "exceljs",
  "jszip",
  "react",
  "react-dom",
  "@fluentui/*",
];
const IMPURE_GLOBALS = [
  "window",
  "document",
  "navigator",
  "localStorage",
  "Office",
  "Excel",
  "OfficeExtension",
];

export default [
  { ignores: ["dist/**", "build/**", "node_modules/**", "coverage/**"] },
  ...officeAddins.configs.react,
  reactPlugin.configs.flat["jsx-runtime"],
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    plugins: {
      "@typescript-eslint": tsPlugin,
      "office-addins": officeAddins,
      prettier: prettierPlugin,
    },
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: {
        ...globals.browser,
        Office: "readonly",
        Excel: "readonly",
        OfficeExtension: "readonly",
      },
    },
    rules: {
      // TypeScript resolves names itself (types, globals from @types/office-js).
      "no-undef": "off",
      "no-unused-vars": "off",
      "no-redeclare": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "warn",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "warn",
      "office-addins/test-for-null-using-isNullObject": "error",
      // Formatting is `npm run prettier`'s job; lint fails on defects, not on layout (the
      // template's prettier-as-error would fail CI on every unformatted line).
      "prettier/prettier": "off",
      "no-eval": "error",
    },
  },
  {
    files: ["**/*.tsx", "**/*.jsx"],
    settings: { react: { version: "19.0" } },
    rules: {
      "react/prop-types": "off",
      // Cell text is data, never markup.
      "react/no-danger": "error",
      "react/no-danger-with-children": "error",
    },
  },
  {
    // The pure core (also enforced by test/core/purity.test.ts).
    files: ["src/core/**/*.{ts,tsx,js}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: IMPURE_MODULES,
              message: "src/core is pure: no Office.js, exceljs, jszip, React or DOM.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...IMPURE_GLOBALS.map((name) => ({
          name,
          message: "src/core is pure: no DOM or Office globals.",
        })),
      ],
    },
  },
];

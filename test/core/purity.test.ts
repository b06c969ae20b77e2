/**
 * src/core is pure TypeScript: it runs in the CLI, in jest and under both readers, so it may
 * not import Office.js, exceljs, jszip or React, nor touch the DOM or Office globals.
 * (eslint.config.mjs says the same for editors; this test is what CI cannot skip.)
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const CORE = path.resolve(__dirname, "../../src/core");
const FORBIDDEN_MODULES =
  /^(@microsoft\/office-js|office-js|office-addin-mock|exceljs|jszip|react|react-dom|@fluentui\/.*)(\/.*)?$/;
const FORBIDDEN_GLOBALS = new Set([
  "window",
  "document",
  "navigator",
  "localStorage",
  "sessionStorage",
  "Office",
  "Excel",
  "OfficeExtension",
]);

/** What in `source` breaks purity, as "line: reason". */
function impurities(fileName: string, source: string): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const at = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const checkModule = (node: ts.Node, spec: ts.Node | undefined) => {
    if (spec && ts.isStringLiteralLike(spec) && FORBIDDEN_MODULES.test(spec.text)) {
      found.push(`${at(node)}: imports ${spec.text}`);
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      checkModule(node, node.moduleSpecifier);
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference)
    ) {
      checkModule(node, node.moduleReference.expression);
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === "require"))
    ) {
      checkModule(node, node.arguments[0]);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      checkModule(node, node.argument.literal);
    } else if (
      ts.isIdentifier(node) &&
      FORBIDDEN_GLOBALS.has(node.text) &&
      isGlobalReference(node)
    ) {
      found.push(`${at(node)}: uses ${node.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** True unless the identifier is a property name, a declaration's own name or an object key. */
function isGlobalReference(node: ts.Identifier): boolean {
  const p = node.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === node) return false;
  if (ts.isQualifiedName(p) && p.right === node) return false;
  if (ts.isPropertyAssignment(p) && p.name === node) return false;
  if (ts.isPropertySignature(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p)) {
    return p.name !== node;
  }
  if (
    (ts.isVariableDeclaration(p) ||
      ts.isParameter(p) ||
      ts.isFunctionDeclaration(p) ||
      ts.isBindingElement(p)) &&
    p.name === node
  ) {
    return false;
  }
  return true;
}

function coreFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return coreFiles(full);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(e.name) ? [full] : [];
  });
}

describe("src/core is pure", () => {
  const files = coreFiles(CORE);

  it("has files to check", () => {
    expect(files.length).toBeGreaterThan(3);
  });

  it.each(files.map((f) => [path.relative(CORE, f), f]))("%s", (_rel, file) => {
    expect(impurities(file, fs.readFileSync(file, "utf8"))).toEqual([]);
  });
});

describe("the purity check itself", () => {
  it.each([
    ['import ExcelJS from "exceljs";', "imports exceljs"],
    ['import { useState } from "react";', "imports react"],
    ['import type { Workbook } from "exceljs";', "imports exceljs"],
    ['export { x } from "jszip";', "imports jszip"],
    ['const z = require("jszip");', "imports jszip"],
    ['const m = await import("@microsoft/office-js");', "imports @microsoft/office-js"],
    ['import { Button } from "@fluentui/react-components";', "imports @fluentui/react-components"],
    ["type R = import('exceljs').Row;", "imports exceljs"],
    ["const w = window.innerWidth;", "uses window"],
    ['document.title = "x";', "uses document"],
    ["function f(r: Excel.Range) { return r; }", "uses Excel"],
    ["Office.onReady(() => 0);", "uses Office"],
    ["await Excel.run(async (c) => c.sync());", "uses Excel"],
  ])("flags %s", (code, reason) => {
    expect(impurities("bad.ts", code).join("\n")).toContain(reason);
  });

  it.each([
    'import { toA1 } from "./a1";',
    "const o = { document: 1, window: 2 }; o.document;",
    "interface S { window: number }",
    "const reactive = 1; // react",
    'const s = "window.document Excel.run";',
  ])("lets %s through", (code) => {
    expect(impurities("ok.ts", code)).toEqual([]);
  });
});

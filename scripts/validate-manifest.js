#!/usr/bin/env node
/**
 * Offline manifest check: `office-addin-manifest validate` needs Microsoft's online service,
 * so validate manifest.xml (and dist/manifest.xml when a build exists) against the add-in
 * manifest schemas in ../shared/xsd with xmllint.
 *
 *   node scripts/validate-manifest.js [manifest.xml …]
 *
 * Exits 0 with a skip note only when the schema folder is absent (it is present in CI);
 * a missing xmllint or an invalid manifest is a failure.
 * What the schema cannot see (resids, URLs, icon sizes) is test/manifest/manifest.test.ts.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.resolve(__dirname, "..");
const xsdDir = process.env.HYOKA_XSD_DIR
  ? path.resolve(process.env.HYOKA_XSD_DIR)
  : path.resolve(root, "..", "shared", "xsd");
const schema = path.join(xsdDir, "OfficeAppManifestV1_1.xsd");

const args = process.argv.slice(2);
const manifests = args.length
  ? args.map((f) => path.resolve(f))
  : [path.join(root, "manifest.xml"), path.join(root, "dist", "manifest.xml")].filter((f) =>
      fs.existsSync(f)
    );

if (!fs.existsSync(schema) && process.env.HYOKA_XSD_DIR) {
  console.error(`FAIL: HYOKA_XSD_DIR is set but ${schema} does not exist.`);
  process.exit(1);
}
if (!fs.existsSync(schema)) {
  console.log(`SKIP: manifest schemas not found at ${schema}.`);
  console.log(
    "      (CI has ../shared/xsd beside the clone; set HYOKA_XSD_DIR to use another copy.)"
  );
  process.exit(0);
}

const probe = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
if (probe.error) {
  console.error(
    "FAIL: xmllint is not installed. Install it with: apt-get install -y libxml2-utils"
  );
  process.exit(1);
}

let failed = 0;
for (const manifest of manifests) {
  if (!fs.existsSync(manifest)) {
    console.error(`FAIL: ${manifest} does not exist.`);
    failed++;
    continue;
  }
  const rel = path.relative(process.cwd(), manifest) || manifest;
  const run = spawnSync("xmllint", ["--noout", "--schema", schema, manifest], { encoding: "utf8" });
  if (run.status === 0) {
    console.log(`OK:   ${rel} is valid against ${path.relative(process.cwd(), schema)}`);
  } else {
    failed++;
    console.error(`FAIL: ${rel} does not match the add-in manifest schema:`);
    process.stderr.write(run.stderr || run.stdout);
  }
}
if (manifests.length === 0) {
  console.error("FAIL: no manifest to check.");
  process.exit(1);
}
process.exit(failed ? 1 : 0);

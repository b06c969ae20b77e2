/* eslint-disable no-undef */
/**
 * Builds the Office pages into dist/:
 *   taskpane.html  — the task pane (React + Fluent UI)
 *   commands.html  — the ribbon function file (ExecuteFunction "buildSummary")
 *   notice.html    — the dialog in which that command reports its outcome
 *   office-js/     — only with HYOKA_OFFICE_JS=local: @microsoft/office-js's dist, self-hosted
 *   assets/, support.html, manifest.xml (URLs rewritten to the hosting URL in production)
 *
 *   npm run build                                   # manifest points at https://localhost:3000/
 *   HYOKA_URL=https://intra.example.lg.jp/hyoka/ npm run build
 *   npx webpack --mode production --env url=https://intra.example.lg.jp/hyoka/
 *   HYOKA_OFFICE_JS=local npm run build             # office.js from our own origin (closed networks)
 *   npm run dev-server                              # https://localhost:3000
 *
 * office.js comes from the Office CDN by default: Microsoft's guidance for production, and the
 * npm package is no longer updated with Excel
 * (https://learn.microsoft.com/office/dev/add-ins/develop/referencing-the-javascript-api-for-office-library-from-its-cdn).
 * The pages' Content-Security-Policy then allows exactly that one origin for scripts. A city
 * intranet without internet access builds with HYOKA_OFFICE_JS=local (or --env officeJs=local).
 *
 * Office-only code must never pull the .xlsx libraries (jszip, saxes) into a page's initial chunks: InitialChunkGuard
 * fails the build when it does, and writes dist/bundle-report.json with gzipped sizes.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const zlib = require("zlib");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const ROOT = __dirname;
const DEV_URL = "https://localhost:3000/";
/** Microsoft's CDN copy of office.js (the production default). */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** Output folder (inside dist/) for @microsoft/office-js's files when self-hosted. */
const OFFICE_JS_DIR = "office-js";
const OFFICE_JS_SOURCE = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
/** Not needed at run time: readable copies, IntelliSense docs and typings. */
const OFFICE_JS_IGNORE = ["**/*.debug.js", "**/*-vsdoc.js", "**/*.d.ts"];
/** Packages that may only ever load lazily (browser mode), never in a page's initial chunks. */
const LAZY_ONLY = /[\\/]node_modules[\\/](exceljs|jszip|saxes|pako)[\\/]/;

/** One entry and one HtmlWebpackPlugin per page. */
const PAGES = [
  { name: "taskpane", entry: "./src/taskpane/index.tsx", template: "./src/taskpane/taskpane.html" },
  {
    name: "commands",
    entry: "./src/commands/commands.ts",
    template: "./src/commands/commands.html",
  },
  // The dialog the ribbon command opens to report its outcome.
  { name: "notice", entry: "./src/commands/notice.ts", template: "./src/commands/notice.html" },
];

/** Where pages load office.js from: "cdn" (default) or "local" (--env officeJs=…, else HYOKA_OFFICE_JS). */
function officeJsMode(env = {}) {
  const raw = (typeof env.officeJs === "string" && env.officeJs) || process.env.HYOKA_OFFICE_JS || "cdn";
  if (raw !== "cdn" && raw !== "local") {
    throw new Error(`HYOKA_OFFICE_JS must be "cdn" or "local", not "${raw}"`);
  }
  return raw;
}

/**
 * A page template with its office.js placeholders filled: {{OFFICE_JS_SRC}} (the script's URL)
 * and {{OFFICE_JS_ORIGIN}} (appended to the CSP's script-src: the CDN's origin, or nothing).
 */
function renderPage(html, mode) {
  const src = mode === "local" ? `${OFFICE_JS_DIR}/office.js` : OFFICE_JS_CDN;
  const origin = mode === "local" ? "" : ` ${new URL(OFFICE_JS_CDN).origin}`;
  return html.split("{{OFFICE_JS_SRC}}").join(src).split("{{OFFICE_JS_ORIGIN}}").join(origin);
}

/** Static files copied as they are: [source relative to the repo, output path in dist/]. */
function staticFiles() {
  const assets = fs
    .readdirSync(path.join(ROOT, "assets"))
    .filter((f) => /\.(png|svg|ico)$/i.test(f))
    .sort()
    .map((f) => ({ from: `assets/${f}`, to: `assets/${f}` }));
  return [...assets, { from: "src/support/support.html", to: "support.html" }];
}

/** The hosting URL for production manifests: --env url=…, else HYOKA_URL, else the dev URL. */
function hostingUrl(env = {}) {
  const raw = (typeof env.url === "string" && env.url) || process.env.HYOKA_URL || DEV_URL;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`Hosting URL is not a URL: "${raw}" (use HYOKA_URL or --env url=https://…/)`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`Hosting URL must use https (Office refuses http add-ins): "${raw}"`);
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** The manifest with every dev URL replaced by the hosting URL. */
function rewriteManifest(xml, url) {
  return xml.split(DEV_URL).join(url);
}

/** https for the dev server: the office-addin-dev-certs files when present, else a self-signed default. */
function devServerHttps() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  const present = Object.values(files).every((f) => fs.existsSync(path.join(dir, f)));
  if (!present) return { type: "https" };
  const options = {};
  for (const [k, f] of Object.entries(files)) options[k] = fs.readFileSync(path.join(dir, f));
  return { type: "https", options };
}

/** Fails the build when a lazy-only package reaches a page's initial chunks; reports gzipped sizes. */
class InitialChunkGuard {
  apply(compiler) {
    const { Compilation, sources, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("InitialChunkGuard", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "InitialChunkGuard", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          const report = { pages: {} };
          for (const [name, entrypoint] of compilation.entrypoints) {
            const files = [];
            for (const chunk of entrypoint.chunks) {
              for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
                const resource =
                  module.resource || (module.rootModule && module.rootModule.resource);
                if (resource && LAZY_ONLY.test(resource)) {
                  compilation.errors.push(
                    new WebpackError(
                      `${path.relative(ROOT, resource)} is in the initial chunks of "${name}": ` +
                        "the .xlsx libraries (jszip, saxes) may only be loaded lazily (dynamic import) in browser mode."
                    )
                  );
                }
              }
              for (const file of chunk.files) if (file.endsWith(".js")) files.push(file);
            }
            const sizes = files.map((file) => {
              const buf = Buffer.from(assets[file].source());
              return { file, bytes: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
            });
            report.pages[name] = {
              initialJs: sizes,
              bytes: sizes.reduce((s, f) => s + f.bytes, 0),
              gzip: sizes.reduce((s, f) => s + f.gzip, 0),
            };
          }
          compilation.emitAsset(
            "bundle-report.json",
            new sources.RawSource(JSON.stringify(report, null, 2) + "\n")
          );
          const line = Object.entries(report.pages)
            .map(([n, p]) => `${n} ${(p.gzip / 1024).toFixed(1)} KB gz`)
            .join(", ");
          compilation.logger.info?.(`initial JS: ${line}`);
          if (compilation.options.mode === "production") console.log(`[hyoka] initial JS: ${line}`);
        }
      );
    });
  }
}

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const url = dev ? DEV_URL : hostingUrl(env);
  const officeJs = officeJsMode(env);

  return {
    mode: dev ? "development" : "production",
    context: ROOT,
    // No eval-based source maps: the pages' CSP has no 'unsafe-eval'.
    devtool: "source-map",
    entry: Object.fromEntries(PAGES.map((p) => [p.name, p.entry])),
    output: {
      path: path.join(ROOT, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].chunk.js" : "[name].[contenthash:8].chunk.js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          options: {
            // Types are checked by `npm run typecheck`; ES modules let webpack tree-shake and split.
            transpileOnly: true,
            compilerOptions: { module: "esnext", moduleResolution: "node", sourceMap: true },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        // The analysis worker is one file of its own (src/taskpane/worker/spawn.ts names it): split,
        // it would load the page's initial chunks a second time, and chunks of its own besides.
        chunks: (chunk) => chunk.name !== "analysis-worker",
        cacheGroups: {
          // Third-party code (React, Fluent UI, Griffel…) changes rarely: one long-cached chunk
          // per page. The .xlsx libraries are excluded here and handled below.
          vendor: {
            test: (module) =>
              /[\\/]node_modules[\\/]/.test(module.resource || "") &&
              !LAZY_ONLY.test(module.resource || ""),
            name: (module, chunks) => `vendor-${chunks.map((c) => c.name).join("-")}`,
            chunks: "initial",
            priority: 20,
          },
          // Browser mode only, via import(): one lazy chunk, never initial.
          xlsxLibs: {
            test: LAZY_ONLY,
            name: "xlsx-libs",
            chunks: "async",
            priority: 30,
            enforce: true,
          },
        },
      },
    },
    performance: {
      hints: dev ? false : "warning",
      maxEntrypointSize: 700000,
      maxAssetSize: 700000,
      // Our own bundles only: office.js's host files are Microsoft's and loaded on demand, and the
      // .xlsx libraries' chunk loads only in browser mode (its size is reported in dist/bundle-report.json).
      assetFilter: (file) =>
        file.endsWith(".js") && !file.startsWith(`${OFFICE_JS_DIR}/`) && !file.startsWith("xlsx-libs."),
    },
    plugins: [
      ...PAGES.map(
        (p) =>
          new HtmlWebpackPlugin({
            filename: `${p.name}.html`,
            templateContent: renderPage(fs.readFileSync(path.join(ROOT, p.template), "utf8"), officeJs),
            chunks: [p.name],
            scriptLoading: "defer",
          })
      ),
      new CopyWebpackPlugin({
        patterns: [
          ...staticFiles().map((f) => ({ from: f.from, to: f.to })),
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : rewriteManifest(content.toString(), url)),
          },
          ...(officeJs === "local"
            ? [
                {
                  from: OFFICE_JS_SOURCE,
                  to: OFFICE_JS_DIR,
                  globOptions: { ignore: OFFICE_JS_IGNORE },
                  // Already minified by Microsoft: keep Terser away from 30 MB of it.
                  info: { minimized: true },
                },
              ]
            : []),
        ],
      }),
      new InitialChunkGuard(),
    ],
    devServer: {
      port: 3000,
      server: devServerHttps(),
      headers: { "Cache-Control": "no-store" },
      client: { overlay: { warnings: false } },
    },
  };
};

// For test/manifest/manifest.test.ts: what the build emits, without running it.
Object.assign(module.exports, {
  DEV_URL,
  OFFICE_JS_CDN,
  OFFICE_JS_DIR,
  OFFICE_JS_SOURCE,
  officeJsMode,
  renderPage,
  PAGES,
  staticFiles,
  hostingUrl,
  rewriteManifest,
});

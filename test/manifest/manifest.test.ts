/** @jest-environment jsdom */
/**
 * What the XSD (scripts/validate-manifest.js) cannot see: every resid resolves to a resource
 * of the right kind, every URL points at a file the build emits, icons have the sizes the
 * manifest claims, the ribbon's function name is the one commands.ts registers, and the
 * production build's manifest points at the hosting URL.
 */
import * as fs from "fs";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../../webpack.config.js") as {
  DEV_URL: string;
  OFFICE_JS_CDN: string;
  OFFICE_JS_DIR: string;
  OFFICE_JS_SOURCE: string;
  officeJsMode(env?: { officeJs?: string }): "cdn" | "local";
  renderPage(html: string, mode: "cdn" | "local"): string;
  PAGES: { name: string; entry: string; template: string }[];
  staticFiles(): { from: string; to: string }[];
  hostingUrl(env?: { url?: string }): string;
  rewriteManifest(xml: string, url: string): string;
};

const ROOT = path.resolve(__dirname, "../..");
const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const { DEV_URL } = webpackConfig;

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(`manifest.xml is not well-formed: ${error.textContent}`);
  return doc;
}

function all(doc: Document | Element, predicate: (e: Element) => boolean): Element[] {
  return Array.from(doc.getElementsByTagName("*")).filter(predicate);
}

/** Every URL in the manifest, with the element that holds it. */
function manifestUrls(doc: Document): { where: string; url: string }[] {
  const urls: { where: string; url: string }[] = [];
  for (const e of all(doc, () => true)) {
    for (const attr of ["DefaultValue", "Value"]) {
      const v = e.getAttribute(attr);
      if (v && /^[a-z]+:\/\//i.test(v)) urls.push({ where: `${e.tagName} ${attr}`, url: v });
    }
  }
  return urls;
}

/** Output paths (relative to dist/) the build emits, from the webpack config itself. */
function emittedPaths(): Set<string> {
  return new Set([
    ...webpackConfig.PAGES.map((p) => `${p.name}.html`),
    ...webpackConfig.staticFiles().map((f) => f.to),
    "manifest.xml",
  ]);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!buf.subarray(0, 8).equals(signature)) throw new Error(`${file} is not a PNG`);
  if (buf.toString("ascii", 12, 16) !== "IHDR") throw new Error(`${file}: no IHDR first`);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

const doc = parse(MANIFEST);

describe("manifest.xml resources", () => {
  const resources = (tag: string) =>
    new Map(
      all(doc, (e) => e.namespaceURI === BT && e.localName === tag && e.hasAttribute("id")).map(
        (e) => [e.getAttribute("id")!, e]
      )
    );
  const images = resources("Image");
  const urls = resources("Url");
  const shortStrings = new Map(
    all(doc, (e) => e.localName === "ShortStrings").flatMap((s) =>
      Array.from(s.children).map((c) => [c.getAttribute("id")!, c] as const)
    )
  );
  const longStrings = new Map(
    all(doc, (e) => e.localName === "LongStrings").flatMap((s) =>
      Array.from(s.children).map((c) => [c.getAttribute("id")!, c] as const)
    )
  );
  const references = all(doc, (e) => e.hasAttribute("resid"));

  /** Which resource table a resid on this element must point into. */
  function expectedTable(e: Element): Map<string, Element> {
    const parent = e.parentElement?.localName;
    if (e.localName === "Image") return images;
    if (["SourceLocation", "FunctionFile", "LearnMoreUrl"].includes(e.localName)) return urls;
    if (e.localName === "Description") return longStrings;
    if (e.localName === "Label" || e.localName === "Title") return shortStrings;
    throw new Error(`unexpected resid on <${e.localName}> in <${parent}>`);
  }

  it("has resid references to check", () => {
    expect(references.length).toBeGreaterThan(10);
  });

  it.each(references.map((e) => [e.localName, e.getAttribute("resid")!, e] as const))(
    "<%s resid=%s> resolves to a resource of the right kind",
    (_tag, resid, e) => {
      const table = expectedTable(e);
      expect(table.has(resid)).toBe(true);
    }
  );

  it("defines no resource that nothing uses", () => {
    const used = new Set(references.map((e) => e.getAttribute("resid")));
    const defined = [
      ...images.keys(),
      ...urls.keys(),
      ...shortStrings.keys(),
      ...longStrings.keys(),
    ];
    expect(defined.filter((id) => !used.has(id))).toEqual([]);
  });

  it("is Japanese first with an English override for every text", () => {
    expect(doc.getElementsByTagName("DefaultLocale")[0].textContent).toBe("ja-JP");
    const texts = [
      ...shortStrings.values(),
      ...longStrings.values(),
      doc.getElementsByTagName("DisplayName")[0],
      doc.getElementsByTagName("Description")[0],
    ];
    for (const e of texts) {
      const locales = Array.from(e.children)
        .filter((c) => c.localName === "Override")
        .map((c) => c.getAttribute("Locale"));
      expect({ id: e.getAttribute("id") ?? e.localName, locales }).toEqual({
        id: e.getAttribute("id") ?? e.localName,
        locales: ["en-US"],
      });
    }
  });

  it("asks only for ReadWriteDocument and states an ExcelApi minimum", () => {
    expect(doc.getElementsByTagName("Permissions")[0].textContent).toBe("ReadWriteDocument");
    const set = all(doc, (e) => e.localName === "Set" && e.getAttribute("Name") === "ExcelApi");
    expect(set).toHaveLength(1);
    expect(set[0].getAttribute("MinVersion")).toMatch(/^1\.\d+$/);
  });
});

describe("manifest.xml URLs", () => {
  const urls = manifestUrls(doc);
  const emitted = emittedPaths();

  it("finds the manifest's URLs", () => {
    expect(urls.length).toBeGreaterThanOrEqual(8);
  });

  it.each(urls.map((u) => [u.where, u.url]))("%s %s is a file the build emits", (_where, url) => {
    expect(url.startsWith(DEV_URL)).toBe(true);
    const rel = url.slice(DEV_URL.length).split(/[?#]/)[0];
    expect(emitted).toContain(rel);
  });

  it("copies only files that exist", () => {
    for (const f of webpackConfig.staticFiles()) {
      expect(fs.existsSync(path.join(ROOT, f.from))).toBe(true);
    }
    for (const p of webpackConfig.PAGES) {
      expect(fs.existsSync(path.join(ROOT, p.template))).toBe(true);
      expect(fs.existsSync(path.join(ROOT, p.entry))).toBe(true);
    }
  });

  it("loads office.js from the Office CDN by default, from our own origin with HYOKA_OFFICE_JS=local", () => {
    expect(fs.existsSync(path.join(webpackConfig.OFFICE_JS_SOURCE, "office.js"))).toBe(true);
    for (const p of webpackConfig.PAGES) {
      const template = fs.readFileSync(path.join(ROOT, p.template), "utf8");
      expect(template).toContain('<script src="{{OFFICE_JS_SRC}}"></script>');
      const cdn = webpackConfig.renderPage(template, "cdn");
      expect(cdn).toContain(`<script src="${webpackConfig.OFFICE_JS_CDN}"></script>`);
      expect(cdn).not.toContain("{{");
      const local = webpackConfig.renderPage(template, "local");
      expect(local).toContain(`<script src="${webpackConfig.OFFICE_JS_DIR}/office.js"></script>`);
      expect(local).not.toMatch(/https?:\/\/(?!localhost)/);
    }
  });

  it("takes the office.js source from --env officeJs, then HYOKA_OFFICE_JS, else the CDN; refuses others", () => {
    const saved = process.env.HYOKA_OFFICE_JS;
    try {
      delete process.env.HYOKA_OFFICE_JS;
      expect(webpackConfig.officeJsMode({})).toBe("cdn");
      process.env.HYOKA_OFFICE_JS = "local";
      expect(webpackConfig.officeJsMode({})).toBe("local");
      expect(webpackConfig.officeJsMode({ officeJs: "cdn" })).toBe("cdn");
      expect(() => webpackConfig.officeJsMode({ officeJs: "https://evil.example/office.js" })).toThrow(
        /cdn" or "local/
      );
    } finally {
      if (saved === undefined) delete process.env.HYOKA_OFFICE_JS;
      else process.env.HYOKA_OFFICE_JS = saved;
    }
  });

  it("names, in ExecuteFunction, the function commands.ts registers", () => {
    const names = all(doc, (e) => e.localName === "FunctionName").map((e) => e.textContent);
    expect(names).toEqual(["buildSummary"]);
    const commands = fs.readFileSync(path.join(ROOT, "src/commands/commands.ts"), "utf8");
    expect(commands).toMatch(/Office\.actions\.associate\(\s*"buildSummary"/);
  });

  const dist = path.join(ROOT, "dist");
  const distManifest = path.join(dist, "manifest.xml");
  (fs.existsSync(distManifest) ? it : it.skip)(
    "dist/manifest.xml (when built) points at files present in dist/",
    () => {
      const built = parse(fs.readFileSync(distManifest, "utf8"));
      const builtUrls = manifestUrls(built);
      const base = new URL(
        built.getElementsByTagName("SourceLocation")[0].getAttribute("DefaultValue")!
      );
      const prefix = base.href.slice(0, base.href.lastIndexOf("/") + 1);
      expect(builtUrls).toHaveLength(urls.length);
      for (const { url } of builtUrls) {
        expect(url.startsWith(prefix)).toBe(true);
        expect(fs.existsSync(path.join(dist, url.slice(prefix.length)))).toBe(true);
      }
      // office.js: from the CDN, or (a local build) from dist/ itself.
      const pane = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
      // The built page is minified: attribute quotes may be gone.
      const src = /<script src="?([^"\s>]*office\.js)"?/.exec(pane)?.[1];
      const local = src === `${webpackConfig.OFFICE_JS_DIR}/office.js`;
      expect(local || src === webpackConfig.OFFICE_JS_CDN).toBe(true);
      if (local) expect(fs.existsSync(path.join(dist, webpackConfig.OFFICE_JS_DIR, "office.js"))).toBe(true);
    }
  );
});

describe("production manifest", () => {
  const saved = process.env.HYOKA_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.HYOKA_URL;
    else process.env.HYOKA_URL = saved;
  });

  it("points every URL at the hosting URL", () => {
    const url = "https://intra.city.example.lg.jp/hyoka/";
    const xml = webpackConfig.rewriteManifest(MANIFEST, url);
    expect(xml).not.toContain(DEV_URL);
    const rewritten = manifestUrls(parse(xml));
    expect(rewritten.length).toBe(manifestUrls(doc).length);
    expect(rewritten.every((u) => u.url.startsWith(url))).toBe(true);
  });

  it("takes the URL from --env url, then HYOKA_URL, then the dev URL", () => {
    delete process.env.HYOKA_URL;
    expect(webpackConfig.hostingUrl({})).toBe(DEV_URL);
    process.env.HYOKA_URL = "https://a.example/x";
    expect(webpackConfig.hostingUrl({})).toBe("https://a.example/x/");
    expect(webpackConfig.hostingUrl({ url: "https://b.example/" })).toBe("https://b.example/");
  });

  it("refuses a hosting URL Office would not load", () => {
    expect(() => webpackConfig.hostingUrl({ url: "http://intra.example/" })).toThrow(/https/);
    expect(() => webpackConfig.hostingUrl({ url: "intra/hyoka" })).toThrow(/not a URL/);
  });
});

describe("icons", () => {
  const images = all(doc, (e) => e.namespaceURI === BT && e.localName === "Image");
  const urlOf = (id: string) =>
    images.find((e) => e.getAttribute("id") === id)!.getAttribute("DefaultValue")!;
  const fileOf = (url: string) => path.join(ROOT, url.slice(DEV_URL.length));

  const sized = new Map(
    images
      .filter((e) => e.hasAttribute("size") && e.hasAttribute("resid"))
      .map((e) => [`${e.getAttribute("resid")}@${e.getAttribute("size")}`, e] as const)
  );
  it.each(
    [...sized.values()].map(
      (e) => [e.getAttribute("resid")!, Number(e.getAttribute("size"))] as const
    )
  )("%s is a %i px PNG", (resid, size) => {
    expect(pngSize(fileOf(urlOf(resid)))).toEqual({ width: size, height: size });
  });

  it("IconUrl is 32 px and HighResolutionIconUrl 64 px", () => {
    const url = (tag: string) => doc.getElementsByTagName(tag)[0].getAttribute("DefaultValue")!;
    expect(pngSize(fileOf(url("IconUrl")))).toEqual({ width: 32, height: 32 });
    expect(pngSize(fileOf(url("HighResolutionIconUrl")))).toEqual({ width: 64, height: 64 });
  });

  it("are what scripts/make-icons.js draws (regenerate them with it)", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const icons = require("../../scripts/make-icons.js") as {
      SIZES: number[];
      iconPng(size: number): Buffer;
    };
    for (const size of icons.SIZES) {
      const committed = fs.readFileSync(path.join(ROOT, "assets", `icon-${size}.png`));
      expect(committed.equals(icons.iconPng(size))).toBe(true);
    }
  });
});

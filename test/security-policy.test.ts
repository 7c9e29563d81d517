import { afterEach, describe, expect, it } from 'vitest';
import { PAGE_SCRIPTS, THEME_SCRIPT } from '@/lib/page-scripts';
import { contentSecurityPolicy, pinPageScripts, scriptHash, securityHeaders } from '@/lib/security-policy';
import { parseSiteSettings, siteSettings } from '@/lib/site-settings';

// next start's security headers (next.config.ts): what the policy lets in, and where browsers
// report what it blocked when the author asks for reports.

const header = (key: string) => securityHeaders().find((h) => h.key === key)?.value;

afterEach(() => {
  delete siteSettings.cspReports;
});

describe("next start's security policy", () => {
  it('sends no reports unless the author gives an address for them', () => {
    expect(contentSecurityPolicy()).not.toMatch(/report-(uri|to)/);
    expect(header('Reporting-Endpoints')).toBeUndefined();
  });

  it('names the report address in the policy, for every browser', () => {
    siteSettings.cspReports = 'https://reports.example.com/csp';
    expect(contentSecurityPolicy()).toMatch(/; report-uri https:\/\/reports\.example\.com\/csp; report-to csp$/);
    expect(header('Reporting-Endpoints')).toBe('csp="https://reports.example.com/csp"');
  });

  it("lets a post's images, videos and audio come from any https site, and frames and scripts only from the allowed", () => {
    const policy = contentSecurityPolicy();
    expect(policy).toContain("img-src 'self' data: https:");
    expect(policy).toContain("media-src 'self' https:");
    expect(policy).toMatch(/frame-src 'self' https:\/\/www\.youtube-nocookie\.com(;| )/);
    expect(policy).toMatch(/script-src 'self' 'unsafe-inline' 'report-sample'/);
  });

  it('refuses a report address that is not https, naming the setting', () => {
    expect(() => parseSiteSettings({ cspReports: 'http://reports.example.com/csp' })).toThrow(/site\.config\.json: cspReports: must be an https address that accepts CSP reports/);
  });
});

// After a build, each page carries its own policy, which lets only its known inline scripts run.
const nextStart = '(self.__next_f=self.__next_f||[]).push([0])';
const nextChunk = 'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])';
const turbopack = '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/a.js"],"runtimeModuleIds":[1]});';
const builtPage = (body: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><script src="/_next/static/chunks/a.js" async=""></script><script>${THEME_SCRIPT}</script></head>` +
  `<body>${body}<script type="application/ld+json">{"@type":"BlogPosting"}</script><script id="_R_">${turbopack}</script><script>${nextStart}</script><script>${nextChunk}</script></body></html>`;
const pagePolicy = (html: string) => /<meta http-equiv="Content-Security-Policy" content="([^"]*)"\/>/.exec(html)?.[1] ?? '';
const scriptSources = (html: string) => /script-src ([^;]*)/.exec(pagePolicy(html))?.[1]?.split(' ') ?? [];

describe("a built page's own policy", () => {
  it("names by hash the framework's inline scripts and the site's own, and no other", () => {
    const { html, hashes, unknown } = pinPageScripts(builtPage('<p>Hello</p>'), PAGE_SCRIPTS);
    expect(scriptSources(html)).toEqual(["'self'", scriptHash(THEME_SCRIPT), scriptHash(turbopack), scriptHash(nextStart), scriptHash(nextChunk), "'report-sample'"]);
    expect(hashes).toBe(4);
    expect(unknown).toEqual([]);
    // Ahead of every script, or a browser runs those before it reads the policy.
    expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.indexOf('<script'));
    expect(html.startsWith('<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><meta http-equiv="Content-Security-Policy"')).toBe(true);
  });

  it('leaves out a script in the page that the site does not know, even one shaped like the framework\'s', () => {
    const planted = ['alert(1)', 'self.__next_f.push([1,"x"]);alert(1)', '(self.__next_f=self.__next_f||[]).push([0]);alert(1)'];
    const { html, unknown } = pinPageScripts(builtPage(planted.map((script) => `<script>${script}</script>`).join('')), PAGE_SCRIPTS);
    expect(unknown).toEqual(planted);
    for (const script of planted) expect(scriptSources(html)).not.toContain(scriptHash(script));
    expect(scriptSources(html)).not.toContain("'unsafe-inline'");
  });

  it('is the SHA-256 of the script as written, in base64', () => {
    expect(scriptHash('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  });

  it('is replaced, not doubled, when the page is pinned again', () => {
    const once = pinPageScripts(builtPage(''), PAGE_SCRIPTS).html;
    expect(pinPageScripts(once, PAGE_SCRIPTS).html).toBe(once);
    expect(once.match(/http-equiv="Content-Security-Policy"/g)).toHaveLength(1);
  });

  it('carries what a policy in a page can: not who may frame it, nor where to report', () => {
    siteSettings.cspReports = 'https://reports.example.com/csp';
    const policy = pagePolicy(pinPageScripts(builtPage(''), PAGE_SCRIPTS).html);
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/frame-ancestors|report-uri|report-to/);
    expect(contentSecurityPolicy()).toContain("frame-ancestors 'none'");
  });
});

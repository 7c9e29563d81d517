import { createHash } from 'node:crypto';
import { siteConfig } from './site-config';
import { siteSettings } from './site-settings';

/** The name the policy gives its reporting endpoint (`report-to`, `Reporting-Endpoints`). */
const REPORT_GROUP = 'csp';

type PolicyOptions = {
  /** The sources scripts may come from besides the site's own files. */
  scripts: string[];
  /** Whether the policy travels in the page (`<meta http-equiv>`), which cannot carry every directive. */
  inPage: boolean;
};

function policy({ scripts, inPage }: PolicyOptions): string {
  const reports = siteSettings.cspReports;
  return [
    "default-src 'self'",
    // A report of a blocked inline script quotes its start ('report-sample').
    ['script-src', "'self'", ...scripts, ...siteConfig.scriptOrigins, "'report-sample'"].join(' '),
    // Shiki colours code with style attributes, and Next.js writes some: a hash cannot allow those.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    // A post's <video> or <audio> may play a file from another site, as its images may show one.
    "media-src 'self' https:",
    "font-src 'self'",
    "connect-src 'self'",
    `frame-src 'self' ${siteConfig.frameOrigins.join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // A policy in the page cannot say who may frame it, nor where to report: browsers ignore those there.
    ...(inPage ? [] : ["frame-ancestors 'none'"]),
    ...(reports && !inPage ? [`report-uri ${reports}`, `report-to ${REPORT_GROUP}`] : []),
  ].join('; ');
}

/**
 * The Content-Security-Policy header of every answer of `next start`. Its scripts stay
 * 'unsafe-inline': it covers every answer, and each prerendered page carries Next.js's inline
 * bootstrap scripts, different on every page, which a static page cannot give a nonce. Each
 * prerendered page then carries its own, stricter policy (`pinPageScripts`), which browsers
 * enforce as well: only the inline scripts it names by hash run. Pages may frame the sites the
 * content embeds (`embedOrigins`); with `cspReports` set, browsers report what the policy blocked.
 */
export function contentSecurityPolicy(): string {
  return policy({ scripts: ["'unsafe-inline'"], inPage: false });
}

/** The policy's name for an inline script: the SHA-256 of its text. */
export function scriptHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

const NEXT_FLIGHT_START = '(self.__next_f=self.__next_f||[]).push([0])';
const NEXT_FLIGHT_CHUNK = /^self\.__next_f\.push\((\[[\s\S]*\])\)$/;
const TURBOPACK_START = /^\(globalThis\["TURBOPACK"\] \|\| \(globalThis\["TURBOPACK"\] = \[\]\)\)\.push\((\{[\s\S]*\})\);?$/;

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether an inline script is one Next.js writes into a prerendered page: the start of its React
 * payload, a chunk of that payload (a JSON array, nothing else), or Turbopack's list of the
 * page's chunks (a JSON object). Anything else shaped like them, with code around the data, is not.
 */
function isFrameworkScript(text: string): boolean {
  if (text === NEXT_FLIGHT_START) return true;
  const data = NEXT_FLIGHT_CHUNK.exec(text)?.[1] ?? TURBOPACK_START.exec(text)?.[1];
  return data !== undefined && isJson(data);
}

const SCRIPT_ELEMENT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const RUN_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module']);

/** Whether a browser runs a `<script>` of this `type` (none is JavaScript); any other (JSON-LD) is data. */
export function isRunnableScriptType(type: string | undefined): boolean {
  return RUN_TYPES.has(type?.trim().toLowerCase() ?? '');
}
const POLICY_META = /<meta http-equiv="Content-Security-Policy" content="[^"]*"\s*\/?>/i;

/** The inline scripts of a page that a browser would run, as written. */
function inlineScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const [, attributes = '', text = ''] of html.matchAll(SCRIPT_ELEMENT)) {
    if (/\ssrc\s*=/i.test(attributes)) continue;
    if (isRunnableScriptType(/\stype\s*=\s*["']?([^"'\s>]*)/i.exec(attributes)?.[1])) scripts.push(text);
  }
  return scripts;
}

/**
 * Gives a built page its own policy, in a `<meta http-equiv>` ahead of its first script: the
 * site's policy, with scripts allowed from the site's files and, inline, only those the page
 * should run, by hash: Next.js's bootstrap scripts and the site's own (`ownScripts`, the same
 * text on every page). Any other inline script (one that came in with a post's HTML, say) does
 * not run, and is returned to be reported. Pinning a page again replaces its policy.
 */
export function pinPageScripts(html: string, ownScripts: readonly string[]): { html: string; hashes: number; unknown: string[] } {
  const known = new Set(ownScripts);
  const hashes = new Set<string>();
  const unknown: string[] = [];
  for (const script of inlineScripts(html)) {
    if (known.has(script) || isFrameworkScript(script)) hashes.add(scriptHash(script));
    else unknown.push(script);
  }
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy({ scripts: [...hashes], inPage: true })}"/>`;
  const pinned = POLICY_META.test(html)
    ? html.replace(POLICY_META, meta)
    : html.replace(/<head\b[^>]*>(\s*<meta charset="utf-8"\s*\/?>)?/i, (head) => `${head}${meta}`);
  if (pinned === html && !POLICY_META.test(html)) throw new Error('the page has no <head> to carry its security policy');
  return { html: pinned, hashes: hashes.size, unknown };
}

/** The security headers of every answer of `next start`. */
export function securityHeaders(): Array<{ key: string; value: string }> {
  const reports = siteSettings.cspReports;
  return [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy() },
    // Chromium reads report-to's endpoint from here; other browsers use report-uri.
    ...(reports ? [{ key: 'Reporting-Endpoints', value: `${REPORT_GROUP}="${reports}"` }] : []),
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
    { key: 'X-Frame-Options', value: 'DENY' },
  ];
}

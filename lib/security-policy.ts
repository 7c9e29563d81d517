import { siteConfig } from './site-config';
import { siteSettings } from './site-settings';

/** The name the policy gives its reporting endpoint (`report-to`, `Reporting-Endpoints`). */
const REPORT_GROUP = 'csp';

/**
 * The Content-Security-Policy of every answer of `next start`. Scripts stay 'unsafe-inline' for
 * now: the prerendered pages carry Next.js's inline bootstrap scripts, which a static page cannot
 * give a nonce. Pages may frame the sites the content embeds (`embedOrigins`); with `cspReports`
 * set, browsers send a report of what the policy blocked there.
 */
export function contentSecurityPolicy(): string {
  const giscus = siteConfig.comments ? ' https://giscus.app' : '';
  const reports = siteSettings.cspReports;
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${giscus}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self'",
    "connect-src 'self'",
    `frame-src 'self' ${siteConfig.frameOrigins.join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(reports ? [`report-uri ${reports}`, `report-to ${REPORT_GROUP}`] : []),
  ].join('; ');
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

import { afterEach, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from '@/lib/security-policy';
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

  it('refuses a report address that is not https, naming the setting', () => {
    expect(() => parseSiteSettings({ cspReports: 'http://reports.example.com/csp' })).toThrow(/site\.config\.json: cspReports: must be an https address that accepts CSP reports/);
  });
});

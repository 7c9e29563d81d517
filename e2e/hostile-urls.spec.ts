import { expect, test } from '@playwright/test';

// Strangers' URLs: every answer is a redirect or a 4xx, never a 5xx, never a file's contents,
// and the server stays up.

const PREFIXES = ['/', '/en/', '/en/blog/', '/zh/categories/', '/en/blog/ebpf-observability-primer/', '/en/tags/', '/xx/', '/en/page/'];
const PAYLOADS = [
  '..%2f..%2f..%2fetc%2fpasswd',
  '..%252f..%252fetc%252fpasswd',
  '..\\..\\..\\etc\\passwd',
  '%2e%2e/%2e%2e/etc/passwd',
  '....//....//etc/passwd',
  '%c0%ae%c0%ae/etc/passwd',
  '%',
  '%zz',
  '%ff%fe',
  '%E4%B8',
  '%00',
  'a%00b',
  'x'.repeat(2000),
  `${'a/'.repeat(200)}b`,
  'CON',
  '.env',
  '.git/config',
  'package.json',
  'next.config.ts',
  '_next/../package.json',
  '%2Fetc%2Fpasswd',
  '🦄/%F0%9F%A6%84',
  'index.php?x=<script>alert(1)</script>',
  `?q=${'y'.repeat(4000)}`,
  'EN/BLOG/Writing-Runbooks',
];
const METHODS = ['GET', 'HEAD', 'OPTIONS', 'POST', 'DELETE'] as const;

test('a thousand hostile requests get no 5xx and no file contents', async ({ request }) => {
  test.setTimeout(120_000);
  const cases = PREFIXES.flatMap((prefix) => PAYLOADS.flatMap((payload) => METHODS.map((method) => ({ method, path: prefix + payload }))));
  expect(cases.length).toBeGreaterThanOrEqual(1000);
  const failures: string[] = [];
  for (let start = 0; start < cases.length; start += 25) {
    await Promise.all(
      cases.slice(start, start + 25).map(async ({ method, path }) => {
        const response = await request.fetch(path, { method, maxRedirects: 0, failOnStatusCode: false });
        const body = method === 'HEAD' ? '' : await response.text();
        if (response.status() >= 500) failures.push(`${method} ${path.slice(0, 80)} → ${response.status()}`);
        if (/root:x:0:0|"dependencies"|\[core\]|NEXT_TELEMETRY/.test(body)) failures.push(`${method} ${path.slice(0, 80)} leaked a file`);
      }),
    );
  }
  expect(failures).toEqual([]);
  expect((await request.get('/en')).status()).toBe(200);
});

test('malformed percent-encoding is a 400, not a 500', async ({ request }) => {
  for (const path of ['/en/blog/%', '/en/blog/%ff%fe', '/en/blog/%zz', '/en/blog/%E4%B8', '/%']) {
    expect((await request.get(path)).status(), path).toBe(400);
  }
});

test('answers carry security headers', async ({ request }) => {
  const response = await request.get('/en/blog/writing-runbooks');
  const headers = response.headers();
  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain('unsafe-eval');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['x-powered-by']).toBeUndefined();
});

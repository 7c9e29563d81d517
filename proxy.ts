import { NextResponse, type NextRequest } from 'next/server';
import { negotiateLang } from '@/lib/i18n';
import { homePath } from '@/lib/urls';

/** A path whose percent-encoding cannot be decoded (`%`, `%zz`, `%ff%fe`, a cut `%E4%B8`). */
function isMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/**
 * Runs before routing: `/` sends the reader to the home page in their language (or the default
 * one), and a path that cannot be decoded is a 400, where Next.js would answer 500.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname === '/') {
    const lang = negotiateLang(request.headers.get('accept-language'));
    const response = NextResponse.redirect(new URL(homePath(lang), request.url), 307);
    response.headers.set('Vary', 'Accept-Language');
    return response;
  }
  if (isMalformedPath(pathname)) {
    return new NextResponse('Bad request: the address is not valid percent-encoded UTF-8.', {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  return NextResponse.next();
}

// Only what needs it: the root, and paths with percent-encoding (which may be malformed). Every
// other request skips the proxy, which costs a prerendered page a third of its serving time.
export const config = { matcher: ['/', '/((?!_next/static/).*%.*)'] };

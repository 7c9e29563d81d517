import { NextResponse, type NextRequest } from 'next/server';
import { negotiateLang } from '@/lib/i18n';
import { homePath } from '@/lib/urls';

/** `/` sends the reader to the home page in their language, or the default language. */
export function proxy(request: NextRequest) {
  const lang = negotiateLang(request.headers.get('accept-language'));
  const response = NextResponse.redirect(new URL(homePath(lang), request.url), 307);
  response.headers.set('Vary', 'Accept-Language');
  return response;
}

export const config = { matcher: '/' };

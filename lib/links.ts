import { siteConfig } from './site-config';

const siteHost = new URL(siteConfig.baseUrl).host;

/** A link that leaves this site: it opens in a new tab, without handing over `window.opener`. */
export function isExternalHref(href: string): boolean {
  if (!/^(?:https?:)?\/\//i.test(href)) return false;
  try {
    return new URL(href, siteConfig.baseUrl).host !== siteHost;
  } catch {
    return true;
  }
}

/** A path on this site that the client-side router can follow. */
export function isInternalPath(href: string): boolean {
  return href.startsWith('/') && !href.startsWith('//');
}

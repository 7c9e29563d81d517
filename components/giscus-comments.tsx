'use client';

import { useEffect, useRef } from 'react';
import type { GiscusConfig } from '@/lib/site-config';
import { resolvedTheme } from './theme-script';

const GISCUS_ORIGIN = 'https://giscus.app';

type GiscusCommentsProps = { config: GiscusConfig; locale: string; title: string };

/**
 * The post's discussion, loaded from giscus only when the reader scrolls near it, in the page's
 * language and theme; the theme follows the toggle afterwards.
 */
export function GiscusComments({ config, locale, title }: GiscusCommentsProps) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const nearby = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        nearby.disconnect();
        const script = document.createElement('script');
        const attributes = {
          src: `${GISCUS_ORIGIN}/client.js`,
          'data-repo': config.repo,
          'data-repo-id': config.repoId,
          'data-category': config.category,
          'data-category-id': config.categoryId,
          'data-mapping': config.mapping,
          'data-strict': '1',
          'data-reactions-enabled': '1',
          'data-emit-metadata': '0',
          'data-input-position': 'top',
          'data-theme': resolvedTheme(),
          'data-lang': locale,
          crossorigin: 'anonymous',
        };
        for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
        script.async = true;
        element.append(script);
      },
      { rootMargin: '300px 0px' },
    );
    nearby.observe(element);
    const themeChanges = new MutationObserver(() => {
      const frame = element.querySelector<HTMLIFrameElement>('iframe.giscus-frame');
      frame?.contentWindow?.postMessage({ giscus: { setConfig: { theme: resolvedTheme() } } }, GISCUS_ORIGIN);
    });
    themeChanges.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      nearby.disconnect();
      themeChanges.disconnect();
    };
  }, [config, locale]);
  return (
    <section aria-labelledby="comments-title" className="mt-12 border-t border-line pt-8">
      <h2 id="comments-title" className="text-lg font-semibold text-ink-strong">
        {title}
      </h2>
      <div ref={container} className="giscus mt-4 min-h-40" data-testid="comments" />
    </section>
  );
}

import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { JsonLd } from '@/components/json-ld';
import { languageSocialMetadata, postSocialMetadata, postStructuredData } from '@/lib/structured-data';
import { TINY_PNG, load, post } from './fixtures';

const hostile = `</script><script>alert(1)</script> "'><img src=x onerror=alert(1)> &amp; ]]>`;

describe('structured data', () => {
  it('JSON-LD cannot be broken out of, and parses back to the original text', () => {
    const html = renderToStaticMarkup(JsonLd({ data: { headline: hostile, line: 'a\u2028b' } }));
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    const json = html.replace(/^<script type="application\/ld\+json">/, '').replace(/<\/script>$/, '');
    expect(JSON.parse(json)).toEqual({ headline: hostile, line: 'a\u2028b' });
  });

  it('describe a post as a BlogPosting and an OpenGraph article, dates in the author offset', () => {
    const content = load({
      'public/images/hero.png': TINY_PNG,
      'posts/en/mesh.md': post(
        'title: Mesh\ndate: 2020-08-31T08:27:17+08:00\ncategories: [Service Mesh]\ntags: [istio]\nimage: /images/hero.png',
      ),
    });
    const [mesh] = content.posts.en;
    if (!mesh) throw new Error('fixture post not loaded');
    const graph = postStructuredData(mesh)['@graph'] as Array<Record<string, unknown>>;
    expect(graph[0]).toMatchObject({ '@type': 'BlogPosting', headline: 'Mesh', datePublished: '2020-08-31T08:27:17+08:00', inLanguage: 'en' });
    expect(graph[1]).toMatchObject({ '@type': 'BreadcrumbList' });
    expect((graph[1]?.itemListElement as unknown[]).length).toBe(3);
    const social = postSocialMetadata(mesh);
    expect(social.openGraph).toMatchObject({
      type: 'article',
      publishedTime: '2020-08-31T08:27:17+08:00',
      section: 'Service Mesh',
      tags: ['istio'],
      images: [
        { url: expect.stringMatching(/^https?:\/\/.+\/en\/blog\/mesh\/opengraph-image\.png$/), width: 1200, height: 630, type: 'image/png', alt: 'Mesh' },
        { url: expect.stringMatching(/^https?:\/\/.+\/images\/hero\.png$/), width: 1, height: 1, alt: 'Mesh' },
      ],
    });
    expect(social.twitter).toMatchObject({
      card: 'summary_large_image',
      images: [{ url: expect.stringMatching(/\/en\/blog\/mesh\/opengraph-image\.png$/), alt: 'Mesh' }],
    });
    expect(graph[0]?.image).toEqual([expect.stringMatching(/\/opengraph-image\.png$/), expect.stringMatching(/\/images\/hero\.png$/)]);
  });

  it('show a post without a hero image by its card alone', () => {
    const content = load({ 'posts/zh/mesh.md': post('title: 服务网格\ndate: 2020-08-31') });
    const [mesh] = content.posts.zh;
    if (!mesh) throw new Error('fixture post not loaded');
    const social = postSocialMetadata(mesh);
    expect(social.openGraph?.images).toEqual([
      { url: expect.stringMatching(/\/zh\/blog\/mesh\/opengraph-image\.png$/), width: 1200, height: 630, type: 'image/png', alt: '服务网格' },
    ]);
    expect(social.twitter).toMatchObject({ card: 'summary_large_image' });
  });

  it('show every page of a language by the card of its home, with absolute URLs', () => {
    const social = languageSocialMetadata('zh');
    expect(social.openGraph).toMatchObject({
      type: 'website',
      siteName: '云原生笔记',
      images: [{ url: expect.stringMatching(/^https?:\/\/[^/]+\/zh\/opengraph-image\.png$/), width: 1200, height: 630, alt: '云原生笔记' }],
    });
    expect(social.twitter).toMatchObject({ card: 'summary_large_image', images: [{ url: expect.stringMatching(/^https?:\/\/[^/]+\/zh\/opengraph-image\.png$/) }] });
  });
});

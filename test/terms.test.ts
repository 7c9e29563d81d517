import { describe, expect, it } from 'vitest';
import { movedTerms } from '@/lib/content/redirects';
import { termSlug } from '@/lib/content/terms';
import { load, post } from './fixtures';

describe('term URLs', () => {
  // Each pair was checked against the tag pages Hugo 0.111 writes.
  it.each([
    ["Let's Encrypt", 'lets-encrypt'],
    ['Service Mesh', 'service-mesh'],
    ['Q&A (2020)', 'qa-2020'],
    ['a & b', 'a-b'],
    ['云原生 技术', '云原生-技术'],
    ['Ünïcode', 'ünïcode'],
    ['Node.js', 'node.js'],
    ['C++', 'c++'],
    ['foo_bar', 'foo_bar'],
    ['hello@world', 'hello@world'],
    ['k8s:v1', 'k8sv1'],
    ['100%', '100'],
    ['  spaced  out ', 'spaced-out'],
  ])('%s is at %s, as on the Hugo site', (name, slug) => {
    expect(termSlug(name)).toBe(slug);
  });

  it('makes one segment of what Hugo made a path, and leads the old path there', () => {
    expect(termSlug('CI/CD')).toBe('ci-cd');
    const content = load({
      'posts/zh/a.md': post('title: A\ndate: 2024-01-01\ntags: ["CI/CD", "Istio"]'),
      'posts/en/a.md': post('title: A\ndate: 2024-01-01\ncategories: ["CI/CD"]'),
    });
    expect(movedTerms(content).map(({ from, to }) => [from, to])).toEqual([
      ['/en/categories/ci/cd', '/en/categories/ci-cd'],
      ['/zh/tags/ci/cd', '/zh/tags/ci-cd'],
      ['/tags/ci/cd', '/zh/tags/ci-cd'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { excerpt, highlight, search, withTexts, type SearchDocument, type SearchIndex } from '@/lib/search';
import { buildSearchIndex, buildSearchTexts } from '@/lib/search-index';
import path from 'node:path';
import { load, makeSite, post } from './fixtures';

const doc = (fields: Partial<SearchDocument>): SearchDocument => ({
  url: '/x',
  title: '',
  date: '2024-01-01',
  dateLabel: '',
  summary: '',
  terms: [],
  headings: [],
  text: '',
  ...fields,
});
const index = (...documents: SearchDocument[]): SearchIndex => ({ lang: 'en', documents });
const urls = (results: ReturnType<typeof search>) => results.map((result) => result.document.url);
const marked = (parts: ReturnType<typeof highlight>) => parts.filter((part) => part.match).map((part) => part.text);

describe('search', () => {
  const zh = doc({ url: '/zh/blog/mesh', title: '服务网格的演进', text: '从边车模式到无边车的环境网格，数据平面正在变化。' });

  it('finds Chinese text by any substring of two or more characters, across word boundaries', () => {
    for (const query of ['服务', '网格', '务网', '格的演', '边车模式到无', '平面正在']) {
      expect(urls(search(index(zh), query)), query).toEqual(['/zh/blog/mesh']);
    }
    expect(search(index(zh), '网络')).toEqual([]);
  });

  it('finds Latin words regardless of case and width, and word beginnings', () => {
    const en = doc({ url: '/en/a', title: 'Tail Latency and Retries', text: 'Budgets keep retries from amplifying outages.' });
    expect(urls(search(index(en), 'LATENCY'))).toEqual(['/en/a']);
    expect(urls(search(index(en), 'ｒｅｔｒｙ'))).toEqual([]);
    expect(urls(search(index(en), 'ｒｅｔｒｉｅｓ'))).toEqual(['/en/a']);
    expect(urls(search(index(en), 'amplif'))).toEqual(['/en/a']);
  });

  it('needs every term of the query, in any field', () => {
    const a = doc({ url: '/a', title: 'Istio ambient mode', terms: ['Service Mesh'] });
    const b = doc({ url: '/b', title: 'Istio sidecars' });
    expect(urls(search(index(a, b), 'istio mesh'))).toEqual(['/a']);
    expect(urls(search(index(a, b), 'istio'))).toHaveLength(2);
  });

  it('ranks title matches above tag, heading and body matches, then newer first', () => {
    const body = doc({ url: '/body', date: '2024-05-01', text: 'about envoy filters' });
    const heading = doc({ url: '/heading', date: '2024-04-01', headings: ['Envoy in practice'] });
    const tag = doc({ url: '/tag', date: '2024-03-01', terms: ['Envoy'] });
    const titleOld = doc({ url: '/title-old', date: '2020-01-01', title: 'Envoy basics' });
    const titleNew = doc({ url: '/title-new', date: '2023-01-01', title: 'Envoy at scale' });
    expect(urls(search(index(body, heading, tag, titleOld, titleNew), 'envoy'))).toEqual(['/title-new', '/title-old', '/tag', '/heading', '/body']);
  });

  it('marks every match in the title and cuts a snippet around the first body match', () => {
    const long = doc({
      title: 'Mesh, mesh and MESH',
      summary: 'Nothing here.',
      text: `${'padding words '.repeat(30)}the ambient data plane ${'more words '.repeat(30)}`,
    });
    const [result] = search(index(long), 'mesh ambient');
    expect(marked(result!.title)).toEqual(['Mesh', 'mesh', 'MESH']);
    const snippet = result!.snippet.map((part) => part.text).join('');
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).toMatch(/^…\w/);
    expect(marked(result!.snippet)).toEqual(['ambient']);
  });

  it('never cuts a snippet inside a surrogate pair', () => {
    const text = '😀'.repeat(200);
    for (let at = 0; at < 120; at++) {
      const cut = excerpt(text, at).replaceAll('…', '');
      expect(cut.length % 2, `at ${at}`).toBe(0);
      expect([...cut].every((ch) => ch === '😀')).toBe(true);
    }
  });

  it('an empty or blank query finds nothing', () => {
    expect(search(index(zh), '   ')).toEqual([]);
  });
});

describe('the search index', () => {
  const content = load({
    'posts/zh/mesh.md': post(
      'title: 服务网格\ndate: 2024-03-01\ndescription: 一篇短文\ncategories: [云原生]\ntags: [Istio]',
      '## 数据平面\n\n正文里的**环境网格**。\n\n```go\nfunc hidden() {}\n```\n',
    ),
    'posts/zh/draft.md': post('title: 草稿\ndate: 2024-03-02\ndraft: true', 'DRAFT'),
  });
  const indexFile = buildSearchIndex('zh', content.posts.zh);
  const textFile = buildSearchTexts('zh', content.posts.zh);

  it('holds each visible post with its title, terms and headings, and its text (no code blocks) in the second file', () => {
    expect(indexFile.documents).toHaveLength(1);
    const [document] = indexFile.documents;
    expect(document).toEqual({ url: '/zh/blog/mesh', title: '服务网格', date: '2024-03-01', dateLabel: '2024年3月1日', summary: '一篇短文', terms: ['云原生', 'Istio'], headings: ['数据平面'] });
    expect(Object.keys(textFile.texts)).toEqual(['/zh/blog/mesh']);
    expect(textFile.texts['/zh/blog/mesh']).toContain('正文里的环境网格。');
    expect(textFile.texts['/zh/blog/mesh']).not.toContain('hidden');
  });

  it('finds titles and terms from the index alone, and body text once the texts are there', () => {
    const withoutText = withTexts(indexFile);
    expect(urls(search(withoutText, '服务'))).toEqual(['/zh/blog/mesh']);
    expect(urls(search(withoutText, '环境网'))).toEqual([]);
    expect(urls(search(withTexts(indexFile, textFile), '环境网'))).toEqual(['/zh/blog/mesh']);
  });
});

describe('highlighting', () => {
  it('marks the original characters when folding changes their length', () => {
    expect(marked(highlight('…the ﬁle system', ['file']))).toEqual(['ﬁle']);
    expect(marked(highlight('ＫＵＢＥＲＮＥＴＥＳ 集群', ['kubernetes', '集群']))).toEqual(['ＫＵＢＥＲＮＥＴＥＳ', '集群']);
  });
});

describe('the search index of standalone pages', () => {
  it('holds a page at its own URL, without a date, and finds it by its text', () => {
    const root = makeSite({ 'content/en/about.md': post('title: About', '## Who writes it\n\nPlatform engineers who run meshes.') });
    const content = load({}, { pagesDir: path.join(root, 'content') });
    const indexFile = buildSearchIndex('en', content.pages.en);
    const textFile = buildSearchTexts('en', content.pages.en);
    expect(indexFile.documents).toEqual([expect.objectContaining({ url: '/en/about', title: 'About', dateLabel: '', headings: ['Who writes it'] })]);
    expect(urls(search(withTexts(indexFile, textFile), 'meshes'))).toEqual(['/en/about']);
  });
});

/**
 * Hugo's `urlize` of a term before it is lowercased (helpers.PathSpec.UnicodeSanitize, Hugo
 * 0.111): letters, digits, marks and `. / \ _ - # + ~ @` are kept, `%` only before two hex
 * digits; a run of spaces between kept characters is one hyphen; everything else (`'`, `&`, `(`,
 * `!`, `,` ...) is dropped. So `Let's Encrypt` is `Lets-Encrypt`, and `Q&A (2020)` is `QA-2020`.
 */
export function hugoUrlize(name: string): string {
  const source = [...name.normalize('NFC')];
  let target = '';
  let prependHyphen = false;
  let wasHyphen = false;
  source.forEach((char, index) => {
    const allowed =
      /[./\\_#+~\-@]/.test(char) ||
      /[\p{L}\p{N}\p{M}]/u.test(char) ||
      (char === '%' && /^[\da-f]{2}$/i.test((source[index + 1] ?? '') + (source[index + 2] ?? '')));
    if (allowed) {
      wasHyphen = char === '-';
      if (prependHyphen) {
        if (!wasHyphen) target += '-';
        prependHyphen = false;
      }
      target += char;
    } else if (target && !wasHyphen && /\s/u.test(char)) {
      prependHyphen = true;
    }
  });
  return target;
}

/**
 * The URL slug of a category or tag, as Hugo made it (`urlize`, lowercased): `Let's Encrypt` is
 * `lets-encrypt`, Chinese and other letters are kept. Where Hugo's form is not one safe URL
 * segment, it is made one: `/` and `\` become `-` (`CI/CD` is `ci-cd`, where Hugo wrote
 * `ci/cd`, which redirects here), and `#`, `%` are dropped (`C#` is `c`, as a browser read
 * Hugo's `/tags/c#/`). A name of which Hugo's rule keeps nothing (`🚀`) keeps its own characters.
 * Case variants (`Istio`, `istio`) share a slug and so are one term.
 */
export function termSlug(name: string): string {
  const visible = name.normalize('NFC').replace(/[\u200b-\u200d\u2060\ufeff]/g, '').trim();
  // A name Hugo's rule leaves nothing of (`🚀`) keeps its own characters, spaces as hyphens.
  return (hugoUrlize(visible) || visible.replace(/\s+/g, '-'))
    .toLowerCase()
    .replace(/[/\\]+/g, '-')
    .replace(/[?#%]+/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    // `.` and `..` are steps in a path, not names: `/en/tags/.` is `/en/tags/`.
    .replace(/^\.+$/, '');
}

/** The path segment(s) of a term on the Hugo site, when they differ from the slug here (`ci/cd`). */
export function hugoTermPath(name: string): string | undefined {
  const hugo = hugoUrlize(name.replace(/[\u200b-\u200d\u2060\ufeff]/g, '')).toLowerCase();
  return hugo && hugo !== termSlug(name) && !hugo.includes('#') ? hugo : undefined;
}

export type Term = {
  slug: string;
  /** The spelling most posts use. */
  name: string;
  count: number;
};

/** Groups names by slug and picks each term's most used spelling (ties: the first seen). */
export function collectTerms(namesPerPost: readonly (readonly string[])[]): Term[] {
  const bySlug = new Map<string, { spellings: Map<string, number>; count: number }>();
  for (const names of namesPerPost) {
    const seenInPost = new Set<string>();
    for (const name of names) {
      const slug = termSlug(name);
      if (!slug || seenInPost.has(slug)) continue;
      seenInPost.add(slug);
      const entry = bySlug.get(slug) ?? { spellings: new Map<string, number>(), count: 0 };
      entry.count += 1;
      entry.spellings.set(name, (entry.spellings.get(name) ?? 0) + 1);
      bySlug.set(slug, entry);
    }
  }
  return [...bySlug].map(([slug, { spellings, count }]) => {
    let name = '';
    let best = 0;
    for (const [spelling, uses] of spellings) {
      if (uses > best) [name, best] = [spelling, uses];
    }
    return { slug, name, count };
  });
}

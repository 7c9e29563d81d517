/**
 * The URL slug of a category or tag: lowercased, spaces as hyphens, Chinese and other letters kept.
 * Characters that would change the meaning of a URL path are dropped, so `CI/CD` and `C#` stay one
 * segment. Case variants (`Istio`, `istio`) share a slug and so are one term.
 */
export function termSlug(name: string): string {
  return name
    .normalize('NFC')
    // Zero-width characters are invisible in a URL and would make look-alike terms.
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[/\\]+/g, '-')
    .replace(/[?#%]+/g, '')
    .replace(/\s+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    // `.` and `..` are steps in a path, not names: `/en/tags/.` is `/en/tags/`.
    .replace(/^\.+$/, '');
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

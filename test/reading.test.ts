import { describe, expect, it } from 'vitest';
import { readingStats } from '@/lib/content/reading';

describe('readingStats', () => {
  it('counts English words', () => {
    expect(readingStats("Don't panic: it's only v1.2 of a well-known tool.")).toEqual({ words: 9, minutes: 1 });
  });

  it('counts each Han character as a word, as Chinese counts 字', () => {
    expect(readingStats('服务网格是云原生的基础设施。').words).toBe(13);
  });

  it('counts mixed text by script', () => {
    expect(readingStats('在 Kubernetes 集群中部署 Istio 1.20').words).toBe(2 + 1 + 2 + 2 + 1 + 1);
  });

  it('turns length into minutes at the speed of each script', () => {
    expect(readingStats('word '.repeat(1100)).minutes).toBe(5);
    expect(readingStats('字'.repeat(3500)).minutes).toBe(10);
    expect(readingStats('').minutes).toBe(1);
  });
});

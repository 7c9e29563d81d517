import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { Lang } from '../../lib/site-config';

/**
 * Synthetic bilingual posts for the benchmark: the same seed always gives the same posts. Each is a
 * bundle (`<slug>/index.md` with a PNG beside it) of about 800 English words or 1,500 Han
 * characters, with headings, two code blocks, a list, a table, links to other posts and a
 * captioned figure, so the build does the work a real post asks of it.
 */
export type SyntheticPost = {
  lang: Lang;
  slug: string;
  title: string;
  /** The whole `index.md`: front matter and body. */
  source: string;
  image: Buffer;
};

const CATEGORIES: Record<Lang, string[]> = {
  en: ['Kubernetes', 'Service Mesh', 'Observability', 'Networking', 'Security', 'Platform Engineering', 'SRE', 'Open Source', 'Performance', 'Cloud Native'],
  zh: ['云原生', '服务网格', '可观测性', '网络', '安全', '平台工程', '站点可靠性', '开源社区', '性能优化', '容器'],
};

const TAGS = [
  'istio', 'envoy', 'ebpf', 'grpc', 'kubernetes', 'helm', 'argo-cd', 'flux', 'prometheus', 'grafana',
  'opentelemetry', 'jaeger', 'cilium', 'calico', 'linkerd', 'wasm', 'rust', 'go', 'python', 'terraform',
  'containerd', 'docker', 'kafka', 'redis', 'postgres', 'nginx', 'coredns', 'etcd', 'keda', 'karpenter',
  'vault', 'cert-manager', 'spiffe', 'opa', 'falco', 'tekton', 'crossplane', 'knative', 'dapr', 'backstage',
];

const TOPICS: { slug: string; en: string; zh: string }[] = [
  { slug: 'service-mesh', en: 'service mesh upgrades', zh: '服务网格升级' },
  { slug: 'scheduling', en: 'Kubernetes scheduling', zh: 'Kubernetes 调度' },
  { slug: 'ebpf-tracing', en: 'eBPF tracing', zh: 'eBPF 追踪' },
  { slug: 'grpc-balancing', en: 'gRPC load balancing', zh: 'gRPC 负载均衡' },
  { slug: 'envoy-filters', en: 'Envoy filters', zh: 'Envoy 过滤器' },
  { slug: 'otel-pipelines', en: 'OpenTelemetry pipelines', zh: 'OpenTelemetry 数据管道' },
  { slug: 'dns-debugging', en: 'cluster DNS', zh: '集群 DNS 排障' },
  { slug: 'tail-latency', en: 'tail latency', zh: '尾延迟' },
  { slug: 'gitops', en: 'GitOps rollouts', zh: 'GitOps 发布' },
  { slug: 'autoscaling', en: 'cluster autoscaling', zh: '集群自动扩缩容' },
  { slug: 'secret-rotation', en: 'secret rotation', zh: '密钥轮换' },
  { slug: 'network-policy', en: 'network policies', zh: '网络策略' },
  { slug: 'runbooks', en: 'on-call runbooks', zh: '值班手册' },
  { slug: 'error-budgets', en: 'error budgets', zh: '错误预算' },
  { slug: 'multi-cluster', en: 'multi-cluster failover', zh: '多集群故障切换' },
];

const EN = {
  titles: ['Notes on %s', '%s in practice', 'What we learned from %s', 'A field guide to %s', 'Debugging %s at scale', 'Rethinking %s'],
  subjects: ['The control plane', 'Every sidecar proxy', 'The scheduler', 'Our platform team', 'The collector', 'A single misconfigured gateway', 'The on-call engineer', 'The rollout controller', 'Each node agent', 'The load balancer', 'The admission webhook', 'A noisy neighbour'],
  verbs: ['pushes', 'quietly rewrites', 'has to reconcile', 'measures', 'drops', 'retries', 'caches', 'validates', 'throttles', 'reports'],
  objects: ['the routing table', 'every certificate in the namespace', 'the p99 latency of the checkout service', 'thousands of small config updates', 'the pod disruption budget', 'the DNS answers for headless services', 'the span attributes we rely on', 'resource requests for the batch jobs', 'the retry budget of the whole mesh', 'connection pools on both sides'],
  tails: [' within a few seconds of a change', ' long before anyone looks at a dashboard', ', which matters once the fleet grows past a few hundred nodes', ' only when the cluster is under real load', ', and nobody notices until the next incident review', ' in exactly the way the documentation promises', ' faster than the old cron job ever did', ', so the alert fires twice for one problem'],
  headings: ['Why this matters', 'How the pieces fit together', 'What we measured', 'The first failure', 'Configuration that worked', 'Rolling it out', 'What still hurts', 'Trade-offs'],
  subheadings: ['A closer look', 'Edge cases', 'Numbers from staging', 'A safer default'],
  figure: ['Request flow through the new setup', 'Latency before and after the change', 'How the components talk to each other'],
  caption: ['Each box is one process; arrows are network hops.', 'The dashed line is the target we agreed on.', 'Traffic enters on the left and leaves on the right.'],
  table: ['Setting', 'Default', 'What we use'],
  related: 'See also: ',
};

const ZH = {
  titles: ['%s实践笔记', '关于%s的几点观察', '%s：踩过的坑', '从零开始理解%s', '大规模环境下的%s', '重新思考%s'],
  contexts: ['在灰度发布阶段', '在多集群环境中', '在流量高峰期', '在故障演练时', '在升级过程中', '在预发环境里', '在真实的生产流量下', '在值班交接之后'],
  subjects: ['控制平面', '数据平面代理', '调度器', '平台团队', '日志采集器', '网关', '证书管理组件', '发布流水线', '内核探针', '负载均衡器', '策略引擎', '追踪系统'],
  verbs: ['需要下发', '会悄悄地改写', '必须重新协调', '持续地测量', '有时会丢弃', '反复重试', '缓存了', '逐条校验'],
  objects: ['新的路由配置', '命名空间里的所有证书', '结账服务的尾延迟', '成千上万条细小的配置更新', 'Pod 中断预算', '无头服务的域名解析结果', '我们依赖的追踪属性', '批处理任务的资源请求', '整个网格的重试预算', '两端的连接池'],
  tails: ['，否则请求会在新旧版本之间来回切换', '，这在节点数量超过几百个之后尤为明显', '，而监控面板上往往看不出任何异常', '，直到下一次复盘才有人注意到', '，这和文档里描述的行为完全一致', '，比原来的定时任务快了不少', '，所以同一个问题会触发两次告警', '，代价是更高的运维复杂度'],
  headings: ['为什么值得关注', '各个组件如何协作', '我们测到了什么', '第一次故障', '行之有效的配置', '逐步推广', '仍然存在的问题', '权衡取舍'],
  subheadings: ['深入一点', '边界情况', '预发环境的数据', '更安全的默认值'],
  figure: ['新方案中的请求路径', '调整前后的延迟对比', '各组件之间的调用关系'],
  caption: ['每个方框是一个进程，箭头代表一次网络跳转。', '虚线是我们约定的目标值。', '流量从左侧进入，从右侧离开。'],
  table: ['配置项', '默认值', '我们的取值'],
  related: '延伸阅读：',
};

const CODE: { lang: string; text: (n: number) => string }[] = [
  { lang: 'yaml', text: (n) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: checkout-${n}\nspec:\n  replicas: ${(n % 5) + 2}\n  template:\n    spec:\n      containers:\n        - name: app\n          resources:\n            requests: { cpu: ${100 + (n % 9) * 50}m, memory: ${128 + (n % 4) * 64}Mi }` },
  { lang: 'go', text: (n) => `func retryBudget(ctx context.Context, calls int) error {\n\tlimit := rate.NewLimiter(rate.Limit(${(n % 20) + 5}), ${(n % 7) + 1})\n\tfor i := 0; i < calls; i++ {\n\t\tif err := limit.Wait(ctx); err != nil {\n\t\t\treturn fmt.Errorf("call %d: %w", i, err)\n\t\t}\n\t}\n\treturn nil\n}` },
  { lang: 'python', text: (n) => `def p99(samples: list[float]) -> float:\n    ordered = sorted(samples)\n    index = max(0, int(len(ordered) * 0.99) - 1)\n    return ordered[index]\n\nprint(p99([${n % 13}.5, 12.0, 48.25, 3.75]))` },
  { lang: 'bash', text: (n) => `kubectl -n shop-${n % 10} get pods -o wide\nkubectl -n shop-${n % 10} logs deploy/checkout --since=15m | grep -c "upstream reset"\nistioctl proxy-config routes deploy/checkout -n shop-${n % 10}` },
  { lang: 'rust', text: (n) => `fn backoff(attempt: u32) -> std::time::Duration {\n    let base = ${(n % 50) + 10};\n    let capped = attempt.min(6);\n    std::time::Duration::from_millis(base * 2u64.pow(capped))\n}` },
  { lang: 'typescript', text: (n) => `export async function probe(url: string): Promise<number> {\n  const started = performance.now();\n  const response = await fetch(url, { signal: AbortSignal.timeout(${(n % 5) + 1}000) });\n  if (!response.ok) throw new Error(\`\${url} answered \${response.status}\`);\n  return performance.now() - started;\n}` },
  { lang: 'json', text: (n) => `{\n  "service": "checkout-${n}",\n  "retries": { "attempts": ${(n % 4) + 1}, "perTryTimeout": "250ms" },\n  "outlierDetection": { "consecutive5xx": 5, "interval": "10s" }\n}` },
  { lang: 'toml', text: (n) => `[collector]\nendpoint = "0.0.0.0:${4317 + (n % 3)}"\nbatch_size = ${256 * ((n % 4) + 1)}\n\n[exporters.prometheus]\nnamespace = "bench"` },
];

/** mulberry32: small, fast and the same on every machine. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = ReturnType<typeof randomTools>;

function randomTools(seed: number) {
  const next = seeded(seed);
  const int = (below: number) => Math.floor(next() * below);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const sample = <T>(items: readonly T[], count: number): T[] => {
    const pool = [...items];
    return Array.from({ length: count }, () => pool.splice(int(pool.length), 1)[0] as T);
  };
  return { int, pick, sample };
}

const pad = (n: number) => String(n).padStart(4, '0');
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function englishParagraph(r: Random, words: number): string {
  const sentences: string[] = [];
  let count = 0;
  while (count < words) {
    const sentence = `${r.pick(EN.subjects)} ${r.pick(EN.verbs)} ${r.pick(EN.objects)}${r.pick(EN.tails)}.`;
    sentences.push(sentence);
    count += sentence.split(/\s+/).length;
  }
  return sentences.join(' ');
}

function chineseParagraph(r: Random, hanCharacters: number): string {
  let text = '';
  while ((text.match(/\p{Script=Han}/gu) ?? []).length < hanCharacters) {
    text += `${r.pick(ZH.contexts)}，${r.pick(ZH.subjects)}${r.pick(ZH.verbs)}${r.pick(ZH.objects)}${r.pick(ZH.tails)}。`;
  }
  return text;
}

type Topic = (typeof TOPICS)[number];

type Plan = { lang: Lang; slug: string; title: string; topic: Topic; translationKey?: string };

function planPosts(count: number, r: Random): Plan[] {
  const counts: Record<Lang, number> = { en: Math.ceil(count / 2), zh: Math.floor(count / 2) };
  const pairedTopics = new Map<number, Topic>();
  const plans: Plan[] = [];
  for (const lang of ['en', 'zh'] as const) {
    for (let i = 0; i < counts[lang]; i++) {
      // Every fourth post has a translation: the same index in the other language, same topic.
      const paired = i % 4 === 0 && i < counts.zh;
      const topic = (paired ? pairedTopics.get(i) : undefined) ?? r.pick(TOPICS);
      if (paired) pairedTopics.set(i, topic);
      const title = lang === 'en' ? capitalize(r.pick(EN.titles).replace('%s', topic.en)) : r.pick(ZH.titles).replace('%s', topic.zh);
      plans.push({ lang, slug: `${topic.slug}-${lang}-${pad(i + 1)}`, title, topic, translationKey: paired ? `pair-${pad(i + 1)}` : undefined });
    }
  }
  return plans;
}

/** The years the posts are dated in, first and last included. */
export type Years = { from: number; to: number };

function frontMatter(plan: Plan, r: Random, years: Years): string {
  const days = (Date.UTC(years.to + 1, 0, 1) - Date.UTC(years.from, 0, 1)) / 86_400_000;
  const day = new Date(Date.UTC(years.from, 0, 1) + r.int(days) * 86_400_000);
  const date = `${day.toISOString().slice(0, 10)}T${String(8 + r.int(12)).padStart(2, '0')}:30:00${plan.lang === 'zh' ? '+08:00' : 'Z'}`;
  const { topic } = plan;
  const description = plan.lang === 'en' ? `Field notes on ${topic.en}: what we changed, what we measured and what we would do again.` : `关于${topic.zh}的实践记录：我们改了什么、测到了什么，以及下次还会怎么做。`;
  const lines = [
    `title: ${JSON.stringify(plan.title)}`,
    `date: ${date}`,
    'draft: false',
    `description: ${JSON.stringify(description)}`,
    `categories: ${JSON.stringify(r.sample(CATEGORIES[plan.lang], 2))}`,
    `tags: ${JSON.stringify(r.sample(TAGS, 3))}`,
    ...(plan.translationKey ? [`translationKey: ${JSON.stringify(plan.translationKey)}`] : []),
  ];
  return `---\n${lines.join('\n')}\n---\n`;
}

function body(plan: Plan, others: Plan[], r: Random): string {
  const text = plan.lang === 'en' ? EN : ZH;
  // 9 paragraphs of about 80 words or 150 Han characters make the ~800 words or ~1,500 characters.
  const paragraph = () => (plan.lang === 'en' ? englishParagraph(r, 80) : chineseParagraph(r, 150));
  const [first, second] = r.sample(CODE, 2) as [(typeof CODE)[number], (typeof CODE)[number]];
  const [headingA, headingB, headingC] = r.sample(text.headings, 3);
  const [subA, subB] = r.sample(text.subheadings, 2);
  const links = r.sample(others, 2).map((other) => `[${other.title}](/${other.lang}/blog/${other.slug})`);
  const n = r.int(1000);
  const list = Array.from({ length: 4 }, () => `- ${plan.lang === 'en' ? `${r.pick(EN.subjects)} ${r.pick(EN.verbs)} ${r.pick(EN.objects)}` : `${r.pick(ZH.subjects)}${r.pick(ZH.verbs)}${r.pick(ZH.objects)}`}`);
  const rows = Array.from({ length: 4 }, (_, i) => `| \`${r.pick(TAGS)}.${['timeout', 'retries', 'replicas', 'interval'][i]}\` | ${r.int(10) + 1} | ${r.int(50) + 1} |`);
  return [
    paragraph(),
    `![${r.pick(text.figure)}](figure.png)\n*${r.pick(text.caption)}*`,
    `## ${headingA}`,
    paragraph(),
    `\`\`\`${first.lang}\n${first.text(n)}\n\`\`\``,
    paragraph(),
    `### ${subA}`,
    paragraph(),
    list.join('\n'),
    `## ${headingB}`,
    paragraph(),
    `\`\`\`${second.lang}\n${second.text(n + 1)}\n\`\`\``,
    paragraph(),
    `| ${text.table.join(' | ')} |\n| --- | --- | --- |\n${rows.join('\n')}`,
    `## ${headingC}`,
    paragraph(),
    `### ${subB}`,
    paragraph(),
    `${text.related}${links.join(plan.lang === 'en' ? ', ' : '、')}`,
  ].join('\n\n');
}

/** A real PNG (checkerboard in one seeded hue), so image-size reads true dimensions. */
function png(width: number, height: number, r: Random): Buffer {
  const [red, green, blue] = [r.int(200), r.int(200), r.int(200)];
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const light = ((x >> 5) + (y >> 5)) % 2 ? 55 : 0;
      rows.set([red + light, green + light, blue + light], y * (width * 3 + 1) + 1 + x * 3);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** `count` posts, half English and half Chinese, the same for the same seed. */
export function syntheticPosts(count: number, seed = 2024, years: Years = { from: 2018, to: 2024 }): SyntheticPost[] {
  const r = randomTools(seed);
  const plans = planPosts(count, r);
  return plans.map((plan) => {
    const others = plans.filter((other) => other.lang === plan.lang && other !== plan);
    return {
      lang: plan.lang,
      slug: plan.slug,
      title: plan.title,
      source: `${frontMatter(plan, r, years)}\n${body(plan, others.length >= 2 ? others : [plan, plan], r)}\n`,
      image: png(480, 270, r),
    };
  });
}

/** Writes each post as `<dirOf(lang)>/<slug>/index.md` with its `figure.png`. */
export function writeBundles(posts: readonly SyntheticPost[], dirOf: (lang: Lang) => string): void {
  for (const post of posts) {
    const bundle = path.join(dirOf(post.lang), post.slug);
    mkdirSync(bundle, { recursive: true });
    writeFileSync(path.join(bundle, 'index.md'), post.source);
    writeFileSync(path.join(bundle, 'figure.png'), post.image);
  }
}

/** The edit before a rebuild: one more paragraph at the end of one post. */
export function editPostBody(dir: string, post: SyntheticPost): void {
  appendFileSync(path.join(dir, post.slug, 'index.md'), '\nOne more paragraph, added to time a rebuild after an edit.\n');
}

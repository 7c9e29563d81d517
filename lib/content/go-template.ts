/**
 * The part of Go's html/template (as Hugo extends it) that shortcode templates use, so that a
 * Hugo site's own shortcodes (`layouts/shortcodes/<name>.html`) draw what they drew there:
 * `.Get`, `.Inner`, `.Params`, `.Page.Params`, variables, `if`/`with`/`range`/`else`/`end`,
 * trim markers and comments, and Hugo's common functions (`default`, `printf`, `markdownify`,
 * `safeHTML`, `relURL`, `dict`, `index`, `substr`...). A construct outside that part is a
 * TemplateError naming it, never a guess.
 *
 * Output is escaped as html/template escapes it: values are HTML-escaped, except what a template
 * marks as HTML (`.Inner`, `markdownify`, `safeHTML`); a URL attribute drops a `javascript:` URL.
 */

export class TemplateError extends Error {}

/** HTML a template may write as it is. */
export class SafeHtml {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

/** A value a template reads: what Go's reflection would see, in JavaScript terms. */
export type Value = string | number | boolean | undefined | null | SafeHtml | Value[] | ValueMap | TemplateObject;
export type ValueMap = { [key: string]: Value };
/** An object with methods and fields (the shortcode, its page): an unknown name is an error, as in Go. */
export class TemplateObject {
  constructor(readonly typeName: string, readonly members: Record<string, Value | ((...args: Value[]) => Value)>) {}
}

// ---------------------------------------------------------------------------------------------
// Lexing

type Token =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'nil' }
  | { type: 'field'; names: string[] }
  | { type: 'variable'; name: string; names: string[] }
  | { type: 'identifier'; name: string }
  | { type: 'punct'; value: '(' | ')' | '|' | ':=' | '=' | ',' };

function lexAction(source: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  const fields = (): string[] => {
    const names: string[] = [];
    while (source[index] === '.' && /[A-Za-z_]/.test(source[index + 1] ?? '')) {
      const match = /^\.([A-Za-z_]\w*)/.exec(source.slice(index))!;
      names.push(match[1]!);
      index += match[0].length;
    }
    return names;
  };
  while (index < source.length) {
    const char = source[index]!;
    if (/\s/.test(char)) {
      index++;
    } else if (char === '"') {
      let value = '';
      let end = index + 1;
      for (; end < source.length && source[end] !== '"'; end++) {
        if (source[end] === '\\') {
          const next = source[++end];
          value += next === 'n' ? '\n' : next === 't' ? '\t' : (next ?? '');
        } else value += source[end];
      }
      if (end >= source.length) throw new TemplateError('a string is not closed');
      tokens.push({ type: 'string', value });
      index = end + 1;
    } else if (char === '`') {
      const end = source.indexOf('`', index + 1);
      if (end === -1) throw new TemplateError('a raw string is not closed');
      tokens.push({ type: 'string', value: source.slice(index + 1, end) });
      index = end + 1;
    } else if (/[-\d]/.test(char) && /^-?\d/.test(source.slice(index))) {
      const match = /^-?\d+(\.\d+)?/.exec(source.slice(index))!;
      tokens.push({ type: 'number', value: Number(match[0]) });
      index += match[0].length;
    } else if (char === '.') {
      const names = fields();
      if (!names.length) index++;
      tokens.push({ type: 'field', names });
    } else if (char === '$') {
      const match = /^\$\w*/.exec(source.slice(index))!;
      index += match[0].length;
      tokens.push({ type: 'variable', name: match[0], names: fields() });
    } else if (source.startsWith(':=', index)) {
      tokens.push({ type: 'punct', value: ':=' });
      index += 2;
    } else if ('()|=,'.includes(char)) {
      tokens.push({ type: 'punct', value: char as '(' | ')' | '|' | '=' | ',' });
      index++;
      // `(pipeline).Field`
      if (char === ')' && source[index] === '.') throw new TemplateError('a field of a parenthesised value');
    } else {
      const match = /^[A-Za-z_][\w.]*/.exec(source.slice(index));
      if (!match) throw new TemplateError(`"${char}"`);
      const name = match[0];
      index += name.length;
      if (name === 'true' || name === 'false') tokens.push({ type: 'bool', value: name === 'true' });
      else if (name === 'nil') tokens.push({ type: 'nil' });
      else tokens.push({ type: 'identifier', name });
    }
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Parsing

type Operand =
  | { kind: 'literal'; value: Value }
  | { kind: 'field'; names: string[] }
  | { kind: 'variable'; name: string; names: string[] }
  | { kind: 'function'; name: string }
  | { kind: 'pipeline'; pipeline: Pipeline };
type Command = Operand[];
type Pipeline = { declare?: { names: string[]; assign: boolean }; commands: Command[] };

type TemplateNode =
  | { kind: 'text'; text: string }
  | { kind: 'action'; pipeline: Pipeline }
  | { kind: 'if' | 'with' | 'range'; pipeline: Pipeline; body: TemplateNode[]; otherwise: TemplateNode[] };

function parsePipeline(tokens: Token[]): Pipeline {
  let position = 0;
  const pipeline: Pipeline = { commands: [] };
  // `$x := …`, `$x = …`, `$i, $e := …`
  const declared: string[] = [];
  let look = 0;
  while (tokens[look]?.type === 'variable' && !(tokens[look] as { names: string[] }).names.length) {
    declared.push((tokens[look] as { name: string }).name);
    look++;
    if (tokens[look]?.type === 'punct' && (tokens[look] as { value: string }).value === ',') look++;
    else break;
  }
  const operator = tokens[look];
  if (declared.length && operator?.type === 'punct' && (operator.value === ':=' || operator.value === '=')) {
    pipeline.declare = { names: declared, assign: operator.value === '=' };
    position = look + 1;
  }
  const parseCommands = (until: ')' | undefined): Command[] => {
    const commands: Command[] = [[]];
    while (position < tokens.length) {
      const token = tokens[position++]!;
      const command = commands[commands.length - 1]!;
      if (token.type === 'punct') {
        if (token.value === '|') commands.push([]);
        else if (token.value === '(') command.push({ kind: 'pipeline', pipeline: { commands: parseCommands(')') } });
        else if (token.value === ')' && until === ')') return commands;
        else throw new TemplateError(`"${token.value}" where a value was expected`);
      } else if (token.type === 'string' || token.type === 'number' || token.type === 'bool') command.push({ kind: 'literal', value: token.value });
      else if (token.type === 'nil') command.push({ kind: 'literal', value: undefined });
      else if (token.type === 'field') command.push({ kind: 'field', names: token.names });
      else if (token.type === 'variable') command.push({ kind: 'variable', name: token.name, names: token.names });
      else command.push({ kind: 'function', name: token.name });
    }
    if (until) throw new TemplateError('a parenthesis is not closed');
    return commands;
  };
  pipeline.commands = parseCommands(undefined);
  if (pipeline.commands.some((command) => !command.length)) throw new TemplateError('an empty command in a pipeline');
  return pipeline;
}

const ACTION = /\{\{(-\s)?([\s\S]*?)(\s-)?\}\}/g;

/** A parsed template: its nodes, ready to be run for each call. */
export type Template = { nodes: TemplateNode[] };

export function parseTemplate(source: string): Template {
  type Frame = { node?: Extract<TemplateNode, { body: TemplateNode[] }>; list: TemplateNode[]; inElse: boolean; chained: number };
  const root: Frame = { list: [], inElse: false, chained: 0 };
  const stack: Frame[] = [root];
  const current = () => stack[stack.length - 1]!;
  const push = (node: TemplateNode) => current().list.push(node);
  let cursor = 0;
  let trimNext = false;
  // Comments may hold `}}`: they go first, with the whitespace their trim markers take.
  const text = source.replace(/\{\{(-\s)?\/\*[\s\S]*?\*\/(\s-)?\}\}/g, (_match, left?: string, right?: string) => `{{${left ?? ''}/*c*/${right ?? ''}}}`);
  for (const match of text.matchAll(ACTION)) {
    let before = text.slice(cursor, match.index);
    if (trimNext) before = before.replace(/^\s+/, '');
    if (match[1]) before = before.replace(/\s+$/, '');
    if (before) push({ kind: 'text', text: before });
    cursor = match.index + match[0].length;
    trimNext = Boolean(match[3]);
    const action = (match[2] ?? '').trim();
    if (action === '/*c*/') continue;
    const keyword = /^(if|with|range|else|end|define|template|block|break|continue)\b\s*/.exec(action);
    if (!keyword) {
      push({ kind: 'action', pipeline: parsePipeline(lexAction(action)) });
      continue;
    }
    const rest = action.slice(keyword[0].length);
    switch (keyword[1]) {
      case 'if':
      case 'with':
      case 'range': {
        const node = { kind: keyword[1], pipeline: parsePipeline(lexAction(rest)), body: [], otherwise: [] } as Extract<TemplateNode, { body: TemplateNode[] }>;
        push(node);
        stack.push({ node, list: node.body, inElse: false, chained: 0 });
        break;
      }
      case 'else': {
        const frame = current();
        if (!frame.node || frame.inElse) throw new TemplateError('{{ else }} without its {{ if }}');
        frame.inElse = true;
        frame.list = frame.node.otherwise;
        // `else if …` and `else with …` open a block that the one {{ end }} closes too.
        const chained = /^(if|with)\b\s*/.exec(rest);
        if (chained) {
          const node = { kind: chained[1], pipeline: parsePipeline(lexAction(rest.slice(chained[0].length))), body: [], otherwise: [] } as Extract<TemplateNode, { body: TemplateNode[] }>;
          frame.list.push(node);
          stack.push({ node, list: node.body, inElse: false, chained: frame.chained + 1 });
        }
        break;
      }
      case 'end': {
        if (stack.length < 2) throw new TemplateError('{{ end }} without a block to end');
        const closed = stack.pop()!;
        for (let i = 0; i < closed.chained; i++) stack.pop();
        break;
      }
      default:
        throw new TemplateError(`{{ ${keyword[1]} }}`);
    }
  }
  let after = text.slice(cursor);
  if (trimNext) after = after.replace(/^\s+/, '');
  if (after) push({ kind: 'text', text: after });
  if (stack.length > 1) throw new TemplateError('a block is not closed with {{ end }}');
  return { nodes: root.list };
}

// ---------------------------------------------------------------------------------------------
// Running

/** What a template's functions need from the site. */
export type TemplateHelpers = {
  /** Markdown to HTML, as Hugo's `markdownify` (a single paragraph loses its `<p>`). */
  markdownify: (markdown: string) => SafeHtml;
  /** A warning from `warnf`/`errorf`. */
  warn: (message: string) => void;
};

export function isTrue(value: Value): boolean {
  if (value instanceof SafeHtml) return value.html !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (value instanceof TemplateObject) return true;
  if (value && typeof value === 'object') return Object.keys(value).length > 0;
  return Boolean(value);
}

function text(value: Value): string {
  if (value === undefined || value === null) return '';
  if (value instanceof SafeHtml) return value.html;
  if (Array.isArray(value)) return `[${value.map(text).join(' ')}]`;
  if (value instanceof TemplateObject) return `<${value.typeName}>`;
  if (typeof value === 'object') return `map[${Object.entries(value).map(([key, entry]) => `${key}:${text(entry)}`).join(' ')}]`;
  return String(value);
}

const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');
const SAFE_URL = /^(?:[a-z][a-z\d+.-]*:)?/i;

/** Go's fmt verbs that templates use: %s %v %d %f %q %t %%. */
function sprintf(format: string, args: Value[]): string {
  let next = 0;
  return format.replace(/%(-?\d*)(\.\d+)?([svdfqtx%])/g, (_match, _width: string, precision: string | undefined, verb: string) => {
    if (verb === '%') return '%';
    const value = args[next++];
    if (verb === 'd') return String(Math.trunc(Number(text(value))));
    if (verb === 'f') return Number(text(value)).toFixed(precision ? Number(precision.slice(1)) : 6);
    if (verb === 'q') return JSON.stringify(text(value));
    if (verb === 'x') return Number(text(value)).toString(16);
    return text(value);
  });
}

function lookup(value: Value, name: string, args: Value[]): Value {
  if (value instanceof TemplateObject) {
    if (!(name in value.members)) throw new TemplateError(`.${name} of ${value.typeName}`);
    const member = value.members[name];
    return typeof member === 'function' ? member(...args) : member;
  }
  if (args.length) throw new TemplateError(`.${name} called with arguments`);
  if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof SafeHtml)) {
    // Hugo's maps (front matter, params) are read without regard to case.
    const key = Object.keys(value).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
    return key === undefined ? undefined : (value as ValueMap)[key];
  }
  if (value === undefined || value === null) return undefined;
  throw new TemplateError(`.${name} of a ${Array.isArray(value) ? 'list' : typeof value}`);
}

function compare(a: Value, b: Value): number {
  const [x, y] = [a instanceof SafeHtml ? a.html : a, b instanceof SafeHtml ? b.html : b];
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  return text(x).localeCompare(text(y));
}

const same = (a: Value, b: Value) => {
  const [x, y] = [a instanceof SafeHtml ? a.html : a, b instanceof SafeHtml ? b.html : b];
  return x === y || ((x === undefined || x === null) && (y === undefined || y === null));
};

function collection(value: Value): Value[] {
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object' && !(value instanceof SafeHtml) && !(value instanceof TemplateObject)) return Object.values(value);
  if (typeof value === 'string') return [...value];
  return [];
}

type Fn = (helpers: TemplateHelpers, ...args: Value[]) => Value;

const FUNCTIONS: Record<string, Fn> = {
  // Hugo's `default`: a boolean is always set; zero, "" and empty lists are not.
  default: (_h, fallback, given) => (isTrue(given) || given === false ? given : fallback),
  printf: (_h, format, ...args) => sprintf(text(format), args),
  print: (_h, ...args) => args.map(text).join(''),
  println: (_h, ...args) => `${args.map(text).join(' ')}\n`,
  eq: (_h, a, ...others) => others.some((b) => same(a, b)),
  ne: (_h, a, b) => !same(a, b),
  lt: (_h, a, b) => compare(a, b) < 0,
  le: (_h, a, b) => compare(a, b) <= 0,
  gt: (_h, a, b) => compare(a, b) > 0,
  ge: (_h, a, b) => compare(a, b) >= 0,
  and: (_h, ...args) => args.find((value) => !isTrue(value)) ?? args[args.length - 1],
  or: (_h, ...args) => args.find(isTrue) ?? args[args.length - 1],
  not: (_h, value) => !isTrue(value),
  len: (_h, value) => (typeof value === 'string' ? [...value].length : collection(value).length),
  index: (_h, value, ...keys) => keys.reduce<Value>((current, key) => (Array.isArray(current) ? current[Number(key)] : lookup(current, text(key), [])), value),
  slice: (_h, ...args) => args,
  dict: (_h, ...args) => Object.fromEntries(Array.from({ length: Math.floor(args.length / 2) }, (_, i) => [text(args[2 * i]), args[2 * i + 1]])),
  in: (_h, list, item) => (typeof list === 'string' ? list.includes(text(item)) : collection(list).some((value) => same(value, item))),
  isset: (_h, value, key) => (Array.isArray(value) ? Number(key) < value.length : lookup(value, text(key), []) !== undefined),
  substr: (_h, value, start, length) => {
    const chars = [...text(value)];
    const from = Number(start ?? 0) < 0 ? chars.length + Number(start) : Number(start ?? 0);
    return chars.slice(from, length === undefined ? undefined : from + Number(length)).join('');
  },
  title: (_h, value) => text(value).replace(/(^|\s)(\p{L})/gu, (_m, space: string, letter: string) => space + letter.toUpperCase()),
  lower: (_h, value) => text(value).toLowerCase(),
  upper: (_h, value) => text(value).toUpperCase(),
  trim: (_h, value, cutset) => {
    const cut = new Set(text(cutset));
    const chars = [...text(value)];
    while (chars.length && cut.has(chars[0]!)) chars.shift();
    while (chars.length && cut.has(chars[chars.length - 1]!)) chars.pop();
    return chars.join('');
  },
  replace: (_h, value, old, replacement) => text(value).split(text(old)).join(text(replacement)),
  split: (_h, value, separator) => text(value).split(text(separator)),
  delimit: (_h, list, separator) => collection(list).map(text).join(text(separator)),
  string: (_h, value) => text(value),
  int: (_h, value) => Math.trunc(Number(text(value))),
  add: (_h, a, b) => (typeof a === 'number' && typeof b === 'number' ? a + b : text(a) + text(b)),
  sub: (_h, a, b) => Number(a) - Number(b),
  mul: (_h, a, b) => Number(a) * Number(b),
  urlize: (_h, value) => text(value).trim().toLowerCase().replace(/\s+/g, '-'),
  jsonify: (_h, value) => JSON.stringify(value instanceof SafeHtml ? value.html : value ?? null),
  safeHTML: (_h, value) => new SafeHtml(text(value)),
  safeHTMLAttr: (_h, value) => new SafeHtml(text(value)),
  safeURL: (_h, value) => new SafeHtml(text(value)),
  safeCSS: (_h, value) => new SafeHtml(text(value)),
  safeJS: (_h, value) => new SafeHtml(text(value)),
  htmlEscape: (_h, value) => escapeHtml(text(value)),
  htmlUnescape: (_h, value) => text(value).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#34;|&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'),
  plainify: (_h, value) => text(value).replace(/<[^>]*>/g, ''),
  markdownify: (helpers, value) => helpers.markdownify(text(value)),
  // Hugo's emoji table is not here: `:smile:` stays as written.
  emojify: (_h, value) => new SafeHtml(text(value)),
  // Pages are served from the site's root: a site-relative URL is the same from every page.
  relURL: (_h, value) => siteRelative(text(value)),
  absURL: (_h, value) => siteRelative(text(value)),
  relLangURL: (_h, value) => siteRelative(text(value)),
  absLangURL: (_h, value) => siteRelative(text(value)),
  'path.Base': (_h, value) => text(value).replace(/\/+$/, '').split('/').pop() ?? '',
  'path.Ext': (_h, value) => /\.[^./]*$/.exec(text(value))?.[0] ?? '',
  'strings.HasPrefix': (_h, value, prefix) => text(value).startsWith(text(prefix)),
  'strings.HasSuffix': (_h, value, suffix) => text(value).endsWith(text(suffix)),
  'strings.Contains': (_h, value, part) => text(value).includes(text(part)),
  'strings.ToLower': (_h, value) => text(value).toLowerCase(),
  'strings.ToUpper': (_h, value) => text(value).toUpperCase(),
  'strings.TrimSpace': (_h, value) => text(value).trim(),
  warnf: (helpers, format, ...args) => (helpers.warn(sprintf(text(format), args)), ''),
  errorf: (helpers, format, ...args) => (helpers.warn(sprintf(text(format), args)), ''),
};

function siteRelative(url: string): string {
  return /^([a-z][a-z\d+.-]*:|\/\/|\/|#)/i.test(url) ? url : `/${url}`;
}

type Scope = Map<string, Value>;

/**
 * Runs a template with `dot` as `.` and `$`. Returns its HTML; throws a TemplateError naming a
 * construct outside the supported part.
 */
export function runTemplate(template: Template, dot: Value, helpers: TemplateHelpers): string {
  let output = '';
  const scopes: Scope[] = [new Map([['$', dot]])];
  const variable = (name: string): Value => {
    for (let i = scopes.length - 1; i >= 0; i--) if (scopes[i]!.has(name)) return scopes[i]!.get(name);
    throw new TemplateError(`undefined variable ${name}`);
  };
  const assign = (name: string, value: Value) => {
    for (let i = scopes.length - 1; i >= 0; i--) {
      if (scopes[i]!.has(name)) return void scopes[i]!.set(name, value);
    }
    throw new TemplateError(`undefined variable ${name}`);
  };

  const operand = (item: Operand, current: Value, args: Value[]): Value => {
    switch (item.kind) {
      case 'literal':
        return item.value;
      case 'field':
        return item.names.reduce<Value>((value, name, i) => lookup(value, name, i === item.names.length - 1 ? args : []), current);
      case 'variable':
        return item.names.reduce<Value>((value, name, i) => lookup(value, name, i === item.names.length - 1 ? args : []), variable(item.name));
      case 'pipeline':
        return pipeline(item.pipeline, current);
      case 'function':
        throw new TemplateError(`${item.name} as a value`);
    }
  };

  const command = (items: Command, current: Value, piped: Value[]): Value => {
    const [head, ...rest] = items;
    if (!head) throw new TemplateError('an empty command');
    const args = () => [...rest.map((item) => operand(item, current, [])), ...piped];
    if (head.kind === 'function') {
      const fn = FUNCTIONS[head.name];
      if (!fn) throw new TemplateError(`the function ${head.name}`);
      return fn(helpers, ...args());
    }
    if (head.kind === 'field' || (head.kind === 'variable' && head.names.length)) return operand(head, current, args());
    if (rest.length || piped.length) throw new TemplateError('arguments to a value that is not a function');
    return operand(head, current, []);
  };

  const pipeline = (line: Pipeline, current: Value): Value => {
    let value: Value[] = [];
    for (const items of line.commands) value = [command(items, current, value)];
    const result = value[0];
    if (line.declare && line.declare.names.length === 1) {
      const [name] = line.declare.names as [string];
      if (line.declare.assign) assign(name, result);
      else scopes[scopes.length - 1]!.set(name, result);
    }
    return result;
  };

  const write = (value: Value) => {
    if (value instanceof SafeHtml) return void (output += value.html);
    let written = escapeHtml(text(value));
    // html/template leaves no `javascript:` (or other unknown scheme) in a URL attribute.
    if (/\s(?:href|src|action|formaction|poster|cite)\s*=\s*"$/i.test(output)) {
      const scheme = SAFE_URL.exec(text(value))?.[0].toLowerCase() ?? '';
      if (scheme && !['http:', 'https:', 'mailto:'].includes(scheme)) written = '#ZgotmplZ';
    }
    output += written;
  };

  const run = (nodes: TemplateNode[], current: Value): void => {
    for (const node of nodes) {
      if (node.kind === 'text') output += node.text;
      else if (node.kind === 'action') {
        const value = pipeline(node.pipeline, current);
        if (!node.pipeline.declare) write(value);
      } else if (node.kind === 'range') {
        const names = node.pipeline.declare?.names ?? [];
        const source = pipeline({ commands: node.pipeline.commands }, current);
        const entries: Array<[Value, Value]> = Array.isArray(source)
          ? source.map((value, i) => [i, value])
          : source && typeof source === 'object' && !(source instanceof SafeHtml) && !(source instanceof TemplateObject)
            ? Object.entries(source).sort(([a], [b]) => a.localeCompare(b))
            : typeof source === 'number'
              ? Array.from({ length: source }, (_, i) => [i, i])
              : [];
        if (!entries.length) {
          scopes.push(new Map());
          run(node.otherwise, current);
          scopes.pop();
        }
        for (const [key, value] of entries) {
          const scope: Scope = new Map();
          if (names.length === 1) scope.set(names[0]!, value);
          if (names.length === 2) scope.set(names[0]!, key).set(names[1]!, value);
          scopes.push(scope);
          run(node.body, value);
          scopes.pop();
        }
      } else {
        scopes.push(new Map());
        const value = pipeline(node.pipeline, current);
        const chosen = isTrue(value);
        run(chosen ? node.body : node.otherwise, chosen && node.kind === 'with' ? value : current);
        scopes.pop();
      }
    }
  };

  run(template.nodes, dot);
  return output;
}

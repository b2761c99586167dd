import { Node, Parser } from 'commonmark';
import {
  dotString,
  htmlAttribute,
  htmlText,
  jsonText,
  markdownCode,
  markdownFence,
  markdownText,
  mermaidLabel,
  sarifText,
  scriptJson,
  terminalText,
  visibleText,
} from '../../src/text';

/** The strings an attacker writes into a pull request. */
const INJECTION = 'helper\n```\n\n**No changes in connectivity.**\n\n<!--';
const ANSI = 'db\u001b[2J\u001b[31mred\u001b]8;;http://x\u0007';
const BIDI = 'ok\u202e\u2066txt.exe\u2069\u200f';
const MARKUP = '<img src=x onerror=alert(1)> [link](http://x) ![i](y) *em* _u_ `c` ~~s~~ $x$ # h | &amp; \\';

/** Every node of a CommonMark document, in document order. */
function nodes(md: string): Node[] {
  const out: Node[] = [];
  const walker = new Parser().parse(md).walker();
  let event = walker.next();
  while (event) {
    if (event.entering) out.push(event.node);
    event = walker.next();
  }
  return out;
}

/** The literal text of a node's inline children. */
function inlineText(node: Node): string {
  let text = '';
  for (let c = node.firstChild; c; c = c.next) text += c.literal ?? inlineText(c);
  return text;
}

/** The literal text of a document's inline nodes, code spans included. */
function literal(md: string): string {
  return nodes(md).filter((n) => n.type === 'text' || n.type === 'code').map((n) => n.literal).join('');
}

describe('visibleText / terminalText / sarifText', () => {
  test('controls, DEL, C1, bidi, zero-width and separators are shown as escapes', () => {
    expect(visibleText('a\nb\r\tc\u0000\u001b[2J\u007f\u0085\u009b')).toBe('a\\nb\\r\\tc\\x00\\x1b[2J\\x7f\\x85\\x9b');
    expect(visibleText('\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c'))
      .toBe('\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f\\u061c');
    expect(visibleText('\u2028\u2029\u200b\u200d\u2060\ufeff\u00ad\u3164')).toBe('\\u2028\\u2029\\u200b\\u200d\\u2060\\ufeff\\xad\\u3164');
    // tags (invisible ASCII look-alikes) and lone surrogates
    expect(visibleText('x\u{e0041}\u{e0042}')).toBe('x\\u{e0041}\\u{e0042}');
    expect(visibleText('a\ud800b\udc00')).toBe('a\\ud800b\\udc00');
  });

  test('printable text, emoji and other scripts are kept as they are', () => {
    const text = 'shop/web-1 TCP 80,443 0.0.0.0/0 "quoted" \\ café 日本 😀 ❌ ⚠️';
    expect(visibleText(text)).toBe(text);
    expect(terminalText(text)).toBe(text);
  });

  test('a terminal field has no ESC and stays on one line', () => {
    const out = terminalText(ANSI + INJECTION + BIDI);
    expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
    expect(out).toContain('\\x1b[2J');
    expect(out).toContain('\\u202e');
    expect(out.split('\n')).toHaveLength(1);
  });

  test('sarifText is the same guarantee for code scanning', () => {
    expect(sarifText(BIDI)).toBe('ok\\u202e\\u2066txt.exe\\u2069\\u200f');
  });
});

describe('jsonText', () => {
  test('the same value, without a raw invisible character', () => {
    const value = { name: ANSI + BIDI + INJECTION, list: ['\u0085', '\u{e0041}', '\ud800'], n: 1 };
    const json = jsonText(value, 2);
    expect(JSON.parse(json)).toEqual(value);
    expect(json).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u);
    expect(json).toContain('\\u202e');
    expect(json).toContain('\\udb40\\udc41');
    // benign data is exactly JSON.stringify
    expect(jsonText({ a: 'shop/web', b: [1, 2] }, 2)).toBe(JSON.stringify({ a: 'shop/web', b: [1, 2] }, undefined, 2));
    expect(jsonText(undefined)).toBe('null');
  });
});

describe('scriptJson', () => {
  test('the same value, and nothing that can end or comment out a script element', () => {
    const value = { name: '</script><script>alert(1)</script>', c: '<!-- x -->', amp: 'a&b', hidden: ANSI + BIDI };
    const json = scriptJson(value);
    expect(JSON.parse(json)).toEqual(value);
    expect(json).not.toMatch(/[<>&]/);
    expect(json).toContain('\\u003c/script\\u003e');
    expect(json).not.toMatch(/[\u0000-\u001f\u202a-\u202e]/u);
  });
});

describe('markdownText', () => {
  test('benign names, ports and ranges are written as they are', () => {
    for (const text of ['shop/frontend', 'TCP 80,443', '0.0.0.0-9.255.255.255', 'w2, w3 +6 more', 'named port "pgsql" is declared by no pod.']) {
      expect(markdownText(text)).toBe(text);
    }
  });

  test.each([INJECTION, ANSI, BIDI, MARKUP, '   indented', '- item', '1. item', '> quote', '+ x', '---', '***', '=== x', '2) x', '3.', '<!-- hidden -->', 'a\\|b', '## h ##'])(
    'GIVEN %j after a list marker THEN it is the literal text of one paragraph of one list item',
    (hostile) => {
      const md = `- ${markdownText(hostile)}\n- next\n`;
      const all = nodes(md);
      expect(all.filter((n) => n.type === 'item')).toHaveLength(2);
      expect(all.filter((n) => n.type === 'paragraph')).toHaveLength(2);
      expect(all.filter((n) => !['document', 'list', 'item', 'paragraph', 'text'].includes(n.type))).toEqual([]);
      expect(inlineText(all.find((n) => n.type === 'paragraph')!)).toBe(visibleText(hostile));
    });

  test('in a heading: one heading, the text as it is', () => {
    const all = nodes(`## ${markdownText(MARKUP + ' ##')}\n\ntext\n`);
    expect(all.filter((n) => n.type === 'heading')).toHaveLength(1);
    expect(all.filter((n) => n.type === 'html_inline' || n.type === 'html_block')).toEqual([]);
    expect(literal(`## ${markdownText(MARKUP + ' ##')}`)).toBe(MARKUP + ' ##');
  });

  test('the exact escapes', () => {
    expect(markdownText(INJECTION)).toBe(String.raw`helper\\n\`\`\`\\n\\n\*\*No changes in connectivity.\*\*\\n\\n&lt;!--`);
    expect(markdownText('a|b & c')).toBe('a\\|b &amp; c');
    expect(markdownText('  x')).toBe('&#32;&#32;x');
    expect(markdownText('- x')).toBe('\\- x');
    expect(markdownText('12. x')).toBe('12\\. x');
    expect(markdownText('a - b 1. c')).toBe('a - b 1. c');
  });
});

describe('markdownCode', () => {
  test.each(['spec.ingress[0].ports[0]', 'a`b', '``x``', '`', ' lead', 'trail ', ' both ', INJECTION, MARKUP, BIDI])(
    'GIVEN %j THEN it is the literal content of one code span',
    (text) => {
      const span = markdownCode(text);
      const all = nodes(`x ${span} y`);
      const codes = all.filter((n) => n.type === 'code');
      expect(codes).toHaveLength(1);
      expect(codes[0].literal).toBe(visibleText(text));
      expect(all.filter((n) => n.type === 'html_inline')).toEqual([]);
    });

  test('a plain location is one backtick each side; in a table pipes are escaped', () => {
    expect(markdownCode('spec.ingress[0]')).toBe('`spec.ingress[0]`');
    expect(markdownCode('a`b')).toBe('``a`b``');
    expect(markdownCode('`a')).toBe('`` `a ``');
    expect(markdownCode('a|b', { inTable: true })).toBe('`a\\|b`');
    expect(markdownCode('')).toBe('` `');
  });

  test('markdownFence is longer than any backtick run', () => {
    expect(markdownFence('a\nb')).toBe('```');
    expect(markdownFence('x ````` y')).toBe('``````');
  });
});

/** Mermaid's decoding of entity codes: `#quot;` -> `"`, `#35;` -> `#`. */
function mermaidDecode(label: string): string {
  const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>' };
  return label.replace(/#(\w+);/g, (_m, code: string) => (/^\d+$/.test(code) ? String.fromCodePoint(Number(code)) : named[code]));
}

describe('mermaidLabel', () => {
  test.each([INJECTION, MARKUP, '"]; click n0 "http://x"', 'a"] --> n9["b', '%%{init: {"securityLevel": "loose"}}%%', '#quot;', BIDI])(
    'GIVEN %j THEN one quoted label, decoding to the text as written', (text) => {
      const label = mermaidLabel(text);
      expect(label).toMatch(/^"[^"\n\r%`<>|[\](){}]*"$/);
      expect(label.slice(1, -1)).not.toMatch(/#(?!(?:quot|amp|lt|gt|\d+);)/);
      expect(mermaidDecode(label.slice(1, -1))).toBe(visibleText(text));
    });

  test('benign labels unchanged', () => {
    expect(mermaidLabel('TCP 5432')).toBe('"TCP 5432"');
    expect(mermaidLabel('w2, w3 +6 more')).toBe('"w2, w3 +6 more"');
  });
});

/** Graphviz's reading of a double-quoted string and of its label escapes. */
function dotDecode(quoted: string): string {
  expect(quoted).toMatch(/^"(?:[^"\\\n\r]|\\["\\])*"$/);
  return quoted.slice(1, -1).replace(/\\(["\\])/g, '$1').replace(/&amp;/g, '&');
}

describe('dotString', () => {
  test.each([INJECTION, MARKUP, 'a"; n9 [label=<b>x</b>]; "', 'x\\N\\G\\n\\l', '&lt;', BIDI])(
    'GIVEN %j THEN one double-quoted string showing the text as written', (text) => {
      expect(dotDecode(dotString(text))).toBe(visibleText(text));
    });

  test('the exact escapes', () => {
    expect(dotString('shop')).toBe('"shop"');
    expect(dotString('a"b\\c&d\ne')).toBe('"a\\"b\\\\c&amp;d\\\\ne"');
  });
});

describe('htmlText / htmlAttribute', () => {
  test('markup, quotes and closing tags become entities', () => {
    expect(htmlText('</title><script>x</script> & "q" \'s')).toBe('&lt;/title&gt;&lt;script&gt;x&lt;/script&gt; &amp; &quot;q&quot; \'s');
    expect(htmlAttribute('" onmouseover=\'x\'')).toBe('&quot; onmouseover=&#39;x&#39;');
    expect(htmlText(INJECTION)).toBe('helper\\n```\\n\\n**No changes in connectivity.**\\n\\n&lt;!--');
    expect(htmlText(BIDI)).toBe('ok\\u202e\\u2066txt.exe\\u2069\\u200f');
  });

  test('benign text unchanged', () => {
    expect(htmlText('shop/frontend : TCP 8080')).toBe('shop/frontend : TCP 8080');
  });
});

/**
 * Markdown as GitHub reads it, for tests of escaping: the CommonMark tree (commonmark.js), and
 * GFM tables, which commonmark.js reads as paragraphs, split into cells the way cmark-gfm does
 * (at pipes not preceded by a backslash, then `\|` read as `|`), each cell parsed as CommonMark.
 */
import { Node, Parser } from 'commonmark';

/** The literal text of a node's inline content (code spans included, soft breaks as `\n`). */
export function inlineText(node: Node): string {
  if (node.type === 'softbreak' || node.type === 'linebreak') return '\n';
  if (node.literal !== null && node.literal !== undefined && node.type !== 'code_block' && node.type !== 'html_block') return node.literal;
  let text = '';
  for (let c = node.firstChild; c; c = c.next) text += inlineText(c);
  return text;
}

function walk(root: Node): Node[] {
  const out: Node[] = [];
  const walker = root.walker();
  for (let event = walker.next(); event; event = walker.next()) if (event.entering) out.push(event.node);
  return out;
}

/** The nodes of a Markdown document, in document order. */
export function markdownNodes(md: string): Node[] {
  return walk(new Parser().parse(md));
}

export interface MarkdownOutline {
  /** how many nodes of each type, text nodes left out (escapes split them) */
  readonly counts: Record<string, number>;
  /** the literal of every raw HTML node (block or inline) */
  readonly html: string[];
  readonly headings: string[];
  /** the text of each list item */
  readonly items: string[];
  readonly codeBlocks: { info: string; literal: string }[];
  /** each GFM table: rows of cells, each cell's text as GFM shows it */
  readonly tables: string[][][];
  /** each GFM table's cells as node types (to see that no link or HTML is in a cell) */
  readonly cellNodeTypes: string[];
}

/** Splits a GFM table row into cell sources, as cmark-gfm does. */
export function gfmCells(line: string): string[] {
  const cells: string[] = [];
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '|' && line[i - 1] !== '\\') {
      cells.push(line.slice(start, i));
      start = i + 1;
    }
  }
  cells.push(line.slice(start));
  // a row starts and ends with a pipe: drop the empty outer pieces
  return cells.slice(1, -1).map((c) => c.replace(/\\\|/g, '|').trim());
}

export function outline(md: string): MarkdownOutline {
  const nodes = markdownNodes(md);
  const counts: Record<string, number> = {};
  for (const n of nodes) if (n.type !== 'text') counts[n.type] = (counts[n.type] ?? 0) + 1;
  const tables: string[][][] = [];
  const cellNodeTypes = new Set<string>();
  let table: string[][] | undefined;
  for (const line of md.split('\n')) {
    if (!line.startsWith('|')) {
      table = undefined;
      continue;
    }
    if (!table) tables.push(table = []);
    // the delimiter row (`| --- | :---: |`) is kept as it is
    if (/^\|(\s*:?-+:?\s*\|)+$/.test(line)) {
      table.push(gfmCells(line));
      continue;
    }
    table.push(gfmCells(line).map((cell) => {
      const cellNodes = markdownNodes(cell);
      for (const n of cellNodes) cellNodeTypes.add(n.type);
      return cellNodes.length > 1 ? inlineText(cellNodes[1]) : '';
    }));
  }
  return {
    counts,
    html: nodes.filter((n) => n.type === 'html_block' || n.type === 'html_inline').map((n) => n.literal ?? ''),
    headings: nodes.filter((n) => n.type === 'heading').map(inlineText),
    items: nodes.filter((n) => n.type === 'item').map(inlineText),
    codeBlocks: nodes.filter((n) => n.type === 'code_block').map((n) => ({ info: n.info ?? '', literal: n.literal ?? '' })),
    tables,
    cellNodeTypes: [...cellNodeTypes].sort(),
  };
}

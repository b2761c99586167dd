import { changedEndpoints, closedChanges, ConnectionChange, openedChanges, UnanalyzedChanges } from './connection-diff';
import { changeSummary, formatClosed, formatOpened, NEW_WORKLOADS, noChanges, REMOVED_WORKLOADS, unanalyzedNotes } from './diff-text';
import { compare, cutText, htmlText, markdownFence, markdownText, plural } from '../text';

/** What a GitHub pull-request comment holds, in characters. */
export const PR_COMMENT_LIMIT = 65536;

/** Options of `renderDiffMarkdown`. */
export interface DiffMarkdownOptions {
  /**
   * the most characters the comment may have
   * @default PR_COMMENT_LIMIT (65,536)
   */
  readonly maxLength?: number;
}

/** Up to this many change lines, and when it fits, the comment lists every change in two blocks. */
const LISTED_LINES = 200;
/** Groups (namespace pairs) with more lines than this are folded in `<details>`. */
const FOLDED_LINES = 10;
/** Rows of a summary table, names in a list, characters of a name in running text. */
const TABLE_ROWS = 50;
const LISTED_NAMES = 20;
const NAME_LENGTH = 120;
/** Kept free for the line that says what was left out. */
const TRAILER_RESERVE = 400;

const OUTSIDE = '\u0000outside';

/**
 * The changes for a pull-request comment, what opens first: the title, the notes on policies
 * not analyzed, a headline (`Opens 2 pairs (1 added, 1 widened); closes ...`), then the opened
 * lines, then the closed ones, each in a fenced `diff` block (GitHub colours + and -).
 *
 * At most `maxLength` characters (65,536, what a comment holds) whatever the size: past
 * 200 lines, or when the full list does not fit, a summary table per namespace pair for each of
 * opened and closed, then the lines by namespace pair, largest first, the groups of more than 10
 * lines folded in `<details>`, as many as fit (opened before closed), and a last line saying
 * what was left out and that `--format json` has every change.
 *
 * Text from the input is `markdownText` (running text, table cells, summaries) or a line of a
 * fenced block whose fence is longer than any backtick run in it: nothing from the input can
 * close a block, add a heading or HTML, or hide a line.
 */
export function renderDiffMarkdown(changes: readonly ConnectionChange[], title = 'Connectivity changes', unanalyzed?: UnanalyzedChanges, options: DiffMarkdownOptions = {}): string {
  const max = options.maxLength ?? PR_COMMENT_LIMIT;
  const heading = `### ${markdownText(cutText(title, NAME_LENGTH))}\n\n`;
  // the notes come first: a reviewer must see that the verdict is partial before reading it
  const cut = unanalyzed && { present: unanalyzed.present, changed: unanalyzed.changed.map((n) => cutText(n, NAME_LENGTH)) };
  const notes = unanalyzedNotes(cut, LISTED_NAMES).map((l) => `> ${markdownText(l)}\n`).join('>\n');
  const lead = notes ? `${heading}${notes}\n` : heading;
  if (changes.length === 0) return `${lead}${noChanges(unanalyzed)}\n`;
  const opened = openedChanges(changes);
  const closed = closedChanges(changes);
  const headline = `**${markdownText(changeSummary(changes))}**\n\n`;
  const workloads = [
    endpointParagraph(NEW_WORKLOADS, changedEndpoints(changes, 'new')),
    endpointParagraph(REMOVED_WORKLOADS, changedEndpoints(changes, 'removed')),
  ].join('');
  const openedLines = opened.map((c) => formatOpened(c)!);
  const closedLines = closed.map((c) => formatClosed(c)!);
  if (openedLines.length + closedLines.length <= LISTED_LINES) {
    const full = `${lead}${headline}${workloads}${listed('Opened', OPENED_WHAT, openedLines)}${listed('Closed', CLOSED_WHAT, closedLines)}`;
    if (full.length <= max) return `${full.trimEnd()}\n`;
  }
  return summarized(heading, headline, notes ? `${notes}\n` : '', workloads, opened, closed, max);
}

const OPENED_WHAT = 'what the new side allows that the old did not';
const CLOSED_WHAT = 'what the old side allowed that the new does not';

function listed(label: string, what: string, lines: readonly string[]): string {
  if (lines.length === 0) return `**${label}** (${what}): nothing.\n\n`;
  const body = lines.join('\n');
  const fence = markdownFence(body);
  return `**${label}** (${what}):\n\n${fence}diff\n${body}\n${fence}\n\n`;
}

function endpointParagraph(lead: string, names: readonly string[]): string {
  if (names.length === 0) return '';
  const shown = names.slice(0, LISTED_NAMES).map((n) => markdownText(cutText(n, NAME_LENGTH)));
  const more = names.length - shown.length;
  return `${lead}: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}.\n\n`;
}

interface Group {
  readonly from: string;
  readonly to: string;
  readonly lines: string[];
}

/** The namespace of an endpoint name (`shop` of `shop/web`), or OUTSIDE for an address range. */
function namespaceOf(id: string): string {
  const slash = id.indexOf('/');
  return slash < 0 ? OUTSIDE : id.slice(0, slash);
}

/** A namespace for running Markdown text, or (`html`) inside an HTML element such as `<summary>`, where Markdown escapes would show. */
function namespaceText(ns: string, html = false): string {
  if (ns === OUTSIDE) return 'outside the cluster';
  const cut = cutText(ns, NAME_LENGTH);
  return html ? htmlText(cut) : markdownText(cut);
}

/** The lines by namespace pair, largest group first (then by names). */
function groups(changes: readonly ConnectionChange[], line: (c: ConnectionChange) => string): Group[] {
  const byPair = new Map<string, Group>();
  for (const c of changes) {
    const from = namespaceOf(c.from);
    const to = namespaceOf(c.to);
    const key = `${from}\u0001${to}`;
    let g = byPair.get(key);
    if (!g) byPair.set(key, g = { from, to, lines: [] });
    g.lines.push(line(c));
  }
  return [...byPair.values()].sort((a, b) => b.lines.length - a.lines.length || compare(a.from, b.from) || compare(a.to, b.to));
}

/** Characters left, taken piece by piece. */
class Budget {
  public constructor(private left: number) {}
  public take(text: string): boolean {
    if (text.length > this.left) return false;
    this.left -= text.length;
    return true;
  }
}

function summarized(
  heading: string, headline: string, notes: string, workloads: string,
  opened: readonly ConnectionChange[], closed: readonly ConnectionChange[], max: number,
): string {
  // the title (cut) and the counts always; then by priority: the notes (at most 20 names, each
  // cut), the two tables, the workloads, the opened lines, the closed lines
  const budget = new Budget(max - TRAILER_RESERVE - heading.length - headline.length);
  const shownNotes = budget.take(notes) ? notes : '';
  const openedGroups = groups(opened, (c) => formatOpened(c)!);
  const closedGroups = groups(closed, (c) => formatClosed(c)!);
  const openedTable = table('Opened', OPENED_WHAT, 'pairs opened', openedGroups, budget);
  const closedTable = table('Closed', CLOSED_WHAT, 'pairs closed', closedGroups, budget);
  const shownWorkloads = budget.take(workloads) ? workloads : '';
  const openedBlocks = blocks(openedGroups, 'opened', budget);
  const closedBlocks = blocks(closedGroups, 'closed', budget);
  const leftOpened = opened.length - openedBlocks.shown;
  const leftClosed = closed.length - closedBlocks.shown;
  const trailer = leftOpened + leftClosed === 0 && shownWorkloads === workloads && shownNotes === notes ? '' :
    `_Left out to fit a pull-request comment: ${plural(leftOpened, 'opened line')} and ${plural(leftClosed, 'closed line')}` +
    `${shownWorkloads === workloads ? '' : ', the workloads added and removed'}${shownNotes === notes ? '' : ', the notes on policies not analyzed'}. ` +
    'Every change: `cdk8s-netpol diff OLD NEW --format json`._\n';
  return `${`${heading}${shownNotes}${headline}${shownWorkloads}${openedTable}${openedBlocks.text}${closedTable}${closedBlocks.text}${trailer}`.trimEnd()}\n`;
}

/** `**Opened** (...): 12 pairs in 3 namespace pairs` and a table of them, as many rows as fit. */
function table(label: string, what: string, column: string, list: readonly Group[], budget: Budget): string {
  const pairs = list.reduce((n, g) => n + g.lines.length, 0);
  if (list.length === 0) {
    const text = `**${label}** (${what}): nothing.\n\n`;
    return budget.take(text) ? text : '';
  }
  const head = `**${label}** (${what}): ${plural(pairs, 'pair')} in ${plural(list.length, 'namespace pair')}.\n\n` +
    `| from namespace | to namespace | ${column} |\n| --- | --- | ---: |\n`;
  // the row that says how many namespace pairs are not in the table, kept free for
  const moreRow = (n: number, lines: number) => `| ${plural(n, 'more namespace pair')} | | ${lines} |\n`;
  if (!budget.take(head + moreRow(list.length, pairs) + '\n')) return '';
  let text = head;
  let shown = 0;
  for (const g of list.slice(0, TABLE_ROWS)) {
    const row = `| ${namespaceText(g.from)} | ${namespaceText(g.to)} | ${g.lines.length} |\n`;
    if (!budget.take(row)) break;
    text += row;
    shown++;
  }
  if (shown < list.length) text += moreRow(list.length - shown, list.slice(shown).reduce((n, g) => n + g.lines.length, 0));
  return `${text}\n`;
}

/** The groups' lines, largest group first, the large ones folded, as many lines as fit. */
function blocks(list: readonly Group[], verb: string, budget: Budget): { text: string; shown: number } {
  let text = '';
  let shown = 0;
  for (const g of list) {
    const fence = markdownFence(g.lines.join('\n'));
    const folded = g.lines.length > FOLDED_LINES;
    const label = (n: number, partial: boolean) => `${namespaceText(g.from, folded)} → ${namespaceText(g.to, folded)}: ` +
      `${plural(g.lines.length, `pair ${verb}`, `pairs ${verb}`)}${partial ? ` (${n} shown)` : ''}`;
    const wrap = (n: number, body: string) => {
      const summary = label(n, n < g.lines.length);
      return folded
        ? `<details><summary>${summary}</summary>\n\n${fence}diff\n${body}\n${fence}\n\n</details>\n\n`
        : `${summary}\n\n${fence}diff\n${body}\n${fence}\n\n`;
    };
    // the wrapper at its longest (a count of shown lines as long as the group's), then the lines that fit
    const longest = label(g.lines.length, true).length - label(g.lines.length, false).length;
    if (!budget.take(wrap(g.lines.length, '') + ' '.repeat(longest))) continue;
    let n = 0;
    while (n < g.lines.length && budget.take(`${g.lines[n]}\n`)) n++;
    if (n === 0) continue;
    text += wrap(n, g.lines.slice(0, n).join('\n'));
    shown += n;
  }
  return { text, shown };
}

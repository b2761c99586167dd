import { ConnectionChange } from './connection-diff';
import { changeSummary, formatChange } from './diff-text';
import { markdownFence, markdownText } from '../text';

/**
 * The changes for a pull-request comment: a fenced `diff` block (GitHub colours + and -). The
 * title is `markdownText`; each change is one line of the block (`formatChange` keeps every
 * endpoint on its line) starting with its sign, and the fence is longer than any backtick run
 * in the block: nothing from the input can close the block, add a heading or hide a line.
 */
export function renderDiffMarkdown(changes: readonly ConnectionChange[], title = 'Connectivity changes'): string {
  const heading = `### ${markdownText(title)}`;
  if (changes.length === 0) return `${heading}\n\nNo changes in connectivity.\n`;
  const body = changes.map((c) => (c.kind === 'changed' ? `! ${formatChange(c).slice(2)}` : formatChange(c))).join('\n');
  const fence = markdownFence(body);
  return `${heading}\n\n${changeSummary(changes)}\n\n${fence}diff\n${body}\n${fence}\n`;
}

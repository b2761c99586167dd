import { ConnectionChange, UnanalyzedChanges } from './connection-diff';
import { changeSummary, formatChange, noChanges, unanalyzedNotes } from './diff-text';
import { markdownFence, markdownText } from '../text';

/**
 * The changes for a pull-request comment: a fenced `diff` block (GitHub colours + and -). The
 * title is `markdownText`; each change is one line of the block (`formatChange` keeps every
 * endpoint on its line) starting with its sign, and the fence is longer than any backtick run
 * in the block: nothing from the input can close the block, add a heading or hide a line.
 */
export function renderDiffMarkdown(changes: readonly ConnectionChange[], title = 'Connectivity changes', unanalyzed?: UnanalyzedChanges): string {
  const heading = `### ${markdownText(title)}`;
  // the notes come first: a reviewer must see that the verdict is partial before reading it
  const notes = unanalyzedNotes(unanalyzed).map((l) => `> ${markdownText(l)}\n`).join('>\n');
  const lead = notes ? `${heading}\n\n${notes}\n` : `${heading}\n\n`;
  if (changes.length === 0) return `${lead}${noChanges(unanalyzed)}\n`;
  const body = changes.map((c) => (c.kind === 'changed' ? `! ${formatChange(c).slice(2)}` : formatChange(c))).join('\n');
  const fence = markdownFence(body);
  return `${lead}${changeSummary(changes)}\n\n${fence}diff\n${body}\n${fence}\n`;
}

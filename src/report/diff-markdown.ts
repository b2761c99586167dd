import { ConnectionChange } from './connection-diff';
import { changeSummary, formatChange } from './diff-text';

/** The changes for a pull-request comment: a fenced `diff` block (GitHub colours + and -). */
export function renderDiffMarkdown(changes: readonly ConnectionChange[], title = 'Connectivity changes'): string {
  if (changes.length === 0) return `### ${title}\n\nNo changes in connectivity.\n`;
  const lines = changes.map((c) => (c.kind === 'changed' ? `! ${formatChange(c).slice(2)}` : formatChange(c)));
  return `### ${title}\n\n${changeSummary(changes)}\n\n\`\`\`diff\n${lines.join('\n')}\n\`\`\`\n`;
}

import { renderDiffText } from '../../src/report/diff-text';

describe('renderDiffText', () => {
  test('text output', () => {
    expect(renderDiffText([])).toBe('No changes in connectivity.\n');
  });
});

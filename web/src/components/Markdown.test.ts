import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './Markdown';

// What survives hostile input is tested in Chromium (tests/student-flow.spec.ts): happy-dom's parser lets DOMPurify keep
// a <script> that a browser's would not, so a test here would prove nothing.
describe('renderMarkdown', () => {
  it('keeps the formatting authors use', () => {
    const html = renderMarkdown('A **62-year-old** man\n\n| Test | Value |\n| --- | --- |\n| Na | 140 |\n\n![ECG](/media/ecg.png)');
    expect(html).toContain('<strong>62-year-old</strong>');
    expect(html).toContain('<table>');
    expect(html).toContain('<img src="/media/ecg.png" alt="ECG">');
  });
});

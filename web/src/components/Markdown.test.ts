import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './Markdown';

// What survives hostile input is tested in Chromium (tests/student-flow.spec.ts): happy-dom's parser lets DOMPurify keep
// a <script> that a browser's would not, so a test here would prove nothing.
describe('renderMarkdown', () => {
  it('keeps the formatting authors use', () => {
    const html = renderMarkdown('A **62-year-old** man\n\n| Test | Value |\n| --- | --- |\n| Na | 140 |\n\n![ECG](/media/ecg.png)');
    expect(html).toContain('<strong>62-year-old</strong>');
    expect(html).toContain('<table>');
    expect(html).toContain('<button type="button" class="zoom" aria-label="Enlarge the image: ECG"><img src="/media/ecg.png" alt="ECG"></button>');
  });

  it('gives every image a text alternative and shows one the browser may not load as its description', () => {
    expect(renderMarkdown('![](data:image/png;base64,iVBORw0KGgo=)')).toContain('alt="Image without a description"');
    const external = renderMarkdown('![Chest film](https://elsewhere.example/x.png) and ![](//elsewhere.example/y.png)');
    expect(external).not.toContain('<img');
    expect(external).toContain('[image: Chest film]');
    expect(external).toContain('[image: Image without a description]');
  });
});

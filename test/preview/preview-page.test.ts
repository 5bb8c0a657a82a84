/** preview.html as text: self-contained, deterministic, escaped, and static/live apart from one attribute. */
import convertkit from '../../definitions/convertkit/connector';
import { emitPreviewPage, liveAttribute } from '../../src/emit/preview-page';
import { connectorPreviewPage } from '../../src/preview/connector-page';
import { HOSTILE, previewDiagnosticsSample, previewSwagger } from './sample-swagger';

const page = emitPreviewPage(previewSwagger, previewDiagnosticsSample);

describe('the page', () => {
  test('is byte-identical for the same input', () => {
    expect(emitPreviewPage(previewSwagger, previewDiagnosticsSample)).toBe(page);
    expect(connectorPreviewPage(convertkit, false)).toBe(connectorPreviewPage(convertkit, false));
  });

  test('static and live differ only in the live attribute', () => {
    const live = emitPreviewPage(previewSwagger, previewDiagnosticsSample, { live: true });
    expect(live).not.toBe(page);
    expect(live.replace(liveAttribute(true), liveAttribute(false))).toBe(page);
    expect(page.split(liveAttribute(false))).toHaveLength(2);
  });

  test.each([
    ['an external script or stylesheet', /<(script|link|img|iframe)[^>]*\s(src|href)=/i],
    ['a URL outside the page', /(https?:)?\/\/(?!127\.0\.0\.1)[a-z0-9.-]+\.[a-z]{2,}\//i],
    ['an @import', /@import/],
  ])('refers to no %s', (_what, re) => {
    expect(page).not.toMatch(re);
  });

  test('allows nothing from elsewhere through its Content-Security-Policy', () => {
    expect(page).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'">`,
    );
  });

  test('escapes author text everywhere it lands', () => {
    expect(page).not.toContain(HOSTILE);
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<b>markup</b>');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;');
    expect(page.match(/<script>/g)).toHaveLength(1);
  });

  test('leaves internal inputs and operations out entirely', () => {
    for (const gone of ['Secret API version', 'api-version', 'InternalThing', 'Internal thing', '"source"', 'Hidden'])
      expect(page).not.toContain(gone);
  });

  test('shows the warning badges with their counts', () => {
    expect(page).toContain('<span class="badge">1 error, 1 warning</span>');
    expect(page).toContain('<span class="badge">1 warning about the connector</span>');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/notebook/render-markdown.js';

const HOSTILE = `<script>alert("x")</script><img src=x onerror='y'>&amp;`;
/** The tags the renderer may write; anything else in its output would be injected markup. */
const ALLOWED_TAGS = /^<\/?(?:h[1-6]|p|ul|ol|li|blockquote|pre|code|em|strong|a)(?:\s[^<>]*)?>$/;

describe('renderMarkdown', () => {
  it('renders the subset: headings, paragraphs, lists, quotes, code, emphasis and links', () => {
    const md = [
      '# Title',
      '',
      'A paragraph with *emphasis*, _more_, **strong**, `code` and a [link](https://example.org/a?b=1&c=2).',
      'Same paragraph.',
      '',
      '- one',
      '- two',
      '  continued',
      '',
      '1. first',
      '2. second',
      '',
      '> quoted',
      '',
      '```sh',
      'earlyhelp report --demo --out x',
      '```',
      '### Small',
    ].join('\n');
    expect(renderMarkdown(md)).toBe(
      [
        '<h1>Title</h1>',
        '<p>A paragraph with <em>emphasis</em>, <em>more</em>, <strong>strong</strong>, <code>code</code> and a <a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer">link</a>. Same paragraph.</p>',
        '<ul>\n<li>one</li>\n<li>two continued</li>\n</ul>',
        '<ol>\n<li>first</li>\n<li>second</li>\n</ol>',
        '<blockquote>\n<p>quoted</p>\n</blockquote>',
        '<pre><code class="language-sh">earlyhelp report --demo --out x</code></pre>',
        '<h3>Small</h3>',
      ].join('\n'),
    );
  });

  it('escapes raw HTML everywhere: text, headings, list items, code spans, code blocks and link text', () => {
    const out = renderMarkdown(`# ${HOSTILE}\n\n${HOSTILE}\n\n- ${HOSTILE}\n\n\`${HOSTILE}\`\n\n\`\`\`\n${HOSTILE}\n\`\`\`\n\n[${HOSTILE}](#x)`);
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=&#39;y&#39;&gt;&amp;amp;');
    for (const tag of out.match(/<[^>]*>/g) ?? []) expect(tag).toMatch(ALLOWED_TAGS);
  });

  it('shows links with unsafe targets as text', () => {
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', 'vbscript:x', '//evil.example/x']) {
      const out = renderMarkdown(`[click](${url})`);
      expect(out).not.toContain('<a');
      expect(out).toContain('[click]');
    }
    expect(renderMarkdown('[docs](../docs/methods.md) [top](#top) [site](/a) [m](mailto:a@b.org)')).toBe(
      '<p><a href="../docs/methods.md">docs</a> <a href="#top">top</a> <a href="/a">site</a> <a href="mailto:a@b.org">m</a></p>',
    );
    expect(renderMarkdown('[x](https://a.org/"onmouseover="y)')).toBe(
      '<p><a href="https://a.org/&quot;onmouseover=&quot;y" rel="noopener noreferrer">x</a></p>',
    );
  });

  it('keeps literal asterisks, underscores and backslash escapes as text', () => {
    expect(renderMarkdown('2 * 3 * 4, snake_case_name, \\*not emphasis\\*')).toBe('<p>2 * 3 * 4, snake_case_name, *not emphasis*</p>');
  });

  it('shifts heading levels by the offset, up to h6', () => {
    expect(renderMarkdown('# a\n###### b', { headingOffset: 1 })).toBe('<h2>a</h2>\n<h6>b</h6>');
    expect(() => renderMarkdown('x', { headingOffset: 9 })).toThrow('renderMarkdown requires headingOffset to be a whole number 0..5, got 9');
  });

  it('never writes a tag outside the subset, whatever the input (property)', () => {
    const pieces = fc.constantFrom('<', '>', '&', '"', "'", '`', '*', '_', '[', ']', '(', ')', '#', '-', '>', '\n', ' ', 'a', 'script', 'javascript:', 'onerror=', '1.', '```', '\\');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 60 }), (parts) => {
        const out = renderMarkdown(parts.join(''));
        for (const tag of out.match(/<[^>]*>/g) ?? []) expect(tag).toMatch(ALLOWED_TAGS);
        expect(out).not.toMatch(/href="(?!https?:|mailto:|#|\.{1,2}\/|\/(?!\/)|[\w.-]+(?:[/#?]|"))/i);
      }),
      { numRuns: 400, seed: 7 },
    );
  });
});

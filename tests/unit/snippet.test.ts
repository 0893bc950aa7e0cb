/** Search snippets are built as React elements from the core's highlight ranges, never as HTML. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Snippet } from '../../src/renderer/search/Snippet';

function render(text: string, highlights: Array<[number, number]>): string {
  return renderToStaticMarkup(createElement(Snippet, { text, highlights }));
}

describe('Snippet', () => {
  it('wraps each highlighted range in <mark>, in any order', () => {
    const text = 'Iran is the biggest donor, Haniyeh said';
    expect(
      render(text, [
        [27, 34],
        [20, 25],
      ]),
    ).toBe(
      '<p class="snippet" dir="auto">Iran is the biggest <mark>donor</mark>, <mark>Haniyeh</mark> said</p>',
    );
  });

  it('shows markup in the text as text', () => {
    expect(render('<img src=x onerror=alert(1)> donor', [[29, 34]])).toBe(
      '<p class="snippet" dir="auto">&lt;img src=x onerror=alert(1)&gt; <mark>donor</mark></p>',
    );
  });

  it('keeps Arabic harakat inside the mark', () => {
    const text = 'قال إنه كَتَبَ الرسالة';
    const start = text.indexOf('كَتَبَ');
    const html = render(text, [[start, start + 'كَتَبَ'.length]]);
    expect(html).toContain('<mark>كَتَبَ</mark>');
  });

  it('ignores overlapping, empty and out-of-range highlights instead of repeating text', () => {
    const text = 'donor donors';
    const html = render(text, [
      [0, 5],
      [3, 8],
      [9, 9],
      [40, 50],
    ]);
    expect(html).toBe('<p class="snippet" dir="auto"><mark>donor</mark><mark> do</mark>nors</p>');
  });
});

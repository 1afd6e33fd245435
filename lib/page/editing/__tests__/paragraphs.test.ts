import { describe, expect, it } from 'vitest';
import { editLandedAsIntended, paragraphsAsHtml, paragraphsOf, textSignature } from '../paragraphs';

describe('paragraphsOf', () => {
  it('treats a blank line as the paragraph break itself in rich text', () => {
    expect(paragraphsOf('Please fix it.\n\nThank you.', false)).toEqual(['Please fix it.', 'Thank you.']);
    expect(paragraphsOf('one\r\n \r\n\r\ntwo\nthree', false)).toEqual(['one', 'two', 'three']);
  });

  it('keeps every line, blank ones too, in code and plain-text hosts', () => {
    expect(paragraphsOf('a\n\nb', true)).toEqual(['a', '', 'b']);
  });

  it('keeps the empty first paragraph that puts an insertion on a line of its own', () => {
    expect(paragraphsOf('\nresult\n', false)).toEqual(['', 'result', '']);
    expect(paragraphsOf('one line', false)).toEqual(['one line']);
  });
});

describe('paragraphsAsHtml', () => {
  it('makes one escaped <p> of each paragraph', () => {
    expect(paragraphsAsHtml(['a < b & "c"', 'next'])).toBe('<p>a &lt; b &amp; &quot;c&quot;</p><p>next</p>');
  });
});

describe('textSignature', () => {
  it('leaves out white space, line breaks and the zero-width fillers editors render', () => {
    expect(textSignature('Hi\u00a0team,\n\n\u200bpls\ufeff fix\u2060')).toBe('Hiteam,plsfix');
  });
});

describe('editLandedAsIntended', () => {
  const before = { prefix: 'Hi team,\n\npls fix asap.', suffix: '\n\nThanks for looking.' };

  it('accepts the result between the text that surrounded the selection, however the editor spaced it', () => {
    expect(
      editLandedAsIntended('Hi team,\npls fix asap.\nPlease fix it.\nThanks for looking.', before, '\nPlease fix it.'),
    ).toBe(true);
  });

  it('rejects an edit that lost the selected sentence (Insert below on a stale selection)', () => {
    expect(editLandedAsIntended('Hi team,\nPlease fix it.\nThanks for looking.', before, '\nPlease fix it.')).toBe(
      false,
    );
  });

  it('rejects a doubled result and one that never arrived', () => {
    const doubled = 'Hi team,\npls fix asap.\nPlease fix it.Please fix it.\nThanks for looking.';
    expect(editLandedAsIntended(doubled, before, 'Please fix it.')).toBe(false);
    expect(editLandedAsIntended('Hi team,\npls fix asap.\nThanks for looking.', before, 'Please fix it.')).toBe(false);
  });

  it('compares only the text near the edit, so a long or virtualised document far away does not matter', () => {
    const near = 'y'.repeat(300) + ' near';
    const far = { prefix: 'far away '.repeat(2000) + near, suffix: ' after' };
    expect(editLandedAsIntended(`${near} NEW after`, far, 'NEW')).toBe(true);
  });
});

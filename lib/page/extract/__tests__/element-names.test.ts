import { describe, expect, it } from 'vitest';
import { NameMatcher } from '../element-names';
import { isShareAddress } from '../excluded-elements';

describe('names matched without regular expressions', () => {
  it('matches a whole token in any case, never a part of one', () => {
    const names = new NameMatcher({ tokens: ['sidebar', 'comments'] });
    expect(names.test('layout Sidebar')).toBe(true);
    expect(names.test('  comments\n')).toBe(true);
    expect(names.test('page-with-sidebar')).toBe(false);
    expect(names.test('comments-count')).toBe(false);
    expect(names.test('')).toBe(false);
  });

  it('matches a token that is a head or begins with it and "-" or "_"', () => {
    const names = new NameMatcher({ heads: ['ad', 'gpt-ad'] });
    expect(names.test('ad')).toBe(true);
    expect(names.test('box ad-slot')).toBe(true);
    expect(names.test('AD_unit')).toBe(true);
    expect(names.test('gpt-ad-728')).toBe(true);
    expect(names.test('adv header')).toBe(false);
    expect(names.test('shadow-ad')).toBe(false);
    expect(names.test('gpt-adx')).toBe(false);
  });

  it("matches a part between spaces, '_' and '-', over several words, with or without their hyphens", () => {
    const names = new NameMatcher({ parts: ['most-read', 'credit'] });
    expect(names.test('rail--most-read')).toBe(true);
    expect(names.test('c-mostread_list')).toBe(true);
    expect(names.test('article__credit')).toBe(true);
    expect(names.test('credit')).toBe(true);
    expect(names.test('most read')).toBe(false);
    expect(names.test('almost-read')).toBe(false);
    expect(names.test('creditcard')).toBe(false);
    expect(names.test('accredited')).toBe(false);
  });

  it('gives the same answer for a name asked again', () => {
    const names = new NameMatcher({ tokens: ['promo'] });
    for (let i = 0; i < 3; i++) {
      expect(names.test('promo')).toBe(true);
      expect(names.test('promotion')).toBe(false);
    }
  });
});

describe('share links', () => {
  it("knows the networks' share dialogs on any subdomain, with or without a scheme", () => {
    for (const address of [
      'https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fnews.example',
      '//facebook.com/dialog/feed?app_id=1',
      ' http://x.com/intent/tweet?text=Bridge',
      'https://twitter.com/share?url=x',
      'https://www.linkedin.com/shareArticle?mini=true',
      'https://pinterest.co.uk/pin/create/button/?url=x',
      'https://wa.me/?text=Bridge',
      'https://api.whatsapp.com/send?text=x',
      'https://LINE.me/R/msg/text/?x',
      'https://social-plugins.line.me/lineit/share',
      'https://connect.ok.ru/offer?url=x',
      'whatsapp://send?text=x',
      'mailto:?subject=Bridge&body=x',
      'sms:?body=Bridge',
      'sms:123&body=Bridge',
    ]) {
      expect(isShareAddress(address), address).toBe(true);
    }
  });

  it('does not take links to read, a profile, a message to someone, or a look-alike host for one', () => {
    for (const address of [
      'https://www.facebook.com/newsexample',
      'https://x.com/newsexample',
      'https://xfacebook.com/sharer',
      'https://facebook.com:443/sharer',
      'https://user@facebook.com/sharer',
      'https://.facebook.com/sharer',
      'https:facebook.com/sharer',
      'ftp://facebook.com/sharer',
      'https://pinterest.com/pin/123',
      'https://wa.me/4912345',
      'mailto:desk@news.example',
      'sms:+1@example?body=x',
      '/news/ferry',
      '#comments',
    ]) {
      expect(isShareAddress(address), address).toBe(false);
    }
  });
});

import { preferredLanguage } from './language';

describe('preferredLanguage', () => {
  it.each([
    [undefined, 'de'],
    ['', 'de'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['de-DE,de;q=0.9,en;q=0.8', 'de'],
    ['fr, en;q=0.5', 'en'],
    ['en;q=0.3, de;q=0.7', 'de'],
    ['en;q=0', 'de'],
    ['*', 'de'],
  ])('%p → %p', (header, expected) => {
    expect(preferredLanguage(header)).toBe(expected);
  });
});

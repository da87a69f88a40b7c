// Suggestions for mistyped names: close ones offered, far ones not.
import { describe, expect, it } from 'vitest';
import { closest, editDistance } from './suggest.js';

describe('editDistance', () => {
  it.each([
    ['copy', 'copy', 0],
    ['cpy', 'copy', 1],
    ['cpoy', 'copy', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('%s -> %s is %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});

describe('closest', () => {
  const commands = ['build', 'copy', 'inspect', 'images', 'tags', 'tag', 'run', 'rm', 'rmi'];
  it.each([
    ['cpy', 'copy'],
    ['biuld', 'build'],
    ['inspcet', 'inspect'],
    ['ins', 'inspect'],
    ['tgas', 'tags'],
    ['rmii', 'rmi'],
    ['xyz', undefined],
    ['deploy', undefined],
  ])('%s -> %s', (word, expected) => {
    expect(closest(word, commands)).toBe(expected);
  });

  it('offers the one-sided form of a flag', () => {
    expect(closest('creds', ['src-creds', 'dest-creds', 'all'])).toBe('src-creds');
  });
});

// State read back in a post step: absent is normal, corrupt is a clear error.
import { describe, expect, it } from 'vitest';
import { readJsonState } from './state.js';

describe('readJsonState', () => {
  it.each([
    [{}, undefined],
    [{ STATE_x: '' }, undefined],
    [{ STATE_x: '["a"]' }, ['a']],
  ])('%j', (env, expected) => {
    expect(readJsonState('x', env)).toEqual(expected);
  });

  it('names the state when it is not JSON', () => {
    expect(() => readJsonState('x', { STATE_x: '{' })).toThrow(
      /^reading the state "x" saved by the main step: /,
    );
  });
});

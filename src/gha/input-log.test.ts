// Logged inputs: readable, and secrets never printed.
import { describe, expect, it } from 'vitest';
import { formatInputs } from './input-log.js';

describe('formatInputs', () => {
  it('prints each kind of value and masks secrets', () => {
    const text = formatInputs(
      {
        source: 'docker://a',
        destinations: ['docker://b', 'oci:dir'],
        push: false,
        retries: 3,
        format: undefined,
        password: 'hunter2',
        empty: '',
        secrets: new Map([['TOKEN', 'abc']]),
        args: new Map([['A', '1']]),
        none: [],
      },
      ['password', 'secrets'],
    );
    expect(text).toBe(
      [
        'source: docker://a',
        'destinations:',
        '  docker://b',
        '  oci:dir',
        'push: false',
        'retries: 3',
        'format: (not set)',
        'password: ***',
        'empty: (not set)',
        'secrets:',
        '  TOKEN=***',
        'args:',
        '  A=1',
        'none: (none)',
      ].join('\n'),
    );
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('abc');
  });
});

// The store cache is opt-in: with the input off nothing happens (the restore itself is tested
// end to end in test/action-copy.test.ts, through the real @actions/cache).
import { describe, expect, it } from 'vitest';
import { consoleLogger } from '../core/log.js';
import { restoreStoreCache } from './store-cache.js';

function logger() {
  const lines: string[] = [];
  return { log: consoleLogger({ write: (l) => lines.push(l) }), lines };
}

const inputs = { store: '', cache: true, 'cache-key': '', 'cache-scope': '' };

describe('store cache', () => {
  it('does nothing when the cache input is off', async () => {
    const { log, lines } = logger();
    expect(await restoreStoreCache({ ...inputs, cache: false }, log)).toBeUndefined();
    expect(lines).toEqual([]);
  });
});

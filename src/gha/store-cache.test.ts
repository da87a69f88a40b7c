// The store cache never fails an action: without the cache engine it says so and carries on.
import { describe, expect, it } from 'vitest';
import { consoleLogger } from '../core/log.js';
import { restoreStoreCache, saveStoreCache } from './store-cache.js';

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

  it('runs uncached, saying why, until the cache engine lands', async () => {
    const { log, lines } = logger();
    expect(await restoreStoreCache(inputs, log)).toBeUndefined();
    await saveStoreCache({ store: '/s', key: 'k', scope: '' }, log);
    expect(lines.join('\n')).toMatch(/not in this build yet \(issue #4\)/);
  });
});

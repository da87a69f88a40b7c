// The store and CI-cache inputs every action shares, read the same way everywhere.
import type { InputReader } from './inputs.js';

export interface StoreInputs {
  store: string;
  cache: boolean;
  'cache-key': string;
  'cache-scope': string;
}

/** `cacheDefault` differs per action: build saves the store, copy and run only restore it. */
export function getStoreInputs(reader: InputReader, cacheDefault: boolean): StoreInputs {
  return {
    store: reader.getString('store'),
    cache: reader.getBoolean('cache', cacheDefault),
    'cache-key': reader.getString('cache-key'),
    'cache-scope': reader.getString('cache-scope'),
  };
}

// Test child process: copies one image into a layout under several tags, to race other writers.
// Usage: node --import scripts/ts-import.mjs write-tags.ts SRC_LAYOUT DEST_LAYOUT TAG...

import { copyByHand } from '../../../layout/testdata/copy-by-hand.js';
import { ociLayoutTransport } from '../transport.js';

const [src, dest, ...tags] = process.argv.slice(2);
if (!src || !dest || tags.length === 0) throw new Error('usage: write-tags SRC DEST TAG...');
for (const tag of tags) {
  const source = await ociLayoutTransport.openSource(ociLayoutTransport.parse(src));
  const destination = await ociLayoutTransport.openDestination(
    ociLayoutTransport.parse(`${dest}:${tag}`),
  );
  try {
    await copyByHand(source, destination);
  } finally {
    await destination.close();
    await source.close();
  }
}

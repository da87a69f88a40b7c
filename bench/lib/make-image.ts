// Writes a random-content image into an OCI layout for the benchmarks (same generator as the tests).
import { randomImage } from '../../test/helpers/random-image.js';

const [dir, layers, layerSize, tag = 'latest'] = process.argv.slice(2);
if (!dir || !layers || !layerSize) {
  process.stderr.write('usage: make-image.ts DIR LAYERS LAYER_SIZE_BYTES [TAG]\n');
  process.exit(2);
}
const image = await randomImage(dir, {
  layers: Number(layers),
  layerSize: Number(layerSize),
  seed: `bench-${layers}-${layerSize}`,
  tag,
});
process.stdout.write(`${image.manifestDescriptor.digest}\n`);

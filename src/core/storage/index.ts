// The local image store: an OCI layout with unpacked overlay layers (`Store`), and where it lives by default.
// `pull`/`push` live in ./pull.js, a level above (they drive the copy engine).

export { chainIds } from './chain-id.js';
export { Lease } from './lease.js';
export { defaultStoreDir } from './location.js';
export { LOCAL_REGISTRY, localImageName, normalizeName } from './names.js';
export {
  type AddImageOptions,
  type FaultPoint,
  type ImageOptions,
  type InspectedImage,
  type LayerDirsOptions,
  type PruneOptions,
  type PruneResult,
  type Removed,
  type RemoveOptions,
  Store,
  type StoredImage,
  type StoreOptions,
} from './store.js';

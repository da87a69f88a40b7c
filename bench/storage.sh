#!/usr/bin/env bash
# lighter pull into its store vs podman pull into containers-storage, side by side on the same data
# in one run:
#   pull: a 9-layer 256 MiB random image from a local registry into a fresh store (podman: a fresh
#         private --root, overlay driver), page cache flushed (sync) before every timed run, the
#         two tools taking turns; both end with the layers unpacked and ready to mount
#   cache: a warm CI-cache restore of that store (the real @actions/cache against the local cache
#         service over Azurite) into an empty store, then its layers unpacked
# Prints each wall time (median of RUNS), the ratio lighter/podman and the target.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
RUNS=${RUNS:-3}
cd "$BENCH_ROOT"
[ -f dist/cli/index.js ] || npm run -s bundle

ts_node=("$BENCH_ROOT/node_modules/.bin/node" --import "$(ts_hooks)")
src=$(start_registry source)
echo "making a 9-layer 256 MiB image..." >&2
"${ts_node[@]}" bench/lib/make-image.ts "$BENCH_WORK/img9" 9 $((256 * 1024 * 1024 / 9)) >/dev/null
skopeo copy -q --dest-tls-verify=false "oci:$BENCH_WORK/img9:latest" "docker://$src/bench/nine:1"

podman_conf=$(podman_private_conf)
# pull_cmd TOOL DIR: the command line that pulls the image into a fresh store at DIR.
pull_cmd() {
  local ref="$src/bench/nine:1"
  if [ "$1" = podman ]; then
    cmd=(env "CONTAINERS_CONF=$podman_conf" podman --root "$2/root" --runroot "$2/run"
      --storage-driver overlay pull -q --tls-verify=false "$ref")
  else
    cmd=("${LIGHTER[@]}" --store "$2" pull -q --tls-verify=false "$ref")
  fi
}

# One untimed pull each first: binaries, modules and V8's compile cache warm for both.
for tool in lighter podman; do
  pull_cmd "$tool" "$BENCH_WORK/warm-$tool"
  "${cmd[@]}" >>"$BENCH_WORK/commands.log" 2>&1
  rm -rf "$BENCH_WORK/warm-$tool"
done

declare -A pulls
pulls[lighter]=""
pulls[podman]=""
for run in $(seq "$RUNS"); do
  for tool in lighter podman; do
    dir="$BENCH_WORK/$tool-$run"
    pull_cmd "$tool" "$dir"
    sync
    timed t "${cmd[@]}"
    pulls[$tool]+="${t%% *} "
    # The store of the last run feeds the cache measurement; the others only take disk space.
    [ "$run" = "$RUNS" ] && [ "$tool" = lighter ] || rm -rf "$dir"
  done
done
store="$BENCH_WORK/lighter-$RUNS"
# Check what was timed: the image is whole and its layers were unpacked by the pull itself.
cat >"$BENCH_WORK/check.ts" <<TS
import { readdirSync } from 'node:fs';
import { Store } from '$BENCH_ROOT/src/core/storage/store.ts';
const [dir, ref] = process.argv.slice(2);
const unpacked = readdirSync(dir + '/layers').filter((n) => /^[a-f0-9]{64}\$/.test(n)).length;
const dirs = await (await Store.open(dir!)).layerDirs(ref!);
if (unpacked !== 9 || dirs.length !== 9) throw new Error('expected 9 unpacked layers, got ' + unpacked);
TS
if ! "${ts_node[@]}" "$BENCH_WORK/check.ts" "$store" "$src/bench/nine:1" >>"$BENCH_WORK/commands.log" 2>&1; then
  echo "the pulled store is not complete:" >&2
  tail -20 "$BENCH_WORK/commands.log" >&2
  exit 1
fi

cache_line=""
if [ -f src/core/cache/index.ts ]; then
  echo "saving the store to the CI cache (local service over Azurite)..." >&2
  cat >"$BENCH_WORK/cache.ts" <<TS
// Starts the cache service, saves the store once, then restores it RUNS times into empty stores,
// each in a fresh process as a job step would; prints "restore_s unpack_s" per restore.
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startCacheService } from '$BENCH_ROOT/test/helpers/cache-service.ts';
const [store, work, runs, hooks] = process.argv.slice(2);
const service = await startCacheService();
// Asynchronously: this process serves the cache service the child talks to.
const op = async (args: string[], n: number) => {
  const temp = join(work!, 'runner-temp-' + n);
  mkdirSync(temp, { recursive: true });
  const env = { ...process.env, ...service.env, RUNNER_TEMP: temp, GITHUB_WORKSPACE: temp };
  const r = await promisify(execFile)(process.execPath, ['--import', hooks!, join(work!, 'cache-op.ts'), ...args], { env, encoding: 'utf8' });
  return r.stdout.trim();
};
try {
  const saved = await op(['save', store!], 0);
  if (!/^(saved|unchanged)$/.test(saved)) throw new Error('cache save: ' + saved);
  for (let i = 1; i <= Number(runs); i++) {
    spawnSync('sync');
    process.stdout.write((await op(['restore', join(work!, 'restored-' + i)], i)) + '\n');
  }
} finally {
  await service.stop();
}
TS
  cat >"$BENCH_WORK/cache-op.ts" <<TS
import { restoreStoreCache, saveStoreCache } from '$BENCH_ROOT/src/core/cache/index.ts';
import { Store } from '$BENCH_ROOT/src/core/storage/store.ts';
const [op, store] = process.argv.slice(2);
const key = 'lighter-bench';
if (op === 'save') {
  const report = await saveStoreCache(store!, { key });
  process.stdout.write(report.status);
} else {
  const t0 = performance.now();
  const report = await restoreStoreCache(store!, { key });
  if (report.status !== 'hit') throw new Error('cache restore: ' + report.status);
  const t1 = performance.now();
  const s = await Store.open(store!);
  for (const image of await s.images()) await s.layerDirs(image);
  const t2 = performance.now();
  process.stdout.write(((t1 - t0) / 1000).toFixed(2) + ' ' + ((t2 - t1) / 1000).toFixed(2));
}
TS
  restores=()
  unpacks=()
  while read -r r u; do
    restores+=("$r")
    unpacks+=("$u")
  done < <("${ts_node[@]}" "$BENCH_WORK/cache.ts" "$store" "$BENCH_WORK" "$RUNS" "$(ts_hooks)" 2>>"$BENCH_WORK/commands.log")
  if [ "${#restores[@]}" -eq "$RUNS" ]; then
    cr=$(median "${restores[@]}")
    cu=$(median "${unpacks[@]}")
    cache_line=$(printf '%-36s %9ss %10s %8s %8s' "warm CI-cache restore of the store" "$cr" "-" "" "")
    cache_line+=$'\n'$(printf '%-36s %9ss %10s %8s %8s' "  then unpack its 9 layers" "$cu" "-" "" "")
  else
    cache_line="warm CI-cache restore: failed (see below)"$'\n'"$(tail -5 "$BENCH_WORK/commands.log")"
  fi
else
  cache_line="warm CI-cache restore: src/core/cache is not here yet; it is measured in the cache tests"
fi

pl=$(median ${pulls[lighter]})
pp=$(median ${pulls[podman]})
echo "lighter: dist/cli (lighter pull); $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-36s %10s %10s %8s %8s\n' "pull into a store (median of $RUNS)" lighter podman ratio target
printf '%-36s %9ss %9ss %8s %8s\n' "cold, 9 layers 256 MiB, unpacked" "$pl" "$pp" "$(ratio "$pl" "$pp")" "<=0.80"
printf '%-36s %10s %10s\n' "  each run" "${pulls[lighter]// /s }" "${pulls[podman]// /s }"
echo "$cache_line"

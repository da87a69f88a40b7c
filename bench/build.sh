#!/usr/bin/env bash
# lighter build vs buildah build, side by side on the same Dockerfiles, contexts and base image
# (a busybox image on a local registry, pulled by each tool into its own private store first):
#   app:        WORKDIR, COPY of 200 files, a RUN over them; cold (--no-cache) and fully cached
#   copy-only:  COPY of the same 200 files, cold and cached
#   memory:     lighter's peak RSS for COPY-only builds of 2000 files (200 MB) and 8000 files (800 MB)
# Each time is the median of RUNS builds. Targets: cold <= 0.70 x buildah, cached <= 0.50 x,
# memory flat in context size.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
RUNS=${RUNS:-5}
cd "$BENCH_ROOT"
[ -f dist/cli/index.js ] || npm run -s bundle
[ "$(id -u)" = 0 ] || { echo "bench/build.sh needs root (RUN steps, buildah's overlay)" >&2; exit 1; }

storage=(--root "$BENCH_WORK/buildah/root" --runroot "$BENCH_WORK/buildah/run" --storage-driver overlay)
build_cleanup() {
  if [ -n "${CONTAINERS_CONF:-}" ]; then buildah "${storage[@]}" rm -a >/dev/null 2>&1 || true; fi
  unmount_work
  bench_cleanup
}
trap build_cleanup EXIT
export LIGHTER_STATE_DIR="$BENCH_WORK/lighter-state" LIGHTER_STORE="$BENCH_WORK/lighter-store"
export CONTAINERS_CONF
CONTAINERS_CONF=$(podman_private_conf)
buildah=(buildah "${storage[@]}")
lighter=("${LIGHTER[@]}")

reg=$(start_registry images)
base="$reg/bench/busybox:1"
echo "making the base image..." >&2
rootfs="$BENCH_WORK/rootfs"
mkdir -p "$rootfs/bin" "$rootfs/etc" "$rootfs/tmp" "$rootfs/root"
cp /bin/busybox "$rootfs/bin/busybox"
for applet in $(/bin/busybox --list); do
  [ "$applet" = busybox ] || ln -sf busybox "$rootfs/bin/$applet"
done
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$rootfs/etc/passwd"
printf 'root:x:0:\nnobody:x:65534:\n' >"$rootfs/etc/group"
chmod 1777 "$rootfs/tmp"
ctr=$("${buildah[@]}" from scratch)
"${buildah[@]}" copy "$ctr" "$rootfs/" / >/dev/null
"${buildah[@]}" config --cmd sh --env PATH=/usr/sbin:/usr/bin:/sbin:/bin "$ctr"
"${buildah[@]}" commit -q "$ctr" localhost/bench/busybox:1 >/dev/null
"${buildah[@]}" rm "$ctr" >/dev/null
"${buildah[@]}" push -q --tls-verify=false localhost/bench/busybox:1 "docker://$base"
"${buildah[@]}" pull -q --tls-verify=false "$base" >/dev/null
"${lighter[@]}" copy -q "docker://$base" "storage:$base" >/dev/null

# make_context DIR FILES KB: FILES files of KB KiB each under DIR/src (pseudo-random, so gzip works).
make_context() {
  local dir=$1 files=$2 kb=$3
  mkdir -p "$dir/src"
  python3 - "$dir/src" "$files" "$kb" <<'PY'
import os, random, sys
root, files, kb = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(7)
words = [bytes(rng.choice(b'abcdefghijklmnopqrstuvwxyz') for _ in range(rng.randint(2, 9))) for _ in range(4096)]
text = b' '.join(rng.choice(words) for _ in range(400_000))
for i in range(files):
    sub = os.path.join(root, f'd{i % 20:02d}')
    os.makedirs(sub, exist_ok=True)
    start = rng.randrange(0, len(text) - kb * 1024)
    with open(os.path.join(sub, f'f{i:04d}.txt'), 'wb') as f:
        f.write(text[start:start + kb * 1024])
PY
}

app="$BENCH_WORK/app"
make_context "$app" 200 5
cat >"$app/Dockerfile" <<EOF
FROM $base
WORKDIR /app
COPY . .
RUN find /app/src -type f | wc -l > /app/count && cat /app/src/*/* | md5sum > /app/sum
CMD ["cat", "/app/count"]
EOF
copyonly="$BENCH_WORK/copy-only"
make_context "$copyonly" 200 5
printf 'FROM %s\nCOPY . /app/\n' "$base" >"$copyonly/Dockerfile"
mid="$BENCH_WORK/copy-mid"
make_context "$mid" 2000 100
printf 'FROM %s\nCOPY . /app/\n' "$base" >"$mid/Dockerfile"
big="$BENCH_WORK/copy-big"
make_context "$big" 8000 100
printf 'FROM %s\nCOPY . /app/\n' "$base" >"$big/Dockerfile"

# One untimed build each: first-use costs (runtime detection, layer unpacking) are not measured.
"${buildah[@]}" build -q --layers --tls-verify=false -t warm "$app" >/dev/null
"${lighter[@]}" build -t warm "$app" >/dev/null 2>&1

# bench NAME CONTEXT: fills secs[NAME-tool-mode] and mem[NAME-tool-mode] with medians.
declare -A secs mem
bench() {
  local name=$1 ctx=$2 t
  for mode in cold cached; do
    local bt=() lt=() bm=() lm=()
    for _ in $(seq "$RUNS"); do
      if [ "$mode" = cold ]; then
        timed t "${buildah[@]}" build -q --layers --no-cache -t "bench-$name" "$ctx"
        bt+=("${t% *}"); bm+=("${t#* }")
        timed t "${lighter[@]}" build --no-cache -t "bench-$name" "$ctx"
        lt+=("${t% *}"); lm+=("${t#* }")
      else
        timed t "${buildah[@]}" build -q --layers -t "bench-$name" "$ctx"
        bt+=("${t% *}"); bm+=("${t#* }")
        timed t "${lighter[@]}" build -t "bench-$name" "$ctx"
        lt+=("${t% *}"); lm+=("${t#* }")
      fi
    done
    secs[$name-buildah-$mode]=$(median "${bt[@]}")
    secs[$name-lighter-$mode]=$(median "${lt[@]}")
    mem[$name-buildah-$mode]=$(median "${bm[@]}")
    mem[$name-lighter-$mode]=$(median "${lm[@]}")
  done
}

echo "timing builds, $RUNS runs each..." >&2
bench app "$app"
bench copy "$copyonly"
# peak_rss NAME CONTEXT: median peak RSS (KB) of cold lighter builds of CONTEXT (MEM_RUNS of
# them: memory varies far less than time, and these builds are long).
peak_rss() {
  local kbs=() t
  for _ in $(seq "${MEM_RUNS:-1}"); do
    timed t "${lighter[@]}" build --no-cache -t "bench-$1" "$2"
    kbs+=("${t#* }")
  done
  median "${kbs[@]}"
}
mid_kb=$(peak_rss mid "$mid")
big_kb=$(peak_rss big "$big")
mid_mb=$(du -sm "$mid/src" | cut -f1)
big_mb=$(du -sm "$big/src" | cut -f1)

printf '\n%-22s %10s %10s %8s %8s\n' 'build (median)' 'buildah s' 'lighter s' 'ratio' 'target'
for name in app copy; do
  for mode in cold cached; do
    b=${secs[$name-buildah-$mode]} l=${secs[$name-lighter-$mode]}
    target=0.70; [ "$mode" = cached ] && target=0.50
    printf '%-22s %10s %10s %8s %8s\n' "$name $mode" "$b" "$l" "$(ratio "$l" "$b")" "$target"
  done
done
printf '\n%-34s %12s %12s\n' 'peak RSS (median)' 'buildah MB' 'lighter MB'
for name in app copy; do
  for mode in cold cached; do
    printf '%-34s %12s %12s\n' "$name $mode" "$(( ${mem[$name-buildah-$mode]} / 1024 ))" "$(( ${mem[$name-lighter-$mode]} / 1024 ))"
  done
done
printf '\nlighter peak RSS, COPY-only cold: %s MB context %s MB, %s MB context %s MB: ratio %s (flat: close to 1)\n' \
  "$mid_mb" "$(( mid_kb / 1024 ))" "$big_mb" "$(( big_kb / 1024 ))" "$(ratio "$big_kb" "$mid_kb")"

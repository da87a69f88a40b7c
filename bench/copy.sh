#!/usr/bin/env bash
# lighter copy vs skopeo copy, side by side on the same data in one run:
#   cold: a 9-layer 256 MiB random image from one local registry to a fresh one
#   warm: the same copy again, every blob already at the destination
#   memory: peak RSS copying a 1 GiB single-layer image
# Prints each wall time, the ratios lighter/skopeo, and the peak memory.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
RUNS=${RUNS:-3}
cd "$BENCH_ROOT"
[ -f dist/cli/index.js ] || npm run -s bundle

ts_node=("$BENCH_ROOT/node_modules/.bin/node" --import "$BENCH_ROOT/scripts/ts-import.mjs")
src=$(start_registry source)
echo "making a 9-layer 256 MiB image and a 1 GiB single-layer image..." >&2
"${ts_node[@]}" bench/lib/make-image.ts "$BENCH_WORK/img9" 9 $((256 * 1024 * 1024 / 9)) >/dev/null
"${ts_node[@]}" bench/lib/make-image.ts "$BENCH_WORK/img1g" 1 $((1024 * 1024 * 1024)) >/dev/null
skopeo copy -q --dest-tls-verify=false "oci:$BENCH_WORK/img9:latest" "docker://$src/bench/nine:1"
skopeo copy -q --dest-tls-verify=false "oci:$BENCH_WORK/img1g:latest" "docker://$src/bench/big:1"

declare -A cold warm
for tool in skopeo lighter; do cold[$tool]=""; warm[$tool]=""; done
for run in $(seq "$RUNS"); do
  for tool in skopeo lighter; do
    dst=$(start_registry "$tool-$run")
    if [ "$tool" = skopeo ]; then
      cmd=(skopeo copy -q --src-tls-verify=false --dest-tls-verify=false)
    else
      cmd=("${LIGHTER[@]}" copy -q)
    fi
    timed t "${cmd[@]}" "docker://$src/bench/nine:1" "docker://$dst/bench/nine:1"
    cold[$tool]+="${t%% *} "
    timed t "${cmd[@]}" "docker://$src/bench/nine:1" "docker://$dst/bench/nine:1"
    warm[$tool]+="${t%% *} "
  done
done

for tool in skopeo lighter; do
  dst=$(start_registry "$tool-big")
  if [ "$tool" = skopeo ]; then
    timed m skopeo copy -q --src-tls-verify=false --dest-tls-verify=false "docker://$src/bench/big:1" "docker://$dst/bench/big:1"
  else
    timed m "${LIGHTER[@]}" copy -q "docker://$src/bench/big:1" "docker://$dst/bench/big:1"
  fi
  declare "mem_$tool=$(( ${m##* } / 1024 ))"
done

cs=$(median ${cold[skopeo]}); cl=$(median ${cold[lighter]})
ws=$(median ${warm[skopeo]}); wl=$(median ${warm[lighter]})
printf '%-34s %10s %10s %8s %8s\n' "copy (median of $RUNS)" skopeo lighter ratio target
printf '%-34s %9ss %9ss %8s %8s\n' "cold, 9 layers 256 MiB" "$cs" "$cl" "$(ratio "$cl" "$cs")" "<=0.70"
printf '%-34s %9ss %9ss %8s %8s\n' "warm, every blob present" "$ws" "$wl" "$(ratio "$wl" "$ws")" "<=1.00"
printf '%-34s %8sMB %8sMB %8s %8s\n' "peak RSS, 1 GiB single layer" "$mem_skopeo" "$mem_lighter" "" "<200MB"

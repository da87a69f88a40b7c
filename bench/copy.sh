#!/usr/bin/env bash
# lighter copy vs skopeo copy, side by side on the same data in one run:
#   cold: a 9-layer 256 MiB random image from one local registry to a fresh one
#   warm: the same copy again, every blob already at the destination
#   memory: peak RSS copying a 1 GiB single-layer image
# and two floors that no client can go under, measured on the same registries in the same run:
#   cold floor: each blob piped from curl to curl (no hashing, no manifest), all at once
#   warm floor: a bare Node program that only asks what a warm copy must ask (source manifest,
#               destination manifest HEAD) with node:http: Node's start-up is in every lighter run
# Prints each wall time, the ratios lighter/skopeo, the floors' ratios to skopeo, and the memory.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
RUNS=${RUNS:-3}
cd "$BENCH_ROOT"
[ -f dist/cli/index.js ] || npm run -s bundle

ts_node=("$BENCH_ROOT/node_modules/.bin/node" --import "$BENCH_ROOT/scripts/ts-import.mjs")
src=$(start_registry source)
src_pid=$(tail -1 "$BENCH_WORK/pids")
echo "making a 9-layer 256 MiB image and a 1 GiB single-layer image..." >&2
"${ts_node[@]}" bench/lib/make-image.ts "$BENCH_WORK/img9" 9 $((256 * 1024 * 1024 / 9)) >/dev/null
"${ts_node[@]}" bench/lib/make-image.ts "$BENCH_WORK/img1g" 1 $((1024 * 1024 * 1024)) >/dev/null
skopeo copy -q --dest-tls-verify=false "oci:$BENCH_WORK/img9:latest" "docker://$src/bench/nine:1"
skopeo copy -q --dest-tls-verify=false "oci:$BENCH_WORK/img1g:latest" "docker://$src/bench/big:1"

# The cold floor: every blob of the image piped from a GET on the source to a PUT on a fresh
# registry by curl, in parallel; what the two registries cost with a client that does nothing.
curl_copy_blobs() {
  local dst=$1 digest loc sep
  for digest in $(jq -r '.config.digest, .layers[].digest' "$BENCH_WORK/nine.json"); do
    (
      loc=$(curl -sf -i -X POST "http://$dst/v2/bench/nine/blobs/uploads/" | tr -d '\r' |
        awk -F': ' 'tolower($1) == "location" {print $2}')
      [[ $loc == http* ]] || loc="http://$dst$loc"
      sep='?'; [[ $loc == *\?* ]] && sep='&'
      curl -sf "http://$src/v2/bench/nine/blobs/$digest" |
        curl -sf -o /dev/null -X PUT -H 'Content-Type: application/octet-stream' -T - "$loc${sep}digest=$digest"
    ) &
  done
  wait
}
curl -sf -H 'Accept: application/vnd.oci.image.manifest.v1+json' \
  "http://$src/v2/bench/nine/manifests/1" >"$BENCH_WORK/nine.json"
# The warm floor: Node's start, node:http, and the two requests a warm copy cannot skip.
cat >"$BENCH_WORK/warm-floor.mjs" <<'JS'
import http from 'node:http';
const ask = (url, method) => new Promise((resolve, reject) => {
  const req = http.request(url, { method, headers: { accept: 'application/vnd.oci.image.manifest.v1+json' } },
    (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)); });
  req.on('error', reject);
  req.end();
});
const [src, dst] = process.argv.slice(2);
const codes = [await ask(`http://${src}/v2/bench/nine/manifests/1`, 'GET'), await ask(`http://${dst}/v2/bench/nine/manifests/1`, 'HEAD')];
if (codes.some((c) => c !== 200)) { console.error(`warm floor: ${codes}`); process.exit(1); }
JS

declare -A cold warm regcpu
for tool in skopeo lighter floor; do cold[$tool]=""; warm[$tool]=""; regcpu[$tool]=""; done
# CPU seconds (user + system) a process has used so far.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$1/stat"; }
# The registries' own CPU during a cold copy: on a machine of few cores it bounds every client.
registries_cpu() { python3 -c "print(f'{$(cpu_seconds "$src_pid") + $(cpu_seconds "$dst_pid") - $1:.2f}')"; }
for run in $(seq "$RUNS"); do
  for tool in skopeo lighter floor; do
    dst=$(start_registry "$tool-$run")
    dst_pid=$(tail -1 "$BENCH_WORK/pids")
    before=$(python3 -c "print($(cpu_seconds "$src_pid") + $(cpu_seconds "$dst_pid"))")
    if [ "$tool" = floor ]; then
      wall t curl_copy_blobs "$dst"
      cold[$tool]+="$t "
      regcpu[$tool]+="$(registries_cpu "$before") "
      # The floor's destination has blobs only: the warm floor reads the skopeo run's registry.
      wall t "${LIGHTER[0]}" "$BENCH_WORK/warm-floor.mjs" "$src" "$skopeo_dst"
      warm[$tool]+="$t "
      continue
    fi
    if [ "$tool" = skopeo ]; then
      cmd=(skopeo copy -q --src-tls-verify=false --dest-tls-verify=false)
      skopeo_dst=$dst
    else
      cmd=("${LIGHTER[@]}" copy -q)
    fi
    wall t "${cmd[@]}" "docker://$src/bench/nine:1" "docker://$dst/bench/nine:1"
    cold[$tool]+="$t "
    regcpu[$tool]+="$(registries_cpu "$before") "
    wall t "${cmd[@]}" "docker://$src/bench/nine:1" "docker://$dst/bench/nine:1"
    warm[$tool]+="$t "
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
cf=$(median ${cold[floor]}); wf=$(median ${warm[floor]})
printf '%-34s %10s %10s %8s %8s %10s %8s\n' "copy (median of $RUNS)" skopeo lighter ratio target floor "floor/sk"
printf '%-34s %9ss %9ss %8s %8s %9ss %8s\n' "cold, 9 layers 256 MiB" "$cs" "$cl" "$(ratio "$cl" "$cs")" "<=0.70" "$cf" "$(ratio "$cf" "$cs")"
printf '%-34s %9ss %9ss %8s %8s %9ss %8s\n' "warm, every blob present" "$ws" "$wl" "$(ratio "$wl" "$ws")" "<=1.00" "$wf" "$(ratio "$wf" "$ws")"
printf '%-34s %8sMB %8sMB %8s %8s\n' "peak RSS, 1 GiB single layer" "$mem_skopeo" "$mem_lighter" "" "<200MB"
rc=$(median ${regcpu[skopeo]} ${regcpu[lighter]} ${regcpu[floor]})
printf '%-34s %9ss   (so no client beats %ss on %s cores)\n' "registries' own CPU, cold copy" "$rc" \
  "$(python3 -c "print(f'{$rc / $(nproc):.2f}')")" "$(nproc)"
echo "floors: cold = curl piping each blob GET to PUT, all at once; warm = node:http, 2 requests" >&2
for k in cold warm regcpu; do
  declare -n m=$k
  echo "  $k runs (s): skopeo [${m[skopeo]% }] lighter [${m[lighter]% }] floor [${m[floor]% }]" >&2
done

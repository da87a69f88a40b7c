#!/usr/bin/env bash
# lighter run vs podman run, side by side on the same busybox image (built by buildah, pushed to a
# local registry, pulled by each tool into its own private store before timing):
#   run --rm IMAGE true: start to exit, median of RUNS
#   a pod of two services (httpd, a TCP echo) plus a client, from `pod create` (or `kube play`)
#   until the client has talked to both and exited; removing the pod timed apart: median of POD_RUNS
# Prints each wall time in milliseconds and the ratio lighter/podman (target <= 0.50).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
RUNS=${RUNS:-11}
POD_RUNS=${POD_RUNS:-5}
cd "$BENCH_ROOT"
[ -f dist/cli/index.js ] || npm run -s bundle
[ "$(id -u)" = 0 ] || { echo "bench/run.sh needs root (containers, overlay mounts)" >&2; exit 1; }

# Containers, pods and mounts of both tools go before common.sh removes the work dir.
run_cleanup() {
  "${LIGHTER[@]}" pod rm -af >/dev/null 2>&1 || true
  "${LIGHTER[@]}" rm -af >/dev/null 2>&1 || true
  if [ -n "${CONTAINERS_CONF:-}" ]; then
    podman "${storage[@]}" pod rm -af -t 0 >/dev/null 2>&1 || true
    podman "${storage[@]}" rm -af -t 0 >/dev/null 2>&1 || true
    buildah "${storage[@]}" rm -a >/dev/null 2>&1 || true
  fi
  unmount_work
  bench_cleanup
}
trap run_cleanup EXIT
storage=(--root "$BENCH_WORK/podman/root" --runroot "$BENCH_WORK/podman/run" --storage-driver overlay)
export LIGHTER_STATE_DIR="$BENCH_WORK/lighter-state" LIGHTER_STORE="$BENCH_WORK/lighter-store"

# Milliseconds of wall time of a command (date has ns resolution; /usr/bin/time has 10 ms).
ms_timed() {
  local __out=$1; shift
  local start end
  settle
  start=$(date +%s%N)
  "$@" >>"$BENCH_WORK/commands.log" 2>&1 || {
    echo "command failed: $*" >&2; tail -20 "$BENCH_WORK/commands.log" >&2; return 1; }
  end=$(date +%s%N)
  printf -v "$__out" '%s' "$(( (end - start) / 1000000 ))"
}

# podman's conmon runs `podman container cleanup` after a container exits, in the background:
# work that is not in podman's time but would land in whatever is timed next. Each timed
# command starts only once no such process is left (lighter leaves none behind).
settle() {
  local i
  for i in $(seq 250); do
    pgrep -f -- "--root $BENCH_WORK/podman/root.* container cleanup" >/dev/null || return 0
    sleep 0.02
  done
}

reg=$(start_registry images)
image="$reg/bench/busybox:1"

# The image: bin/busybox with its applet links, /etc/passwd and /etc/group, Cmd sh.
echo "building the busybox image with buildah..." >&2
rootfs="$BENCH_WORK/rootfs"
mkdir -p "$rootfs/bin" "$rootfs/etc" "$rootfs/tmp" "$rootfs/root"
cp /bin/busybox "$rootfs/bin/busybox"
for applet in $(/bin/busybox --list); do
  [ "$applet" = busybox ] || ln -sf busybox "$rootfs/bin/$applet"
done
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$rootfs/etc/passwd"
printf 'root:x:0:\nnobody:x:65534:\n' >"$rootfs/etc/group"
chmod 1777 "$rootfs/tmp"
export CONTAINERS_CONF
CONTAINERS_CONF=$(podman_private_conf)
buildah=(buildah "${storage[@]}")
ctr=$("${buildah[@]}" from scratch)
"${buildah[@]}" copy "$ctr" "$rootfs/" / >/dev/null
"${buildah[@]}" config --cmd sh --env PATH=/usr/sbin:/usr/bin:/sbin:/bin "$ctr"
"${buildah[@]}" commit -q "$ctr" localhost/bench/busybox:1 >/dev/null
"${buildah[@]}" push -q --tls-verify=false localhost/bench/busybox:1 "docker://$image"

podman=(podman "${storage[@]}")
lighter=("${LIGHTER[@]}")
"${podman[@]}" pull -q --tls-verify=false "$image" >/dev/null
"${lighter[@]}" pull -q "$image" >/dev/null 2>&1 || "${lighter[@]}" copy -q "docker://$image" "storage:$image"
# One untimed run each: first-use costs (layer unpacking, caches) are not what is measured.
"${podman[@]}" run --rm "$image" true
"${lighter[@]}" run --rm "$image" true

declare -A single pod kube down kdown
for tool in podman lighter; do single[$tool]=""; pod[$tool]=""; kube[$tool]=""; down[$tool]=""; kdown[$tool]=""; done
echo "timing run --rm $image true, $RUNS runs each..." >&2
for _ in $(seq "$RUNS"); do
  for tool in podman lighter; do
    declare -n cmd=$tool
    ms_timed t "${cmd[@]}" run --rm "$image" true
    single[$tool]+="$t "
  done
done

# The pod: httpd and a TCP echo, then a client that needs both. podman starts services without
# waiting, so its client retries until both answer; lighter waits for each service's TCP
# readiness check. Two forms: the CLI (pod create, run -d twice, run --rm) and kube play.
client='for i in $(seq 200); do wget -qO- http://localhost:8080/etc/hostname >/dev/null 2>&1 && [ "$(echo ping | nc localhost 9000)" = ping ] && exit 0; sleep 0.05; done; exit 1'
printf '%s\n' \
  'set -e' \
  "\"\$@\" pod create --name benchpod >/dev/null" \
  "\"\$@\" run -d --pod benchpod --name web $image httpd -f -p 8080 -h / >/dev/null" \
  "\"\$@\" run -d --pod benchpod --name echo $image nc -ll -p 9000 -e cat >/dev/null" \
  "\"\$@\" run --rm --pod benchpod $image sh -c '$client'" >"$BENCH_WORK/pod-podman.sh"
health='--health-interval 0.05s --health-retries 200'
printf '%s\n' \
  'set -e' \
  "\"\$@\" pod create benchpod >/dev/null" \
  "\"\$@\" run -d --pod benchpod --name web --health-cmd tcp://:8080 $health $image httpd -f -p 8080 -h / >/dev/null" \
  "\"\$@\" run -d --pod benchpod --name echo --health-cmd tcp://:9000 $health $image nc -ll -p 9000 -e cat >/dev/null" \
  "\"\$@\" run --rm --pod benchpod $image sh -c '$client'" >"$BENCH_WORK/pod-lighter.sh"
cat >"$BENCH_WORK/pod.yaml" <<YAML
apiVersion: v1
kind: Pod
metadata: {name: benchpod}
spec:
  containers:
  - name: web
    image: "$image"
    command: [httpd, -f, -p, "8080", -h, /]
    readinessProbe: {tcpSocket: {port: 8080}, periodSeconds: 1, failureThreshold: 30}
  - name: echo
    image: "$image"
    command: [nc, -ll, -p, "9000", -e, cat]
    readinessProbe: {tcpSocket: {port: 9000}, periodSeconds: 1, failureThreshold: 30}
YAML
printf '%s\n' \
  'set -e' \
  "\"\$@\" kube play $BENCH_WORK/pod.yaml >/dev/null" \
  "\"\$@\" run --rm --pod benchpod $image sh -c '$client'" >"$BENCH_WORK/kube.sh"
rm_pod() {
  if [ "$1" = podman ]; then "${podman[@]}" pod rm -f -t 0 benchpod; else "${lighter[@]}" pod rm -f benchpod; fi
}
echo "timing a pod of two services and a client, $POD_RUNS runs each of two forms..." >&2
for _ in $(seq "$POD_RUNS"); do
  for tool in podman lighter; do
    declare -n cmd=$tool
    ms_timed t bash "$BENCH_WORK/pod-$tool.sh" "${cmd[@]}"
    pod[$tool]+="$t "
    ms_timed t rm_pod "$tool"
    down[$tool]+="$t "
    ms_timed t bash "$BENCH_WORK/kube.sh" "${cmd[@]}"
    kube[$tool]+="$t "
    ms_timed t rm_pod "$tool"
    kdown[$tool]+="$t "
  done
done

row() { printf '%-50s %8s %8s %7s %7s\n' "$1" "$2" "$3" "$(ratio "$3" "$2")" "$4"; }
printf '%-50s %8s %8s %7s %7s\n' "wall time, ms (median)" podman lighter ratio target
row "run --rm IMAGE true ($RUNS runs)" "$(median ${single[podman]})" "$(median ${single[lighter]})" "<=0.50"
row "pod, 2 services + client, CLI: to client exit" "$(median ${pod[podman]})" "$(median ${pod[lighter]})" "<=0.50"
row "pod, 2 services + client, kube play: to exit" "$(median ${kube[podman]})" "$(median ${kube[lighter]})" "<=0.50"
row "  then pod rm -f (CLI form)" "$(median ${down[podman]})" "$(median ${down[lighter]})" ""
row "  then pod rm -f (kube play form)" "$(median ${kdown[podman]})" "$(median ${kdown[lighter]})" ""

# What no lighter built as it is (a Node CLI per command, runc per container) can go under:
# its bare start (`lighter --version`) per command, and `runc run` of the same busybox rootfs
# running `true` per container. The CLI form of the pod is 4 commands and 3 containers; kube
# play's is 2 commands, and 2 runc runs if its two services start side by side on 2 cores.
floor_bundle="$BENCH_WORK/floor-bundle"
mkdir -p "$floor_bundle"
runc spec --bundle "$floor_bundle"
jq --arg rootfs "$rootfs" '.root = {path: $rootfs, readonly: true} | .process.terminal = false
  | .process.args = ["/bin/true"]' "$floor_bundle/config.json" >"$floor_bundle/config.new"
mv "$floor_bundle/config.new" "$floor_bundle/config.json"
starts="" runcs=""
for i in $(seq "$RUNS"); do
  ms_timed t "${lighter[@]}" --version
  starts+="$t "
  ms_timed t runc --root "$BENCH_WORK/floor-runc" run --bundle "$floor_bundle" "floor-$i"
  runcs+="$t "
done
start=$(median $starts)
runc_run=$(median $runcs)
pod_floor=$((4 * start + 3 * runc_run))
printf '%-50s %8s %8s %7s\n' "floor: lighter --version; runc run true" "" "$start; $runc_run" ""
printf '%-50s %8s %8s %7s\n' "floor of the pod's CLI form (4 starts, 3 runc runs)" \
  "$(median ${pod[podman]})" "$pod_floor" "$(ratio "$pod_floor" "$(median ${pod[podman]})")"
kube_floor=$((2 * start + 2 * runc_run))
printf '%-50s %8s %8s %7s\n' "floor of the kube play form (2 starts, 2 runc runs)" \
  "$(median ${kube[podman]})" "$kube_floor" "$(ratio "$kube_floor" "$(median ${kube[podman]})")"
{
  echo "all runs, ms:"
  for k in single pod kube down kdown; do
    declare -n m=$k
    echo "  $k: podman [${m[podman]% }] lighter [${m[lighter]% }]"
  done
} >&2

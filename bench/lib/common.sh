# Shared by the bench scripts: real registries on free loopback ports, timing and ratios.
# Sourced, not run. Every registry started here is stopped by the EXIT trap.

BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH_WORK=$(mktemp -d "${TMPDIR:-/tmp}/lighter-bench.XXXXXX")
BENCH_PIDS=()
LIGHTER=("$BENCH_ROOT/node_modules/.bin/node" "$BENCH_ROOT/dist/cli/index.js")

bench_cleanup() {
  # start_registry runs in a $(...) subshell, so its pids come back through a file.
  [ -f "$BENCH_WORK/pids" ] && mapfile -t -O "${#BENCH_PIDS[@]}" BENCH_PIDS <"$BENCH_WORK/pids"
  for pid in "${BENCH_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$BENCH_WORK"
}
trap bench_cleanup EXIT

# Unmounts what is still mounted under the work dir (containers' and builds' overlays), deepest
# first. None left means grep finds nothing: under pipefail that fails, and would end the
# caller's EXIT trap before bench_cleanup stops the registries.
unmount_work() {
  { grep -o " $BENCH_WORK[^ ]*" /proc/self/mountinfo || true; } | sort -r | while read -r m; do
    umount -l "$m" 2>/dev/null || true
  done
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# start_registry NAME -> prints 127.0.0.1:PORT once the registry answers
start_registry() {
  local name=$1 port dir
  port=$(free_port)
  dir="$BENCH_WORK/registry-$name"
  mkdir -p "$dir/data"
  cat >"$dir/config.yml" <<YAML
version: 0.1
log: {level: error, accesslog: {disabled: true}}
storage: {filesystem: {rootdirectory: $dir/data}, delete: {enabled: true}}
http: {addr: 127.0.0.1:$port, secret: bench}
YAML
  docker-registry serve "$dir/config.yml" >"$dir/log" 2>&1 &
  BENCH_PIDS+=($!)
  echo $! >>"$BENCH_WORK/pids"
  for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$port/v2/" >/dev/null 2>&1 && { echo "127.0.0.1:$port"; return; }
    sleep 0.05
  done
  echo "registry $name did not start: $(cat "$dir/log")" >&2
  return 1
}

# timed OUTVAR CMD... : runs CMD, stores "seconds peak_kb" in OUTVAR; output goes to a log.
timed() {
  local __out=$1; shift
  local f="$BENCH_WORK/time.$RANDOM"
  /usr/bin/time -f '%e %M' -o "$f" "$@" >>"$BENCH_WORK/commands.log" 2>&1 || {
    echo "command failed: $*" >&2; tail -20 "$BENCH_WORK/commands.log" >&2; return 1; }
  printf -v "$__out" '%s' "$(tail -1 "$f")"
}

# wall OUTVAR CMD... : runs CMD (a shell function too), stores its wall time in seconds with
# millisecond resolution (/usr/bin/time's 10 ms are too coarse for runs of tens of milliseconds).
wall() {
  local __out=$1; shift
  local start end
  start=$(date +%s%N)
  "$@" >>"$BENCH_WORK/commands.log" 2>&1 || {
    echo "command failed: $*" >&2; tail -20 "$BENCH_WORK/commands.log" >&2; return 1; }
  end=$(date +%s%N)
  printf -v "$__out" '%d.%03d' "$(( (end - start) / 1000000000 ))" "$(( (end - start) / 1000000 % 1000 ))"
}

ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }

# median of the arguments
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# ts_hooks -> path of an --import hook that lets node run our TypeScript sources directly.
# Like scripts/ts-import.mjs, but with in-thread hooks (module.registerHooks), which cost far
# less start-up time than a loader thread, and V8's compile cache, as the CLI bundle turns on:
# bench timings are about the work, not the loader.
ts_hooks() {
  local f="$BENCH_WORK/ts-hooks.mjs"
  [ -f "$f" ] || cat >"$f" <<'JS'
import { existsSync } from 'node:fs';
import module, { registerHooks } from 'node:module';
module.enableCompileCache?.();
import { fileURLToPath } from 'node:url';
registerHooks({
  resolve(specifier, context, next) {
    if ((specifier.startsWith('.') || specifier.startsWith('/')) && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
      const ts = new URL(`${specifier.slice(0, -3)}.ts`, context.parentURL);
      if (existsSync(fileURLToPath(ts))) return next(ts.href, context);
    }
    return next(specifier, context);
  },
});
JS
  echo "$f"
}

# podman_private_conf -> a CONTAINERS_CONF for podman/buildah as peers (see HOST-NOTES): runc,
# cgroupfs, file events, ulimits within the host's hard limits. Pair it with --root/--runroot.
podman_private_conf() {
  local f="$BENCH_WORK/containers.conf"
  [ -f "$f" ] || cat >"$f" <<'CONF'
[containers]
default_ulimits = ["nofile=4096:4096", "nproc=4096:4096"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
  echo "$f"
}

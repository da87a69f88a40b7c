// Liveness checks while tests run: a service that stops answering is reported, once, instead of failing silently.
//
// Kubernetes would restart the container; lighter does not restart anything (a CI run should
// see the failure, not hide it), so the watcher only reports.

import { describeCheck, type Probe, runCheck } from '../run/probe.js';
import type { Container } from '../runtime/index.js';
import type { Pod } from './pod.js';
import { connectFor, execFor, exitedFor } from './ready.js';

export interface WatchedContainer {
  name: string;
  container: Container;
  probe: Probe;
  pod?: Pod;
}

/** Checks each container every probe interval; `onFailure` is called after `retries` failures in a row. */
export function watchLiveness(
  watched: readonly WatchedContainer[],
  onFailure: (name: string, reason: string) => void,
): { stop(): void } {
  const timers = new Map<string, NodeJS.Timeout>();
  let stopped = false;
  for (const w of watched) {
    let failures = 0;
    const io = { connect: connectFor('pod', w.pod), exec: execFor(w.container) };
    const exited = exitedFor(w.container);
    const tick = async () => {
      if (stopped) return;
      const code = await exited();
      if (code !== undefined) {
        onFailure(w.name, `exited with code ${code}`);
        return;
      }
      const result = await runCheck(w.probe.check, w.probe.timeoutMs, io);
      failures = result.ok ? 0 : failures + 1;
      if (failures >= Math.max(1, w.probe.retries)) {
        onFailure(
          w.name,
          `${describeCheck(w.probe.check)} failed ${failures} time(s): ${result.detail}`,
        );
        return;
      }
      if (!stopped) schedule();
    };
    const schedule = () => {
      const timer = setTimeout(tick, w.probe.intervalMs);
      // Watching must never keep the process alive on its own.
      timer.unref();
      timers.set(w.name, timer);
    };
    schedule();
  }
  return {
    stop() {
      stopped = true;
      for (const t of timers.values()) clearTimeout(t);
    },
  };
}

// A reverse proxy in front of a real registry that injects scripted network faults into matching requests.

import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What happens to a request a fault matches. */
export type FaultAction =
  /** Reset the client's connection before anything reaches the registry. */
  | { kind: 'reset' }
  /** Answer without asking the registry (500, 503, 429 with `retry-after`, ...). */
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  /**
   * Forward, then cut the response body after `afterBytes` bytes and reset the connection (a
   * shorter body passes whole).
   */
  | { kind: 'truncate'; afterBytes: number }
  /** Forward, then hold the response body for `ms` after `afterBytes` bytes (default 0). */
  | { kind: 'stall'; ms: number; afterBytes?: number }
  /** Forward the whole request, let the registry act on it, then reset instead of answering. */
  | { kind: 'drop-response' }
  /** Forward only the first `afterBytes` bytes of the request body, then reset both sides. */
  | { kind: 'cut-request'; afterBytes: number }
  /** Forward without the Range header, as a server without range support would answer. */
  | { kind: 'no-range' };

export interface Fault {
  /** HTTP method to match; any when omitted. */
  method?: string;
  /** Matches the request path and query: a RegExp, or a substring. Any when omitted. */
  path?: RegExp | string;
  /** Let this many matching requests through untouched first (default 0). */
  skip?: number;
  /** How many matching requests get the fault (default 1; Infinity for all). */
  times?: number;
  action: FaultAction;
}

export interface ProxiedRequest {
  method: string;
  /** Path without the query string (upload state and signatures stay out of test output). */
  path: string;
  headers: IncomingMessage['headers'];
  /** The fault applied, if any. */
  fault?: FaultAction['kind'];
  /** Status the client saw (undefined when the connection was reset first). */
  status?: number;
}

export interface FaultProxy {
  /** `127.0.0.1:PORT`: use it as the registry name. */
  host: string;
  url: string;
  /** Every request seen, in arrival order. */
  readonly requests: ProxiedRequest[];
  /** Arms faults; each request takes the first armed fault that matches it. */
  inject(...faults: Fault[]): void;
  /** Disarms every fault and forgets the request log. */
  reset(): void;
  /** Faults not yet used up. */
  armed(): number;
  stop(): Promise<void>;
}

interface ArmedFault extends Fault {
  skipLeft: number;
  timesLeft: number;
}

function matches(fault: Fault, req: IncomingMessage): boolean {
  if (fault.method && fault.method.toUpperCase() !== req.method) return false;
  const path = req.url ?? '/';
  if (fault.path instanceof RegExp) return fault.path.test(path);
  if (typeof fault.path === 'string') return path.includes(fault.path);
  return true;
}

function kill(socket: Socket | null | undefined): void {
  if (!socket || socket.destroyed) return;
  // An RST (not a FIN) is what a dropped NAT entry or a crashed proxy looks like to the client.
  socket.resetAndDestroy();
}

/**
 * Starts a proxy on a free 127.0.0.1 port forwarding to `target` (`http://127.0.0.1:PORT`).
 * The Host header is passed through, so the registry writes upload Locations that point back
 * at the proxy and later requests of an upload pass through it too.
 */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  if (upstream.protocol !== 'http:') throw new Error('startFaultProxy: target must be http://');
  const agent = new Agent({ keepAlive: true });
  const faults: ArmedFault[] = [];
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();

  const take = (req: IncomingMessage): FaultAction | undefined => {
    for (const fault of faults) {
      if (fault.timesLeft <= 0 || !matches(fault, req)) continue;
      if (fault.skipLeft > 0) {
        fault.skipLeft--;
        continue;
      }
      fault.timesLeft--;
      return fault.action;
    }
    return undefined;
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const record: ProxiedRequest = {
      method: req.method ?? 'GET',
      path: (req.url ?? '/').split('?')[0] ?? '/',
      headers: req.headers,
    };
    requests.push(record);
    const action = take(req);
    if (action) record.fault = action.kind;

    if (action?.kind === 'reset') {
      kill(req.socket);
      return;
    }
    if (action?.kind === 'status') {
      req.resume();
      record.status = action.status;
      const body =
        action.body ??
        JSON.stringify({ errors: [{ code: 'UNAVAILABLE', message: `injected ${action.status}` }] });
      res.writeHead(action.status, {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        ...action.headers,
      });
      res.end(body);
      return;
    }

    const forward = httpRequest({
      agent,
      host: upstream.hostname,
      port: upstream.port,
      method: req.method,
      path: req.url,
      headers:
        action?.kind === 'no-range'
          ? Object.fromEntries(Object.entries(req.headers).filter(([k]) => k !== 'range'))
          : req.headers,
    });
    forward.on('error', () => kill(req.socket));
    req.on('error', () => forward.destroy());

    if (action?.kind === 'cut-request') {
      let seen = 0;
      req.on('data', (chunk: Buffer) => {
        if (seen >= action.afterBytes) return;
        const room = action.afterBytes - seen;
        seen += chunk.length;
        if (chunk.length < room) {
          forward.write(chunk);
          return;
        }
        forward.write(chunk.subarray(0, room), () => {
          // Give the bytes a moment to reach the registry, then fail both sides.
          setTimeout(() => {
            forward.destroy();
            kill(req.socket);
          }, 50);
        });
      });
      req.on('end', () => {
        if (seen < action.afterBytes) forward.end();
      });
    } else {
      req.pipe(forward);
    }

    forward.on('response', (up) => {
      if (action?.kind === 'drop-response') {
        up.resume();
        up.on('end', () => kill(req.socket));
        return;
      }
      record.status = up.statusCode;
      res.writeHead(up.statusCode ?? 502, up.headers);
      if (action?.kind !== 'truncate' && action?.kind !== 'stall') {
        up.pipe(res);
        return;
      }
      const limit = action.kind === 'truncate' ? action.afterBytes : (action.afterBytes ?? 0);
      let sent = 0;
      let triggered = false;
      const trigger = (held: Buffer) => {
        triggered = true;
        if (action.kind === 'truncate') {
          up.destroy();
          // Let what was written reach the client, then cut the connection.
          setTimeout(() => kill(req.socket), 20);
          return;
        }
        up.pause();
        setTimeout(() => {
          if (res.destroyed) {
            up.destroy();
            return;
          }
          // The held bytes go first, then the stream flows again.
          if (held.length > 0) res.write(held);
          up.resume();
        }, action.ms);
      };
      if (limit === 0) trigger(Buffer.alloc(0));
      up.on('data', (chunk: Buffer) => {
        if (triggered) {
          res.write(chunk);
          return;
        }
        const room = limit - sent;
        if (chunk.length < room) {
          sent += chunk.length;
          res.write(chunk);
          return;
        }
        sent = limit;
        res.write(chunk.subarray(0, room));
        trigger(chunk.subarray(room));
      });
      up.on('end', () => {
        // A body shorter than a truncation's `afterBytes` passes whole, and its response ends:
        // left open, it would hold back every later response on that keep-alive connection.
        if (action.kind === 'stall' || !triggered) res.end();
      });
      res.on('error', () => up.destroy());
    });
  };

  const server = createServer(handle);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;

  return {
    host,
    url: `http://${host}`,
    requests,
    inject(...added) {
      for (const fault of added) {
        faults.push({ ...fault, skipLeft: fault.skip ?? 0, timesLeft: fault.times ?? 1 });
      }
    },
    reset() {
      faults.length = 0;
      requests.length = 0;
    },
    armed: () => faults.filter((f) => f.timesLeft > 0).length,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        agent.destroy();
        server.close(() => resolve());
      }),
  };
}

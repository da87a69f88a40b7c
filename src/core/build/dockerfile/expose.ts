// EXPOSE port specs (`80`, `53/udp`, `8000-8010/tcp`) to the config's ExposedPorts keys, as Docker's nat package reads them.

import { DockerfileSyntaxError } from './error.js';

const PROTOCOLS = ['tcp', 'udp', 'sctp'];

export interface ExposedPorts {
  /** `80/tcp`, `53/udp`, one per port of a range. */
  ports: string[];
  /** Problems Docker only warns about (a host part, an upper-case protocol). */
  notes: { rule: string; message: string }[];
}

/** Parses one EXPOSE word; throws DockerfileSyntaxError for a bad port, range or protocol. */
export function parseExposedPort(spec: string): ExposedPorts {
  const notes: ExposedPorts['notes'] = [];
  let rest = spec;
  // `ip:hostPort:containerPort` publishes in `docker run -p`; EXPOSE keeps only the container port.
  if (rest.includes(':')) {
    notes.push({
      rule: 'ExposeInvalidFormat',
      message: `EXPOSE instruction should not define an IP address or host-port mapping, found '${spec}'`,
    });
    rest = rest.slice(rest.lastIndexOf(':') + 1);
  }
  const slash = rest.indexOf('/');
  const portPart = slash === -1 ? rest : rest.slice(0, slash);
  let protocol = slash === -1 || slash === rest.length - 1 ? 'tcp' : rest.slice(slash + 1);
  if (!PROTOCOLS.includes(protocol.toLowerCase())) {
    throw new DockerfileSyntaxError(`invalid proto: ${protocol} in EXPOSE ${spec}`);
  }
  if (protocol !== protocol.toLowerCase()) {
    notes.push({
      rule: 'ExposeProtoCasing',
      message: `Defined protocol '${spec}' in EXPOSE instruction should be lowercase`,
    });
    protocol = protocol.toLowerCase();
  }
  const range = /^(\d+)(?:-(\d+))?$/.exec(portPart);
  if (!range)
    throw new DockerfileSyntaxError(`invalid containerPort: ${portPart} in EXPOSE ${spec}`);
  const start = Number(range[1]);
  const end = range[2] === undefined ? start : Number(range[2]);
  if (start > 65535 || end > 65535) {
    throw new DockerfileSyntaxError(`invalid containerPort: ${portPart} (ports go up to 65535)`);
  }
  if (end < start) {
    throw new DockerfileSyntaxError(`invalid range specified for containerPort: ${portPart}`);
  }
  const ports: string[] = [];
  for (let p = start; p <= end; p++) ports.push(`${p}/${protocol}`);
  return { ports, notes };
}

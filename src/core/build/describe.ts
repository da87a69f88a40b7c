// How a planned instruction is shown: the step line of the log (after expansion) and the image history's created_by, as buildah writes it.

import type { PlannedInstruction } from './dockerfile/plan.js';

function flags(values: Record<string, string | boolean | undefined>): string {
  const out: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === false) continue;
    out.push(value === true ? `--${key}` : `--${key}=${value}`);
  }
  return out.length > 0 ? `${out.join(' ')} ` : '';
}

function pairs(list: readonly { key: string; value: string }[]): string {
  return list
    .map(
      (p) =>
        `${p.key}=${/[\s"]/.test(p.value) || p.value === '' ? JSON.stringify(p.value) : p.value}`,
    )
    .join(' ');
}

/** The instruction with variables expanded (RUN as written: its shell expands it). */
export function describeInstruction(ins: PlannedInstruction): string {
  switch (ins.kind) {
    case 'ENV':
    case 'LABEL':
      return `${ins.kind} ${pairs(ins.pairs)}`;
    case 'ARG':
      return `ARG ${ins.args.map((a) => (a.value === undefined ? a.key : `${a.key}=${a.value}`)).join(' ')}`;
    case 'RUN': {
      const mounts = ins.mounts.map(
        (m) => `--mount=type=${m.type}${m.targetPath ? `,target=${m.targetPath}` : ''}`,
      );
      const head = [...mounts, ...(ins.network !== 'default' ? [`--network=${ins.network}`] : [])];
      const body = ins.prependShell ? ins.command.join(' ') : JSON.stringify(ins.command);
      return `RUN ${head.length > 0 ? `${head.join(' ')} ` : ''}${body}`;
    }
    case 'COPY':
    case 'ADD': {
      const from =
        ins.from.kind === 'stage'
          ? String(ins.from.index)
          : ins.from.kind === 'image'
            ? ins.from.name
            : undefined;
      const f = flags({
        from,
        chown: ins.chown,
        chmod: ins.chmod,
        link: ins.link,
        ...(ins.kind === 'COPY' ? { parents: ins.parents } : { checksum: ins.checksum }),
      });
      const excludes = ins.exclude.map((e) => `--exclude=${e} `).join('');
      const sources = [...ins.sources, ...ins.inlineSources.map((s) => `<<${s.name}`)];
      return `${ins.kind} ${f}${excludes}${sources.join(' ')} ${ins.dest}`;
    }
    case 'WORKDIR':
      return `WORKDIR ${ins.resolved}`;
    case 'USER':
      return `USER ${ins.user}`;
    case 'VOLUME':
      return `VOLUME ${JSON.stringify(ins.volumes)}`;
    case 'EXPOSE':
      return `EXPOSE ${ins.ports.join(' ')}`;
    case 'STOPSIGNAL':
      return `STOPSIGNAL ${ins.signal}`;
    case 'CMD':
    case 'ENTRYPOINT':
      return `${ins.kind} ${JSON.stringify(ins.argv ?? [])}`;
    case 'SHELL':
      return `SHELL ${JSON.stringify(ins.shell)}`;
    default:
      return ins.original.replace(/\s*\\\n\s*/g, ' ');
  }
}

/**
 * The history entry's created_by, in buildah's form: a RUN is its command line (with the build
 * args it used in front, `|2 A=1 B=2 /bin/sh -c make`), everything else `/bin/sh -c #(nop) …`.
 */
export function createdBy(ins: PlannedInstruction, copySummary?: string): string {
  if (ins.kind === 'RUN') {
    const args = ins.buildArgs;
    const prefix =
      args.length > 0 ? `|${args.length} ${args.map((a) => `${a.key}=${a.value}`).join(' ')} ` : '';
    return `${prefix}${ins.argv.join(' ')}`;
  }
  if ((ins.kind === 'COPY' || ins.kind === 'ADD') && copySummary) {
    return `/bin/sh -c #(nop) ${ins.kind} ${copySummary}`;
  }
  return `/bin/sh -c #(nop) ${describeInstruction(ins)}`;
}

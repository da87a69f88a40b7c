// STOPSIGNAL values Docker accepts: a non-zero number, or a Linux signal name with or without SIG.

const NAMES = new Set([
  'ABRT',
  'ALRM',
  'BUS',
  'CHLD',
  'CLD',
  'CONT',
  'FPE',
  'HUP',
  'ILL',
  'INT',
  'IO',
  'IOT',
  'KILL',
  'PIPE',
  'POLL',
  'PROF',
  'PWR',
  'QUIT',
  'SEGV',
  'STKFLT',
  'STOP',
  'SYS',
  'TERM',
  'TRAP',
  'TSTP',
  'TTIN',
  'TTOU',
  'URG',
  'USR1',
  'USR2',
  'VTALRM',
  'WINCH',
  'XCPU',
  'XFSZ',
  'RTMIN',
  'RTMAX',
]);

/** True for `SIGTERM`, `term`, `9`, `SIGRTMIN+3`, `RTMAX-2`; false for `0`, `SIGFOO`. */
export function isValidSignal(raw: string): boolean {
  if (/^\d+$/.test(raw)) return Number(raw) !== 0;
  const name = raw.toUpperCase().replace(/^SIG/, '');
  if (NAMES.has(name)) return true;
  const rt = /^RTMIN\+(\d+)$/.exec(name) ?? /^RTMAX-(\d+)$/.exec(name);
  return rt !== null && Number(rt[1]) >= 1 && Number(rt[1]) <= (name.startsWith('RTMIN') ? 15 : 14);
}

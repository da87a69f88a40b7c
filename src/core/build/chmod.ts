// `COPY --chmod`: octal (`755`) or chmod(1) symbolic modes (`u=rwX,go=rX`, `+x`) applied to a copied file's mode.

import { LighterError } from '../errors.js';

/** The mode `spec` gives a file or directory whose mode was `mode` (permission bits only). */
export function applyChmod(spec: string, mode: number, isDirectory: boolean): number {
  if (/^[0-7]{1,4}$/.test(spec)) return Number.parseInt(spec, 8);
  let result = mode & 0o7777;
  for (const clause of spec.split(',')) {
    const m = /^([ugoa]*)((?:[-+=](?:[rwxXst]*|[ugo]))+)$/.exec(clause);
    if (!m) throw new LighterError('ERR_BUILD', `invalid chmod parameter: ${JSON.stringify(spec)}`);
    const who = m[1] === '' || m[1]!.includes('a') ? 'ugo' : m[1]!;
    const defaultWho = m[1] === '';
    for (const op of m[2]!.matchAll(/([-+=])([ugo]|[rwxXst]*)/g)) {
      const [, operator, perms] = op as unknown as [string, string, string];
      let bits = 0;
      if (/^[ugo]$/.test(perms)) {
        // Copy another class's bits (`g=u`).
        const shift = { u: 6, g: 3, o: 0 }[perms as 'u' | 'g' | 'o'];
        const value = (result >> shift) & 7;
        for (const c of who) bits |= value << { u: 6, g: 3, o: 0 }[c as 'u' | 'g' | 'o'];
      } else {
        for (const c of who) {
          const shift = { u: 6, g: 3, o: 0 }[c as 'u' | 'g' | 'o'];
          if (perms.includes('r')) bits |= 4 << shift;
          if (perms.includes('w')) bits |= 2 << shift;
          const x =
            perms.includes('x') || (perms.includes('X') && (isDirectory || (mode & 0o111) !== 0));
          if (x) bits |= 1 << shift;
          if (perms.includes('s') && c === 'u') bits |= 0o4000;
          if (perms.includes('s') && c === 'g') bits |= 0o2000;
        }
        if (perms.includes('t')) bits |= 0o1000;
      }
      // Without a class, chmod(1) leaves out what the umask masks; here the umask is 022, as in builds.
      if (defaultWho && operator !== '-') bits &= ~0o022;
      if (operator === '+') result |= bits;
      else if (operator === '-') result &= ~bits;
      else {
        let clear = 0;
        for (const c of who) clear |= 7 << { u: 6, g: 3, o: 0 }[c as 'u' | 'g' | 'o'];
        result = (result & ~clear) | bits;
      }
    }
  }
  return result;
}

// Go's time.ParseDuration, which HEALTHCHECK flags use (`30s`, `1m30s`, `1.5h`, `500ms`).

const UNITS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  μs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

// Go's durations are int64 nanoseconds.
const MAX_NS = 2 ** 63 - 1;

/** Nanoseconds for a Go duration string; throws a plain Error naming the problem. */
export function parseGoDuration(input: string): number {
  let s = input;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') throw new Error(`time: invalid duration ${JSON.stringify(input)}`);
  let total = 0;
  const part = /^([0-9]*)(?:\.([0-9]*))?([^0-9.]+)/;
  while (s !== '') {
    const m = part.exec(s);
    if (!m || (m[1] === '' && (m[2] === undefined || m[2] === ''))) {
      throw new Error(`time: invalid duration ${JSON.stringify(input)}`);
    }
    const unit = UNITS[m[3]!];
    if (unit === undefined) {
      const known = /^[a-zµμ]+/.exec(m[3]!)?.[0] ?? m[3]!;
      if (UNITS[known] === undefined) {
        throw new Error(
          `time: unknown unit ${JSON.stringify(known)} in duration ${JSON.stringify(input)}`,
        );
      }
      throw new Error(`time: invalid duration ${JSON.stringify(input)}`);
    }
    const whole = m[1] === '' ? 0 : Number(m[1]);
    const fraction = m[2] ? Number(`0.${m[2]}`) : 0;
    total += whole * unit + Math.round(fraction * unit);
    if (total > MAX_NS) throw new Error(`time: invalid duration ${JSON.stringify(input)}`);
    s = s.slice(m[0].length);
  }
  return sign * total;
}

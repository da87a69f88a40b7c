// Renders parsed inputs for the log, so a failed run shows what it was asked to do.

/**
 * One `name: value` line per input, in the given order. Inputs named in `secrets` print as `***`
 * (for a map, each value does), whatever the masker knows: a log line is no place to rely on it.
 */
export function formatInputs(inputs: object, secrets: readonly string[] = []): string {
  const lines: string[] = [];
  for (const [name, value] of Object.entries(inputs)) {
    const secret = secrets.includes(name);
    const text = formatValue(value, secret);
    lines.push(text.startsWith('\n') ? `${name}:${text}` : `${name}: ${text}`);
  }
  return lines.join('\n');
}

function formatValue(value: unknown, secret: boolean): string {
  if (value === undefined || value === '') return '(not set)';
  if (value instanceof Map) {
    if (value.size === 0) return '(none)';
    const items = [...value].map(([k, v]) => `${k}=${secret ? '***' : String(v)}`);
    return indentList(items);
  }
  if (secret) return '***';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : indentList(value.map(String));
  if (typeof value === 'string')
    return value.includes('\n') ? indentList(value.split('\n')) : value;
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

function indentList(items: readonly string[]): string {
  return items.map((item) => `\n  ${item}`).join('');
}

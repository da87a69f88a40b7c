// The logging interface core code writes to; the CLI and the actions each supply one.

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** Runs `fn` inside a collapsible section (a group in Actions, an indented block on a TTY). */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
  /** Registers a value that must never be printed (passwords, tokens). */
  secret(value: string): void;
}

/** A logger that drops everything; the default for library callers that pass none. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  group: (_title, fn) => fn(),
  secret() {},
};

/** `logger` without its progress: info and group titles dropped; warnings and errors kept. */
export function quietLogger(logger: Logger): Logger {
  return { ...logger, info() {}, group: (_title, fn) => fn() };
}

/** Masks every registered secret in a message; shared by loggers that print text. */
export class SecretMasker {
  readonly #secrets = new Set<string>();

  add(value: string): void {
    // Very short values would mask ordinary words and give nothing away anyway.
    if (value.length >= 3) this.#secrets.add(value);
  }

  mask(message: string): string {
    let out = message;
    for (const s of this.#secrets) out = out.split(s).join('***');
    return out;
  }
}

export interface ConsoleLoggerOptions {
  verbose?: boolean;
  write?: (line: string) => void;
}

/** A plain-text logger for the CLI: info and above to stderr, debug when verbose. */
export function consoleLogger(options: ConsoleLoggerOptions = {}): Logger {
  const masker = new SecretMasker();
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  let indent = '';
  const emit = (prefix: string, message: string) => {
    for (const line of masker.mask(message).split('\n')) write(`${indent}${prefix}${line}`);
  };
  return {
    debug: (m) => {
      if (options.verbose) emit('debug: ', m);
    },
    info: (m) => emit('', m),
    warn: (m) => emit('warning: ', m),
    error: (m) => emit('error: ', m),
    async group(title, fn) {
      emit('', title);
      const outer = indent;
      indent = `${outer}  `;
      try {
        return await fn();
      } finally {
        indent = outer;
      }
    },
    secret: (v) => masker.add(v),
  };
}

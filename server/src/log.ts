// Structured JSON logs, one line per event. Callers pass ids and numbers,
// never tokens, passwords or message bodies.
type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/** `base` fields go on every line (the instance name, say). */
export function makeLogger(
  level: Level,
  base: LogFields = {},
  write: (line: string) => void = (l) => process.stdout.write(l + '\n'),
): Logger {
  const at = (lvl: Level) => (event: string, fields: LogFields = {}) => {
    if (ORDER[lvl] < ORDER[level]) return;
    write(JSON.stringify({ time: new Date().toISOString(), level: lvl, event, ...base, ...fields }));
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

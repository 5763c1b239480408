// Structured JSON logs through pino, one line per event: `event` names it,
// an unexpected error goes in as `err`, with its stack. Callers pass ids and numbers,
// never tokens, passwords or message bodies.
import { pino, stdTimeFunctions } from 'pino';

type Level = 'debug' | 'info' | 'warn' | 'error';

export type LogFields = Record<string, string | number | boolean | null | undefined>;

/** `err`: an unexpected error, logged with its stack. */
export type LogMethod = (event: string, fields?: LogFields, err?: unknown) => void;

export interface Logger {
  debug: LogMethod;
  info: LogMethod;
  warn: LogMethod;
  error: LogMethod;
}

/** `base` fields go on every line (the instance name, say); `write` takes each line (tests read them). */
export function makeLogger(level: Level, base: LogFields = {}, write?: (line: string) => void): Logger {
  const logger = pino(
    {
      level,
      base,
      messageKey: 'event',
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    // Synchronous: a crash must not lose the lines before it.
    write ? { write: (line: string) => write(line.trimEnd()) } : pino.destination({ dest: 1, sync: true }),
  );
  const at = (lvl: Level): LogMethod => (event, fields = {}, err) => logger[lvl](err === undefined ? fields : { ...fields, err }, event);
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

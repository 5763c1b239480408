// What a registration or an update may say (docs/PROTOCOL.md §2), checked
// before anything is written; a refusal names the field.
import { invalidArgument } from '../../../shared/domain/errors.ts';
import { isWebhookEventKind, type WebhookEventKind } from '../../../shared/domain/webhook-events.ts';

const MAX_URL_LENGTH = 2048;
/** More projects than this is "all projects" in all but name. */
const MAX_PROJECTS = 200;

export interface WebhookInput {
  url?: URL;
  kinds?: WebhookEventKind[];
  /** 'all', or project keys. */
  projects?: 'all' | string[];
  rotateSecret: boolean;
}

function url(value: unknown): URL {
  if (typeof value !== 'string' || value.trim() === '') throw invalidArgument('url', 'Give the URL deliveries go to');
  const text = value.trim();
  if (text.length > MAX_URL_LENGTH) throw invalidArgument('url', `The URL is longer than ${MAX_URL_LENGTH} characters`);
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw invalidArgument('url', 'The URL is not a valid absolute URL (https://example.com/hooks/tandem)');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw invalidArgument('url', 'The URL must start with https:// or http://');
  // It is shown to every admin and kept in the tenant file: a password belongs in the receiver's check of the signature.
  if (parsed.username || parsed.password) throw invalidArgument('url', 'The URL may not carry a user name or password');
  parsed.hash = '';
  return parsed;
}

function kinds(value: unknown): WebhookEventKind[] {
  if (!Array.isArray(value) || value.length === 0) throw invalidArgument('kinds', 'Choose at least one kind of event');
  const unknown = value.find((k) => typeof k !== 'string' || !isWebhookEventKind(k));
  if (unknown !== undefined) throw invalidArgument('kinds', `${JSON.stringify(unknown)} is not a kind of event`);
  return [...new Set(value as WebhookEventKind[])];
}

function projects(value: unknown): 'all' | string[] {
  if (value === 'all') return 'all';
  if (!Array.isArray(value) || value.length === 0) throw invalidArgument('projects', 'Give "all" or the keys of at least one project');
  if (value.length > MAX_PROJECTS) throw invalidArgument('projects', `At most ${MAX_PROJECTS} projects; choose "all" instead`);
  if (value.some((k) => typeof k !== 'string')) throw invalidArgument('projects', 'Projects are named by their keys');
  return [...new Set(value as string[])];
}

/** A registration: url, kinds and projects are required. */
export function creation(body: Record<string, unknown>): Required<Omit<WebhookInput, 'rotateSecret'>> {
  return { url: url(body['url']), kinds: kinds(body['kinds']), projects: projects(body['projects']) };
}

/** An update: only what it names changes. */
export function change(body: Record<string, unknown>): WebhookInput {
  const rotate = body['rotateSecret'];
  if (rotate !== undefined && typeof rotate !== 'boolean') throw invalidArgument('rotateSecret', 'rotateSecret is true or false');
  return {
    url: body['url'] === undefined ? undefined : url(body['url']),
    kinds: body['kinds'] === undefined ? undefined : kinds(body['kinds']),
    projects: body['projects'] === undefined ? undefined : projects(body['projects']),
    rotateSecret: rotate === true,
  };
}

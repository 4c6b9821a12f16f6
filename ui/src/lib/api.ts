// Typed calls to the shell. Every command and its types are made from the
// Rust side (commands.ts from src-tauri/src/commands.rs, bindings.ts from the
// core's types); failures arrive as ErrorPayload and are thrown as ApiError
// so pages can branch on `kind`.
import { errorMessage, type Lang } from './i18n';
import type { ErrorPayload } from './bindings';
import { commands } from './commands';
import { ApiError } from './ipc';

export { ApiError, toPayload } from './ipc';

/**
 * A failure in words: the core's Dutch message as a sentence, or in English
 * its kind and message.
 */
export function describePayload(lang: Lang, payload: ErrorPayload): string {
  return lang === 'nl' ? sentence(payload.message) : `${errorMessage(lang, payload.kind)} (${payload.message})`;
}

/** "er is nog geen map" → "Er is nog geen map." */
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const capital = trimmed[0].toLocaleUpperCase('nl') + trimmed.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}

/** Any caught error in words, for a page's problem line. */
export function describeError(lang: Lang, error: unknown): string {
  return error instanceof ApiError ? describePayload(lang, error.payload) : String(error);
}

export const api = commands;

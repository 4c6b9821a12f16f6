// The one way the UI calls the shell: failures arrive as ErrorPayload and
// are thrown as ApiError, so pages can branch on `kind`.
import { invoke } from '@tauri-apps/api/core';
import type { ErrorPayload } from './bindings';

export class ApiError extends Error {
  readonly payload: ErrorPayload;
  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.payload = payload;
  }
}

export function toPayload(error: unknown): ErrorPayload {
  if (error && typeof error === 'object' && 'kind' in error && 'message' in error) {
    const e = error as ErrorPayload;
    return { kind: e.kind, message: String(e.message), validation: e.validation ?? null };
  }
  return { kind: 'io', message: String(error), validation: null };
}

export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw new ApiError(toPayload(error));
  }
}

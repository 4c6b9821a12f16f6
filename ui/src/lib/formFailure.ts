// What a form shows when saving fails: the field the core named, with its
// message (and focus moves there), or else a problem line for the form.
import { ApiError, describeError } from './api';
import type { ValidationCode } from './bindings';
import { validationMessage, type Lang } from './i18n';

export type FormFailure = { errors: Record<string, string>; problem: string | null };

export function formFailure(error: unknown, form: ParentNode, lang: Lang): FormFailure {
  const validation = error instanceof ApiError ? error.payload.validation : null;
  const field = validation ? form.querySelector<HTMLElement>(`[name="${validation.field}"]`) : null;
  if (validation && field) {
    // A group of checkboxes takes focus on its first box.
    (field instanceof HTMLFieldSetElement ? (field.querySelector<HTMLElement>('input, select, textarea') ?? field) : field).focus();
    return { errors: { [validation.field]: validationMessage(lang, validation.code) }, problem: null };
  }
  return { errors: {}, problem: describeError(lang, error) };
}

/**
 * A check the form makes before the core can (an empty choice never reaches
 * it as an id), refused the way the core refuses, so the form shows it the
 * same way.
 */
export function refuse(field: string, code: ValidationCode): never {
  throw new ApiError({ kind: 'validation', message: code, validation: { field, code, message: code } });
}

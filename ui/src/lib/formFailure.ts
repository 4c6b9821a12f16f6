// What a form shows when saving fails: the field the core named, with its
// message (and focus moves there), or else a problem line for the form.
import { ApiError, describeError } from './api';
import type { ValidationCode } from './bindings';
import { validationMessage, type Lang } from './i18n';

export type FormFailure = { errors: Record<string, string>; problem: string | null };

/** A check of the form's own, refused before the core was asked; it may say so in its own words. */
export class FormRefusal extends ApiError {
  constructor(
    field: string,
    code: ValidationCode,
    /** The form's own sentence, instead of the general one for `code`. */
    readonly sentence?: string,
  ) {
    super({ kind: 'validation', message: code, validation: { field, code, message: code } });
  }
}

export function formFailure(error: unknown, form: ParentNode, lang: Lang): FormFailure {
  const validation = error instanceof ApiError ? error.payload.validation : null;
  const field = validation ? form.querySelector<HTMLElement>(`[name="${validation.field}"]`) : null;
  if (validation && field) {
    // A group of checkboxes takes focus on its first box.
    (field instanceof HTMLFieldSetElement ? (field.querySelector<HTMLElement>('input, select, textarea') ?? field) : field).focus();
    const message = (error instanceof FormRefusal && error.sentence) || validationMessage(lang, validation.code);
    return { errors: { [validation.field]: message }, problem: null };
  }
  return { errors: {}, problem: describeError(lang, error) };
}

/**
 * A check the form makes before the core can (an empty choice never reaches
 * it as an id), refused the way the core refuses, so the form shows it the
 * same way; `sentence` says it in the form's own words.
 */
export function refuse(field: string, code: ValidationCode, sentence?: string): never {
  throw new FormRefusal(field, code, sentence);
}

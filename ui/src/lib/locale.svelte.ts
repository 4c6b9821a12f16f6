// The chosen language, remembered on this laptop.
import { LANGS, translate, type Lang, type MessageKey } from './i18n';

const STORAGE_KEY = 'wieg.lang';

function initial(): Lang {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return LANGS.includes(saved as Lang) ? (saved as Lang) : 'nl';
}

export const locale = $state({ lang: initial() });

export function setLang(lang: Lang) {
  locale.lang = lang;
  globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
}

/** Translate in the current language (reactive inside components). */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(locale.lang, key, params);
}

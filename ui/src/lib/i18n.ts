// The UI's words, Dutch first. Keys are stable; `{name}` placeholders are
// filled by `translate`. Enum values (kinds, domains) come from the core as
// Dutch codes and are labelled here per language.
import type { Domain, ErrorKind, OrgKind, ValidationCode } from './bindings';

export type Lang = 'nl' | 'en';
export const LANGS: Lang[] = ['nl', 'en'];

const nl = {
  'app.name': 'Wieg',
  'nav.label': 'Hoofdmenu',
  'nav.dashboard': 'Dashboard',
  'nav.network': 'Netwerk',
  'nav.plan': 'Actieplan',
  'nav.meetings': 'Overleggen',
  'nav.share': 'Delen & export',
  'nav.settings': 'Instellingen',
  'welcome.title': 'Welkom bij Wieg',
  'welcome.intro':
    'Wieg helpt je de coalitie van Kansrijke Start bij te houden: partners, actieplan en overleggen, ook zonder internet.',
  'welcome.new': 'Nieuwe coalitie',
  'welcome.name': 'Naam van de coalitie',
  'welcome.name.placeholder': 'Bijvoorbeeld Kansrijke Start Venlo',
  'welcome.create': 'Coalitie aanmaken',
  'welcome.demo': 'Probeer met voorbeelddata',
  'welcome.demo.hint': 'Een verzonnen coalitie in Noord- en Midden-Limburg om Wieg te leren kennen.',
  'welcome.privacy': 'Wieg bewaart gegevens over de coalitie en haar professionals, nooit over gezinnen.',
  'dashboard.title': 'Dashboard',
  'dashboard.organisations': 'Organisaties in het netwerk',
  'dashboard.days': '{n} dagen onderweg',
  'dashboard.since': 'sinds {date}',
  'dashboard.byDomain': 'Organisaties per domein',
  'dashboard.chart.alt': 'Staafdiagram: aantal organisaties per domein',
  'network.title': 'Netwerk',
  'org.title': 'Organisaties',
  'org.new': 'Nieuwe organisatie',
  'org.search': 'Zoeken',
  'org.search.placeholder': 'Zoek op naam, website of notities',
  'org.kind': 'Soort',
  'org.domain': 'Domein',
  'org.name': 'Naam',
  'org.website': 'Website',
  'org.notes': 'Notities',
  'org.all': 'Alle',
  'org.showDeleted': 'Toon verwijderde',
  'org.count': '{n} organisaties',
  'org.count.one': '1 organisatie',
  'org.empty': 'Geen organisaties gevonden.',
  'org.edit': 'Bewerken',
  'org.delete': 'Verwijderen',
  'org.restore': 'Herstellen',
  'org.deleted': 'verwijderd',
  'org.deletedToast': '{name} is verwijderd.',
  'org.undo': 'Ongedaan maken',
  'org.saved': '{name} is opgeslagen.',
  'org.form.new': 'Nieuwe organisatie',
  'org.form.edit': 'Organisatie bewerken',
  'org.choose': 'Kies…',
  'form.save': 'Opslaan',
  'form.cancel': 'Annuleren',
  'toast.close': 'Sluiten',
  'form.fix': 'Controleer de gemarkeerde velden.',
  'placeholder.title': 'Nog niet beschikbaar',
  'placeholder.text': 'Dit onderdeel komt in een volgende versie van Wieg.',
  'settings.title': 'Instellingen',
  'settings.language': 'Taal',
  'settings.replica': 'Naam van deze laptop',
  'settings.replica.hint': 'Zo zien andere coördinatoren jouw wijzigingen.',
  'settings.data': 'Gegevensmap',
  'settings.saved': 'Opgeslagen.',
  'validation.required': 'Dit veld is verplicht.',
  'validation.too_long': 'Dit is te lang.',
  'validation.invalid_url': 'Dit is geen webadres. Bijvoorbeeld: https://www.voorbeeld.nl',
  'validation.invalid_choice': 'Kies een van de mogelijkheden.',
  'validation.invalid_date': 'Dit is geen geldige datum.',
  'error.validation': 'Controleer de invoer.',
  'error.not_found': 'Niet gevonden; misschien is het al verwijderd.',
  'error.no_coalition': 'Er is nog geen coalitie.',
  'error.coalition_exists': 'Er is al een coalitie.',
  'error.invalid_input': 'Ongeldige invoer.',
  'error.newer_schema': 'Deze gegevens zijn van een nieuwere versie van Wieg. Werk Wieg bij.',
  'error.database': 'Er ging iets mis met de database.',
  'error.io': 'Er ging iets mis bij het lezen of schrijven van een bestand.',
  'error.unknown': 'Er ging iets mis.',
};

type Key = keyof typeof nl;

const en: Record<Key, string> = {
  'app.name': 'Wieg',
  'nav.label': 'Main menu',
  'nav.dashboard': 'Dashboard',
  'nav.network': 'Network',
  'nav.plan': 'Action plan',
  'nav.meetings': 'Meetings',
  'nav.share': 'Share & export',
  'nav.settings': 'Settings',
  'welcome.title': 'Welcome to Wieg',
  'welcome.intro':
    "Wieg helps you keep your Kansrijke Start coalition running: partners, action plan and meetings, even offline.",
  'welcome.new': 'New coalition',
  'welcome.name': 'Name of the coalition',
  'welcome.name.placeholder': 'For example Kansrijke Start Venlo',
  'welcome.create': 'Create coalition',
  'welcome.demo': 'Try with sample data',
  'welcome.demo.hint': 'A made-up coalition in North and Central Limburg to get to know Wieg.',
  'welcome.privacy': 'Wieg keeps data about the coalition and its professionals, never about families.',
  'dashboard.title': 'Dashboard',
  'dashboard.organisations': 'Organisations in the network',
  'dashboard.days': '{n} days under way',
  'dashboard.since': 'since {date}',
  'dashboard.byDomain': 'Organisations by domain',
  'dashboard.chart.alt': 'Bar chart: number of organisations per domain',
  'network.title': 'Network',
  'org.title': 'Organisations',
  'org.new': 'New organisation',
  'org.search': 'Search',
  'org.search.placeholder': 'Search by name, website or notes',
  'org.kind': 'Kind',
  'org.domain': 'Domain',
  'org.name': 'Name',
  'org.website': 'Website',
  'org.notes': 'Notes',
  'org.all': 'All',
  'org.showDeleted': 'Show deleted',
  'org.count': '{n} organisations',
  'org.count.one': '1 organisation',
  'org.empty': 'No organisations found.',
  'org.edit': 'Edit',
  'org.delete': 'Delete',
  'org.restore': 'Restore',
  'org.deleted': 'deleted',
  'org.deletedToast': '{name} was deleted.',
  'org.undo': 'Undo',
  'org.saved': '{name} was saved.',
  'org.form.new': 'New organisation',
  'org.form.edit': 'Edit organisation',
  'org.choose': 'Choose…',
  'form.save': 'Save',
  'form.cancel': 'Cancel',
  'toast.close': 'Close',
  'form.fix': 'Please check the marked fields.',
  'placeholder.title': 'Not available yet',
  'placeholder.text': 'This part comes in a next version of Wieg.',
  'settings.title': 'Settings',
  'settings.language': 'Language',
  'settings.replica': 'Name of this laptop',
  'settings.replica.hint': 'This is how other coordinators see your changes.',
  'settings.data': 'Data folder',
  'settings.saved': 'Saved.',
  'validation.required': 'This field is required.',
  'validation.too_long': 'This is too long.',
  'validation.invalid_url': 'This is not a web address. For example: https://www.example.org',
  'validation.invalid_choice': 'Choose one of the options.',
  'validation.invalid_date': 'This is not a valid date.',
  'error.validation': 'Please check your input.',
  'error.not_found': 'Not found; perhaps it was deleted already.',
  'error.no_coalition': 'There is no coalition yet.',
  'error.coalition_exists': 'There is a coalition already.',
  'error.invalid_input': 'Invalid input.',
  'error.newer_schema': 'This data comes from a newer version of Wieg. Please update Wieg.',
  'error.database': 'Something went wrong with the database.',
  'error.io': 'Something went wrong reading or writing a file.',
  'error.unknown': 'Something went wrong.',
};

const MESSAGES: Record<Lang, Record<Key, string>> = { nl, en };

export type MessageKey = Key;

export function translate(lang: Lang, key: Key, params: Record<string, string | number> = {}): string {
  const text = MESSAGES[lang][key] ?? MESSAGES.nl[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export const KIND_LABELS: Record<Lang, Record<OrgKind, string>> = {
  nl: {
    verloskundigenpraktijk: 'Verloskundigenpraktijk',
    'ziekenhuis/vsv': 'Ziekenhuis/VSV',
    kraamzorg: 'Kraamzorg',
    'jgz/ggd': 'JGZ/GGD',
    'wijkteam/sociaal team': 'Wijkteam/sociaal team',
    gemeente: 'Gemeente',
    zorgverzekeraar: 'Zorgverzekeraar',
    kinderopvang: 'Kinderopvang',
    welzijn: 'Welzijn',
    ggz: 'GGZ',
    huisarts: 'Huisarts',
    'veilig thuis': 'Veilig Thuis',
    schuldhulp: 'Schuldhulp',
    provincie: 'Provincie',
    overig: 'Overig',
  },
  en: {
    verloskundigenpraktijk: 'Midwifery practice',
    'ziekenhuis/vsv': 'Hospital/obstetric partnership (VSV)',
    kraamzorg: 'Maternity care',
    'jgz/ggd': 'Youth health care/public health (JGZ/GGD)',
    'wijkteam/sociaal team': 'Neighbourhood/social team',
    gemeente: 'Municipality',
    zorgverzekeraar: 'Health insurer',
    kinderopvang: 'Childcare',
    welzijn: 'Social welfare',
    ggz: 'Mental health care (GGZ)',
    huisarts: 'General practitioner',
    'veilig thuis': 'Veilig Thuis (domestic abuse)',
    schuldhulp: 'Debt counselling',
    provincie: 'Province',
    overig: 'Other',
  },
};

export const DOMAIN_LABELS: Record<Lang, Record<Domain, string>> = {
  nl: { medisch: 'Medisch', sociaal: 'Sociaal', 'publieke gezondheid': 'Publieke gezondheid', overig: 'Overig' },
  en: { medisch: 'Medical', sociaal: 'Social', 'publieke gezondheid': 'Public health', overig: 'Other' },
};

export const ORG_KINDS = Object.keys(KIND_LABELS.nl) as OrgKind[];
export const DOMAINS = Object.keys(DOMAIN_LABELS.nl) as Domain[];

export function validationMessage(lang: Lang, code: ValidationCode): string {
  return translate(lang, `validation.${code}` as Key);
}

export function errorMessage(lang: Lang, kind: ErrorKind | 'unknown'): string {
  return translate(lang, `error.${kind}` as Key);
}

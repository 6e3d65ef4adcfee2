import { describe, expect, it } from 'vitest';
import {
  checkNamespace,
  flattenKeys,
  identicalAllowed,
  interpolationVariables,
  logicalKeys,
  parseAllowList,
  requiredPluralCategories,
  reviewableKeys,
  splitPluralKey,
  validateMeta,
  type FlatStrings,
  type NamespaceInput,
} from './i18n-check-lib.ts';
import {
  FRENCH_WORDS,
  frenchAllowed,
  frenchLeftovers,
  parseFrenchAllowList,
  placeholderReason,
} from './i18n-check-text.ts';
import { formatTable, percent } from './i18n-check-table.ts';

const base = (over: Partial<NamespaceInput>): NamespaceInput => ({
  lng: 'es',
  ns: 'common',
  reference: {},
  mustBeComplete: true,
  allow: {},
  ...over,
});
const kinds = (input: NamespaceInput): string[] =>
  checkNamespace(input).problems.map((p) => `${p.kind}:${p.key}`);

describe('flattenKeys', () => {
  it('flattens nested objects with dots and reports non-strings', () => {
    const bad: string[] = [];
    const out = flattenKeys({ a: { b: 'x', c: { d: 'y' } }, 'e.f': 'z', n: 3 }, (k) => bad.push(k));
    expect(out).toEqual({ 'a.b': 'x', 'a.c.d': 'y', 'e.f': 'z' });
    expect(bad).toEqual(['n']);
  });
});

describe('interpolationVariables', () => {
  it('lists variable names once, sorted, without format options', () => {
    expect(
      interpolationVariables('{{name}} has {{count}} of {{ count }} ({{date, datetime}})'),
    ).toEqual(['count', 'date', 'name']);
    expect(interpolationVariables('no variables')).toEqual([]);
  });
});

describe('plurals', () => {
  it('splits plural keys', () => {
    expect(splitPluralKey('items_one')).toEqual({ base: 'items', category: 'one' });
    expect(splitPluralKey('a.b_many')).toEqual({ base: 'a.b', category: 'many' });
    expect(splitPluralKey('someone')).toBeUndefined();
  });

  it('asks Intl for the categories a language needs', () => {
    expect(requiredPluralCategories('ar')).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
    expect(requiredPluralCategories('en')).toEqual(['one', 'other']);
    expect(requiredPluralCategories('zh-Hans')).toEqual(['other']);
    expect(requiredPluralCategories('ru')).toContain('few');
  });

  it('groups French plural forms under one key', () => {
    expect(logicalKeys({ a: 'x', n_one: '1', n_other: '{{count}}', n_many: 'm' })).toEqual({
      plain: ['a'],
      plural: ['n'],
    });
  });
});

describe('checkNamespace', () => {
  const reference = {
    hello: 'Bonjour {{name}}',
    bye: 'Au revoir',
    n_one: 'un',
    n_other: '{{count}} x',
  };

  it('counts coverage and reports missing keys as fatal only when required', () => {
    const strings = { hello: 'Hola {{name}}' };
    const result = checkNamespace(base({ reference, strings }));
    expect([result.present, result.total]).toEqual([1, 3]);
    expect(result.problems.filter((p) => p.fatal).map((p) => p.key)).toEqual(['bye', 'n']);
    const optional = checkNamespace(base({ reference, strings, mustBeComplete: false }));
    expect(optional.problems.every((p) => !p.fatal)).toBe(true);
  });

  it('reports a blank string once, as a placeholder, and does not count it as present', () => {
    const result = checkNamespace(base({ reference: { a: 'x' }, strings: { a: '  ' } }));
    expect(result.problems.map((p) => `${p.kind}:${p.key}:${p.fatal}`)).toEqual([
      'placeholder:a:true',
    ]);
    expect(result.present).toBe(0);
    // Fatal even where a missing key would not be: i18next shows an empty string as is.
    const optional = checkNamespace(
      base({ reference: { a: 'x' }, strings: { a: '' }, mustBeComplete: false }),
    );
    expect(optional.problems).toMatchObject([{ kind: 'placeholder', fatal: true }]);
  });

  it('reports placeholders in every language, French and plural forms included', () => {
    const reference = { a: 'Enregistrer', n_one: 'un', n_other: '{{count}} x' };
    const english = { a: 'Save', n_one: 'one', n_other: '{{count}} x' };
    const strings = { a: '[Save]', n_one: 'TODO', n_other: '{{count}} adet' };
    expect(kinds(base({ lng: 'tr', reference, english, strings }))).toEqual([
      'placeholder:a',
      'placeholder:n_one',
    ]);
    expect(
      kinds(
        base({ lng: 'fr', reference: { a: '??? à traduire' }, strings: { a: '??? à traduire' } }),
      ),
    ).toEqual(['placeholder:a']);
  });

  it('reports French words left untranslated, except in French and where allowed', () => {
    const reference = { t: 'Adresse ou domiciliation', h: 'Ordonnance' };
    const strings = { t: 'Адрес или domiciliation', h: 'Рецепт (ordonnance)' };
    expect(kinds(base({ lng: 'ru', ns: 'documents', reference, strings }))).toEqual(['french:t']);
    expect(kinds(base({ lng: 'fr', ns: 'documents', reference, strings: reference }))).toEqual([]);
    const frenchAllow = [
      { languages: ['ru'], key: 'documents:t', word: 'domiciliation', reason: 'test' },
    ];
    expect(kinds(base({ lng: 'ru', ns: 'documents', reference, strings, frenchAllow }))).toEqual(
      [],
    );
    expect(kinds(base({ lng: 'uk', ns: 'documents', reference, strings, frenchAllow }))).toEqual([
      'french:t',
    ]);
  });

  it('reports variables that differ from French', () => {
    expect(
      kinds(base({ reference, strings: { ...reference, hello: 'Hola {{nombre}}' } })),
    ).toContain('variables:hello');
  });

  it('lets plural forms spell the count but not drop other variables', () => {
    const ref = { m_one: 'un message de {{who}}', m_other: '{{count}} messages de {{who}}' };
    const ok = {
      m_one: 'un mensaje de {{who}}',
      m_many: '{{count}} de {{who}}',
      m_other: '{{count}} de {{who}}',
    };
    expect(kinds(base({ reference: ref, strings: ok }))).toEqual([]);
    const bad = { ...ok, m_many: '{{count}} mensajes' };
    expect(kinds(base({ reference: ref, strings: bad }))).toEqual(['variables:m_many']);
  });

  it('requires every plural category of the language', () => {
    const ref = { n_one: 'un', n_other: '{{count}}' };
    expect(kinds(base({ lng: 'ar', reference: ref, strings: ref }))).toEqual(['plural:n']);
    expect(kinds(base({ lng: 'fr', reference: ref, strings: ref }))).toEqual(['plural:n']);
    expect(kinds(base({ lng: 'en', reference: ref, strings: ref }))).toEqual([]);
    expect(
      kinds(base({ lng: 'zh-Hans', reference: ref, strings: { n_other: '{{count}}' } })),
    ).toEqual([]);
  });

  it('flags strings identical to English unless allowed', () => {
    const english = { a: 'Save', b: 'OK', c: '{{n}} mg', d: 'Paracetamol' };
    const ref = { a: 'Enregistrer', b: 'OK', c: '{{n}} mg', d: 'Paracétamol' };
    const strings = { a: 'Save', b: 'OK', c: '{{n}} mg', d: 'Paracetamol' };
    const allow = { values: ['ok', 'mg'], languages: { es: ['common:d'] } };
    expect(kinds(base({ reference: ref, english, strings, allow }))).toEqual([
      'identical:a',
      'identical:c',
    ]);
    expect(kinds(base({ lng: 'en', reference: ref, strings }))).toEqual([]);
  });

  it('warns about keys French does not have', () => {
    const result = checkNamespace(base({ reference: { a: 'x' }, strings: { a: 'y', z: 'w' } }));
    expect(result.problems).toMatchObject([{ kind: 'extra', key: 'z', fatal: false }]);
  });
});

describe('identicalAllowed', () => {
  it('allows strings without letters, listed values and listed keys', () => {
    expect(identicalAllowed({}, 'es', 'ns', 'k', '{{count}} %')).toBe(true);
    expect(identicalAllowed({ values: ['Carnet'] }, 'es', 'ns', 'k', 'carnet')).toBe(true);
    expect(identicalAllowed({ keys: ['ns:k'] }, 'ti', 'ns', 'k', 'HIV')).toBe(true);
    expect(identicalAllowed({ languages: { tr: ['ns:k'] } }, 'es', 'ns', 'k', 'HIV')).toBe(false);
    const cognates = { languageValues: { fr: ['Documents'] } };
    expect(identicalAllowed(cognates, 'fr', 'ns', 'any.key', 'documents')).toBe(true);
    expect(identicalAllowed(cognates, 'es', 'ns', 'any.key', 'Documents')).toBe(false);
  });

  it('rejects a malformed allow-list', () => {
    expect(() => parseAllowList({ values: [1] })).toThrow(TypeError);
    expect(() => parseAllowList({ languages: { es: 'x' } })).toThrow(TypeError);
    expect(() => parseAllowList({ languageValues: { fr: [2] } })).toThrow(TypeError);
    expect(parseAllowList({ values: ['OK'] }).values).toEqual(['OK']);
  });
});

describe('frenchLeftovers', () => {
  it('finds French words in any script, ignoring case and accents', () => {
    expect(frenchLeftovers('پته یا domiciliation')).toEqual(['domiciliation']);
    expect(frenchLeftovers('Show the RECEPISSE and the Titre-de-Séjour')).toEqual([
      'récépissé',
      'titre de séjour',
    ]);
    expect(frenchLeftovers("la demande d'asile")).toEqual(['demande d’asile']);
    expect(frenchLeftovers('Mon médecin')).toEqual(['médecin']);
  });

  it('matches whole words only', () => {
    expect(frenchLeftovers('domiciliations and courriers')).toEqual([]);
    expect(frenchLeftovers('farmacie, urgențe, medic')).toEqual([]);
  });

  it('accepts the French term in parentheses after a translation', () => {
    expect(frenchLeftovers('Postal address (domiciliation)')).toEqual([]);
    expect(frenchLeftovers('收信地址（domiciliation）')).toEqual([]);
    expect(frenchLeftovers('PUMa (health insurance, Sécurité sociale)')).toEqual([]);
    expect(frenchLeftovers('PUMa (Sécurité sociale — national insurance)')).toEqual([]);
  });

  it('rejects a French word that only happens to sit in parentheses', () => {
    expect(frenchLeftovers('(domiciliation)')).toEqual(['domiciliation']);
    expect(frenchLeftovers('Papers (rights, address or domiciliation)')).toEqual(['domiciliation']);
  });

  it('keeps a curated list that other Carnet languages do not use as ordinary words', () => {
    for (const ordinary of ['attestation', 'vaccin', 'document', 'todo']) {
      expect(FRENCH_WORDS).not.toContain(ordinary);
    }
  });
});

describe('French allow-list', () => {
  it('allows a word for the listed languages and key only', () => {
    const allow = parseFrenchAllowList({
      allowed: [{ languages: ['es'], key: 'ns:k', word: 'Médecin', reason: 'proper name' }],
    });
    expect(frenchAllowed(allow, 'es', 'ns:k', 'médecin')).toBe(true);
    expect(frenchAllowed(allow, 'pt', 'ns:k', 'médecin')).toBe(false);
    expect(frenchAllowed(allow, 'es', 'ns:other', 'médecin')).toBe(false);
    const everywhere = parseFrenchAllowList({
      allowed: [{ languages: ['*'], key: '*', word: 'courrier', reason: 'x' }],
    });
    expect(frenchAllowed(everywhere, 'ti', 'a:b', 'courrier')).toBe(true);
  });

  it('rejects an entry without a reason, and a malformed file', () => {
    expect(() =>
      parseFrenchAllowList({
        allowed: [{ languages: ['es'], key: 'a:b', word: 'x', reason: ' ' }],
      }),
    ).toThrow(TypeError);
    expect(() => parseFrenchAllowList({ allowed: {} })).toThrow(TypeError);
    expect(() => parseFrenchAllowList([])).toThrow(TypeError);
    expect(parseFrenchAllowList({ allowed: [] })).toEqual([]);
  });
});

describe('placeholderReason', () => {
  it('flags empty strings, markers, language tags, ??? and lorem ipsum', () => {
    expect(placeholderReason('')).toBe('empty string');
    expect(placeholderReason('TODO translate')).toMatch(/TODO/);
    expect(placeholderReason('Guardar (TBD)')).toMatch(/TBD/);
    expect(placeholderReason('XXX')).toMatch(/XXX/);
    expect(placeholderReason('[fr] Enregistrer')).toMatch(/\[fr\]/);
    expect(placeholderReason('[EN] Save')).toMatch(/\[EN\]/);
    expect(placeholderReason('???')).toMatch(/\?\?\?/);
    expect(placeholderReason('Lorem ipsum dolor')).toBe('lorem ipsum');
  });

  it('flags the source text still wrapped in markers', () => {
    expect(placeholderReason('[Save]', ['Enregistrer', 'Save'])).toMatch(/\[Save\]/);
    expect(placeholderReason('__Enregistrer__', ['Enregistrer', 'Save'])).toMatch(/Enregistrer/);
    expect(placeholderReason('Guardar <Save>', ['Enregistrer', 'Save'])).toMatch(/<Save>/);
  });

  it('accepts ordinary translations', () => {
    expect(placeholderReason('Todo está guardado', ['Tout est enregistré'])).toBeUndefined();
    expect(placeholderReason('Save', ['Enregistrer', 'Save'])).toBeUndefined();
    expect(placeholderReason('¿Quién?')).toBeUndefined();
    expect(placeholderReason('{{count}} mg')).toBeUndefined();
  });
});

describe('validateMeta', () => {
  const draft = {
    author: 'AI draft',
    reviewed: false,
    reviewedBy: null,
    notes: '',
    reviewFirst: ['vocab:allergy.penicillins'],
  };

  it('accepts an honest unreviewed draft', () => {
    expect(validateMeta(draft)).toEqual([]);
  });

  it('needs a "reviewFirst" list of existing namespace:key ids, each once', () => {
    const known = reviewableKeys(
      new Map<string, FlatStrings>([
        ['vocab', { 'allergy.penicillins': 'Pénicillines' }],
        ['share', { 'list.sensitiveCount_one': 'x', 'list.sensitiveCount_other': 'y' }],
      ]),
    );
    expect(known.has('share:list.sensitiveCount')).toBe(true);
    expect(validateMeta({ ...draft, reviewFirst: ['share:list.sensitiveCount'] }, known)).toEqual(
      [],
    );
    expect(validateMeta({ ...draft, reviewFirst: undefined })).toHaveLength(1);
    expect(validateMeta({ ...draft, reviewFirst: [] })).toHaveLength(1);
    expect(validateMeta({ ...draft, reviewFirst: ['penicillins', 3] })).toHaveLength(2);
    expect(
      validateMeta({
        ...draft,
        reviewFirst: ['vocab:allergy.penicillins', 'vocab:allergy.penicillins'],
      }),
    ).toHaveLength(1);
    expect(validateMeta({ ...draft, reviewFirst: ['vocab:allergy.peanut'] }, known)).toEqual([
      '"reviewFirst": vocab:allergy.peanut is not a key of the French locale',
    ]);
  });

  it('rejects missing fields and a review without a reviewer', () => {
    expect(validateMeta(null)).toEqual(['not an object']);
    expect(validateMeta({ reviewed: 'no' }).length).toBeGreaterThanOrEqual(3);
    expect(validateMeta({ ...draft, reviewed: true })).toHaveLength(1);
    expect(validateMeta({ ...draft, reviewedBy: 'Ann' })).toHaveLength(1);
    expect(validateMeta({ ...draft, notice: '' })).toHaveLength(1);
  });
});

describe('table', () => {
  it('never rounds a gap up to 100 %', () => {
    expect(percent(1999, 2000)).toBe('99.9%');
    expect(percent(2, 2)).toBe('100.0%');
    expect(percent(0, 0)).toBe('-');
  });

  it('prints one aligned line per language', () => {
    const table = formatTable(
      [
        {
          lng: 'fr',
          shipped: true,
          cells: { vocab: { present: 1, total: 2 } },
          meta: 'ok',
          fatal: 0,
        },
      ],
      ['vocab'],
    );
    expect(table.split('\n')).toHaveLength(3);
    expect(table).toContain('50.0%');
  });
});

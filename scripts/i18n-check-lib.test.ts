import { describe, expect, it } from 'vitest';
import {
  checkNamespace,
  flattenKeys,
  identicalAllowed,
  interpolationVariables,
  logicalKeys,
  parseAllowList,
  requiredPluralCategories,
  splitPluralKey,
  validateMeta,
  type NamespaceInput,
} from './i18n-check-lib.ts';
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

  it('treats a blank string as missing', () => {
    expect(kinds(base({ reference: { a: 'x' }, strings: { a: '  ' } }))).toEqual(['missing:a']);
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

describe('validateMeta', () => {
  it('accepts an honest unreviewed draft', () => {
    expect(
      validateMeta({ author: 'AI draft', reviewed: false, reviewedBy: null, notes: '' }),
    ).toEqual([]);
  });

  it('rejects missing fields and a review without a reviewer', () => {
    expect(validateMeta(null)).toEqual(['not an object']);
    expect(validateMeta({ reviewed: 'no' }).length).toBeGreaterThanOrEqual(3);
    expect(validateMeta({ author: 'x', reviewed: true, reviewedBy: null, notes: '' })).toHaveLength(
      1,
    );
    expect(
      validateMeta({ author: 'x', reviewed: false, reviewedBy: 'Ann', notes: '' }),
    ).toHaveLength(1);
    expect(
      validateMeta({ author: 'x', reviewed: false, reviewedBy: null, notes: '', notice: '' }),
    ).toHaveLength(1);
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

import { describe, expect, it } from 'vitest';
import { labelOf, toLabelMap } from './labels.ts';

describe('toLabelMap', () => {
  it('keeps flat files as they are and flattens nested ones the same way', () => {
    expect(toLabelMap({ 'condition.asthma': 'Asthme' })).toEqual({ 'condition.asthma': 'Asthme' });
    expect(toLabelMap({ condition: { asthma: 'Asthme' } })).toEqual({
      'condition.asthma': 'Asthme',
    });
  });

  it('ignores values that are not strings and input that is not an object', () => {
    expect(toLabelMap({ a: 1, b: null, c: ['x'], d: 'ok' })).toEqual({ d: 'ok' });
    expect(toLabelMap(null)).toEqual({});
    expect(toLabelMap('text')).toEqual({});
  });
});

describe('labelOf', () => {
  const labels = { ar: { 'condition.asthma': 'الربو' }, fr: { 'condition.asthma': 'Asthme' } };

  it('takes the first language that has a label', () => {
    expect(labelOf({ key: 'condition.asthma' }, ['ti', 'ar', 'fr'], labels)).toEqual({
      label: 'الربو',
      language: 'ar',
    });
  });

  it('falls back to later languages, and says when none has it', () => {
    expect(labelOf({ key: 'condition.asthma' }, ['ti', 'fr'], labels)?.language).toBe('fr');
    expect(labelOf({ key: 'condition.nope' }, ['ar', 'fr'], labels)).toBeUndefined();
  });
});

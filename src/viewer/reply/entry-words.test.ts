import { describe, expect, it } from 'vitest';
import french from '../../../public/locales/fr/viewer-reply.json';
import { FRENCH_ENTRY } from './entry-words.ts';

describe('the entry button words', () => {
  it('are the French entry words of viewer-reply.json', () => {
    expect(FRENCH_ENTRY).toEqual(french.entry);
  });
});

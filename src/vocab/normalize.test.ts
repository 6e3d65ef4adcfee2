import { describe, expect, it } from 'vitest';
import { foldCode, foldText, words } from './normalize.ts';

describe('foldText', () => {
  it('ignores case and Latin accents', () => {
    expect(foldText('Pénicilline')).toBe('penicilline');
    expect(foldText('ÉPILEPSIE')).toBe('epilepsie');
    expect(foldText('Reflux gastro-œsophagien')).toBe('reflux gastro-oesophagien');
    expect(foldText('Kreyòl')).toBe(foldText('kreyol'));
    expect(foldText('Română: ș ț ă î â')).toBe('romana: s t a i a');
  });

  it('folds Turkish dotted and dotless i', () => {
    expect(foldText('İnsülin')).toBe('insulin');
    expect(foldText('ılaç')).toBe('ilac');
  });

  it('folds Cyrillic й and ё like the letters without marks', () => {
    expect(foldText('Ёж')).toBe(foldText('еж'));
    expect(foldText('Її')).toBe('іі');
  });

  it('removes Arabic harakat, tatweel and hamza carriers', () => {
    expect(foldText('أَمُوكْسِيسِيلِين')).toBe(foldText('اموكسيسيلين'));
    expect(foldText('إنسولين')).toBe(foldText('انسولين'));
    expect(foldText('آسم')).toBe(foldText('اسم'));
    expect(foldText('ســكري')).toBe(foldText('سكري'));
  });

  it('unifies Persian, Urdu and Arabic letter forms', () => {
    expect(foldText('دیابت')).toBe(foldText('ديابت')); // Farsi yeh / Arabic yeh
    expect(foldText('کم‌خونی')).toBe(foldText('كمخوني')); // keheh, ZWNJ
    expect(foldText('ذیابیطس')).toBe(foldText('ذيابيطس'));
    expect(foldText('حمى')).toBe(foldText('حمي'));
    expect(foldText('٤٥٤٨')).toBe('4548');
  });

  it('keeps the vowel signs of Indic scripts', () => {
    // Bengali: ি is a vowel sign, part of the word; folding must not drop it.
    expect(foldText('ডায়াবেটিস')).not.toBe(foldText('ডয়বটস'));
    expect(words(foldText('টাইপ ২ ডায়াবেটিস'))).toHaveLength(3);
  });
});

describe('foldCode', () => {
  it('drops dots and dashes and ignores case', () => {
    expect(foldCode('a15.0')).toBe('A150');
    expect(foldCode('4548-4')).toBe('45484');
    expect(foldCode(' j01ca04 ')).toBe('J01CA04');
  });
});

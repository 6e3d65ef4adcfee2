import { describe, expect, it } from 'vitest';
import { spoken } from './spoken.ts';

describe('text read aloud', () => {
  it('ends each part with a stop so the voice pauses, without doubling one', () => {
    expect(spoken('Protect your record', 'Choose a code.', 'Link it?', ' ')).toBe(
      'Protect your record. Choose a code. Link it?',
    );
  });

  it('keeps the Arabic-script question mark', () => {
    expect(spoken('شود؟', 'کود')).toBe('شود؟ کود.');
  });
});

import { describe, expect, it } from 'vitest';
import { dayFromCivil } from './dates.js';
import { aNumberForms, maskANumber, maskName, nameSearch, nameWords, profileView } from './profile.js';

describe('masking personal data', () => {
  it('keeps initials of a name, in any script', () => {
    expect(maskName('Maria Elena Gonzalez')).toBe('M. E. G.');
    expect(maskName('  ana   de la cruz ')).toBe('A. D. L. C.');
    expect(maskName('Çelik Öztürk')).toBe('Ç. Ö.');
    expect(maskName('')).toBe('');
  });

  it('keeps the last three digits of an A-number', () => {
    expect(maskANumber('A123456789')).toBe('A******789');
    expect(maskANumber('A12345678')).toBe('A*****678');
  });

  it('shows a profile in full or masked, never a field more', () => {
    const profile = {
      personId: 'P1',
      version: 1,
      name: 'Jose Perez',
      dateOfBirth: dayFromCivil(1980, 2, 29),
      aNumber: 'A200000001',
      recordedAt: 0,
    };
    expect(profileView(profile, false)).toEqual({
      masked: false,
      name: 'Jose Perez',
      dateOfBirth: '1980-02-29',
      aNumber: 'A200000001',
    });
    expect(profileView(profile, true)).toEqual({
      masked: true,
      name: 'J. P.',
      dateOfBirth: '1980',
      aNumber: 'A******001',
    });
    expect(profileView({ ...profile, dateOfBirth: null, aNumber: null }, true)).toEqual({
      masked: true,
      name: 'J. P.',
      dateOfBirth: null,
      aNumber: null,
    });
  });
});

describe('finding people by what identifies them', () => {
  it('reads an A-number as people write it, in both its written forms', () => {
    expect(aNumberForms('A012345678')).toEqual(['A12345678', 'A012345678']);
    expect(aNumberForms('a 012-345-678')).toEqual(['A12345678', 'A012345678']);
    expect(aNumberForms('12345678')).toEqual(['A12345678', 'A012345678']);
    // Nine digits not starting with 0 have one form only.
    expect(aNumberForms('A200048271')).toEqual(['A200048271']);
    expect(aNumberForms('200 048 271')).toEqual(['A200048271']);
    for (const bad of ['', 'A', 'A1234567', 'A1234567890', 'B12345678', 'A12345678X', '12.345.678'])
      expect(aNumberForms(bad), bad).toBeUndefined();
  });

  it('matches names by the start of each word, without accents or case, in any order', () => {
    expect(nameWords('José-Luis  GONZÁLEZ, Jr.')).toEqual(['jose', 'luis', 'gonzalez', 'jr']);
    const find = nameSearch('gonz jose')!;
    expect(find('José Luis González')).toBe(true);
    expect(find('Jose Gonzalez')).toBe(true);
    // Every word searched must begin a word of the name.
    expect(find('José Luis Pérez')).toBe(false);
    expect(find('Agonz Jose')).toBe(false);
    expect(nameSearch('Çelik')!('ÇELİK Öztürk')).toBe(true);
    expect(nameSearch(' - ')).toBeUndefined();
  });
});

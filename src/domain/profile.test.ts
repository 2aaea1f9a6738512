import { describe, expect, it } from 'vitest';
import { dayFromCivil } from './dates.js';
import { maskANumber, maskName, profileView } from './profile.js';

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

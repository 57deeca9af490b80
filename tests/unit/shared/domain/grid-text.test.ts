import { describe, expect, it } from 'vitest';
import { caseTypeFromText, caseTypeText, demographicText, sourceText } from '../../../../shared/domain/grid-text';
import { createTranslator } from '../../../../shared/i18n';

describe('words the data stores, in the UI language', () => {
  const es = createTranslator('es', 'UTC');
  const en = createTranslator('en', 'UTC');

  it("says the usual case types in Spanish and reads them back, leaving a workspace's own types as written", () => {
    expect(caseTypeText('billing', es)).toBe('facturación');
    expect(caseTypeText('billing', en)).toBe('billing');
    expect(caseTypeText('portabilidad', es)).toBe('portabilidad');
    expect(caseTypeFromText('Facturación', es)).toBe('billing');
    expect(caseTypeFromText('cobertura', es)).toBe('coverage');
    expect(caseTypeFromText('portabilidad', es)).toBe('portabilidad');
  });

  it('names sex values and networks, never their codes', () => {
    expect(demographicText('sex', 'female', es)).toBe('mujer');
    expect(demographicText('sex', 'male', es)).toBe('hombre');
    expect(demographicText('region', 'male', es)).toBe('male');
    expect(demographicText('ageBand', '25-34', es)).toBe('25-34');
    expect(sourceText('forum', es)).toBe('Foro');
    expect(sourceText('twitter', en)).toBe('X');
  });
});

import { describe, expect, it } from 'vitest';
import { plainText, quoteMarks, spokenText, tokenizeInline } from '../../../core/text/inline';

describe('quote marks follow the language', () => {
  it('keeps French as written, with non-breaking spaces inside « »', () => {
    expect(tokenizeInline('Cliquez sur « Mon Compte ».')).toEqual([
      { text: 'Cliquez sur «\u00a0Mon Compte\u00a0».', bold: false },
    ]);
    expect(tokenizeInline('Cliquez sur « Mon Compte ».', 'fr-FR')).toHaveLength(1);
  });

  it('uses “ ” in English and keeps the site’s French words as a label run', () => {
    expect(tokenizeInline('Click « Mon Compte » (My account).', 'en')).toEqual([
      { text: 'Click “', bold: false },
      { text: 'Mon Compte', bold: false, label: true },
      { text: '” (My account).', bold: false },
    ]);
    expect(plainText('Tick « Oui » or « Non ».', 'en-GB')).toBe('Tick “Oui” or “Non”.');
  });

  it('keeps « » without inner spaces in Arabic', () => {
    expect(plainText('انقر على « Se connecter ».', 'ar')).toBe('انقر على «Se connecter».');
    expect(tokenizeInline('انقر على « Se connecter ».', 'ar')[1]).toEqual({
      text: 'Se connecter',
      bold: false,
      label: true,
    });
  });

  it('handles bold, lone marks and empty quotes calmly', () => {
    expect(tokenizeInline('Click **« Valider »** now', 'en')).toEqual([
      { text: 'Click ', bold: false },
      { text: '“', bold: true },
      { text: 'Valider', bold: true, label: true },
      { text: '”', bold: true },
      { text: ' now', bold: false },
    ]);
    expect(plainText('Open « Menu', 'en')).toBe('Open “Menu');
    expect(plainText('« » and »', 'en')).toBe('“” and”');
  });

  it('gives “ ” to a language it does not know', () => {
    expect(quoteMarks('de')).toEqual(['“', '”']);
    expect(quoteMarks('ar-MA')).toEqual(['«', '»']);
  });
});

describe('spokenText', () => {
  it('adds a full stop between parts only where a sentence does not end', () => {
    expect(spokenText(['Tapez le code', 'Regardez vos **SMS**.'])).toBe(
      'Tapez le code. Regardez vos SMS.',
    );
    expect(spokenText(['C’est fini !', 'Votre déclaration est enregistrée.'])).toBe(
      'C’est fini ! Votre déclaration est enregistrée.',
    );
    expect(spokenText(['Relisez.', 'Puis validez.'])).toBe('Relisez. Puis validez.');
    expect(spokenText(['Cliquez sur « Valider ».', 'Fin'])).toBe('Cliquez sur « Valider ». Fin');
    expect(spokenText(['انتهى!', 'تم حفظ تصريحك.'])).toBe('انتهى! تم حفظ تصريحك.');
    expect(spokenText(['هل عملت؟', 'نعم'])).toBe('هل عملت؟ نعم');
  });

  it('never reads two full stops, and skips empty parts', () => {
    const read = spokenText(['Open « Mon Compte »', '', undefined, 'Click « Mon Compte ».']);
    expect(read).toBe('Open « Mon Compte ». Click « Mon Compte ».');
    expect(plainText(read, 'en')).toBe('Open “Mon Compte”. Click “Mon Compte”.');
    expect(read).not.toMatch(/\.\s*\./);
  });
});

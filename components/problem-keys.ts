import type { NoteProblem } from '../core/progress/guard';
import type { ImportProblem } from '../core/progress/import-problems';

/**
 * The locale key that explains each reason the background gives. The background only says
 * which reason; the words are in locales/<language>/panel.json.
 */
export const NOTE_PROBLEM_KEYS: Record<NoteProblem, string> = {
  nir: 'noteRefusedNir',
  fiscal: 'noteRefusedFiscal',
  iban: 'noteRefusedIban',
  card: 'noteRefusedCard',
  phone: 'noteRefusedPhone',
  email: 'noteRefusedEmail',
  password: 'noteRefusedPassword',
  'too-long': 'noteRefusedTooLong',
  empty: 'noteRefusedEmpty',
};

export const IMPORT_PROBLEM_KEYS: Record<ImportProblem, string> = {
  'too-big': 'importTooBig',
  unreadable: 'importUnreadable',
  'not-ours': 'importNotOurs',
  newer: 'importNewer',
  'damaged-list': 'importDamagedList',
  'damaged-file': 'importDamagedFile',
  'damaged-session': 'importDamagedSession',
  'damaged-step': 'importDamagedStep',
  'damaged-note': 'importDamagedNote',
};

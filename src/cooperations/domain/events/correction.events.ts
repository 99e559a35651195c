import { about, array, event, type Infer, PER_COOPERATION_ITEMS, text } from '../schema';
import { reportValue } from './operation.events';

/**
 * The reporter corrects a submitted report with a reason. The correction is a history entry of its
 * own; the previous text stays in the report's corrections and the acknowledgements start again.
 */
export const correctReport = event(
  'CORRECT_REPORT',
  {
    period: about(text(40), 'Berichtszeitraum des eingereichten Berichts', 'Period of the submitted report', '2027-Q1'),
    reason: about(text(5000), 'Warum der Bericht berichtigt wird', 'Why the report is corrected'),
    narrative: about(text(), 'Berichtigter Bericht in Worten', 'Corrected narrative'),
    values: about(
      array(reportValue, { max: PER_COOPERATION_ITEMS }),
      'Ein Wert für jedes Erfolgskriterium der Absichtserklärung',
      'One value for every success criterion of the LoI',
    ),
  },
  'Die berichtende Kommune berichtigt einen eingereichten Bericht mit Begründung; die Bestätigungen beginnen neu.',
  'The reporter corrects a submitted report with a reason; the acknowledgements start again.',
);

export type CorrectReport = Infer<typeof correctReport>;

/*
 * The server's German texts (authoritative; `en.ts` follows this shape). Each answer says what
 * went wrong and what to do. `problems.<key>` is one problem type's title and detail; `validation`
 * one message per field; `fields` the labels `{{field}}` shows (else the field's name in quotes).
 */

/** Title and detail of each problem (`ApplicationError`, and the edge's own refusals). */
const problems = {
  // HTTP edge
  'validation-failed': {
    title: 'Die Anfrage ist ungültig',
    detail: 'Mindestens ein Feld ist ungültig; die Einträge unter „errors“ nennen Feld und Korrektur.',
  },
  'missing-token': {
    title: 'Nicht angemeldet',
    detail: 'Senden Sie ein Bearer-Token im Header: Authorization: Bearer <JWT>.',
  },
  'invalid-token': {
    title: 'Nicht angemeldet',
    detail: 'Das Bearer-Token wird nicht angenommen: {{reason}} Melden Sie sich neu an und senden Sie das neue Token.',
  },
  'route-without-policy': {
    title: 'Zugriff verweigert',
    detail: 'Diese Schnittstelle legt keine Zugriffsregel fest und ist deshalb gesperrt; melden Sie dies dem Betrieb.',
  },
  'role-not-allowed': {
    title: 'Zugriff verweigert',
    detail:
      'Mit der Rolle {{role}} ist diese Schnittstelle nicht erlaubt; melden Sie sich mit einer passenden Rolle an.',
  },
  'too-many-requests': {
    title: 'Zu viele Anfragen',
    detail: 'Mehr als {{limit}} Anfragen pro Minute; versuchen Sie es in {{seconds}} s erneut.',
  },
  'route-not-found': {
    title: 'Nicht gefunden',
    detail:
      'Unter dieser Adresse gibt es keine Schnittstelle für {{method}}; die Schnittstellen stehen unter /api/docs.',
  },
  'method-not-allowed': {
    title: 'Methode nicht erlaubt',
    detail: 'Diese Adresse erlaubt die Methode {{method}} nicht; die erlaubten Methoden stehen unter /api/docs.',
  },
  'json-required': {
    title: 'Nicht unterstützter Medientyp',
    detail: 'Senden Sie den Inhalt als application/json (Header Content-Type).',
  },
  'multipart-required': {
    title: 'Nicht unterstützter Medientyp',
    detail: 'Senden Sie das Dokument als multipart/form-data mit einem Teil „file“.',
  },
  'not-acceptable-export': {
    title: 'Nicht annehmbar',
    detail:
      'Diese Liste antwortet mit application/json, application/x-ndjson (Export) oder text/csv (Export); passen Sie den Header Accept an.',
  },
  'invalid-json': {
    title: 'Ungültige Anfrage',
    detail: 'Der Inhalt ist kein gültiges JSON; prüfen Sie Anführungszeichen, Kommas und Klammern.',
  },
  'body-too-large': {
    title: 'Inhalt zu groß',
    detail: 'Der Inhalt überschreitet die Größengrenze; kürzen Sie ihn (Grenzen: docs/limits.md).',
  },
  'unsupported-encoding': {
    title: 'Nicht unterstützter Medientyp',
    detail:
      'Diese Inhaltskodierung (Content-Encoding) wird nicht unterstützt; senden Sie gzip, deflate, br oder unkomprimiert.',
  },
  'unsupported-charset': {
    title: 'Nicht unterstützter Medientyp',
    detail: 'Dieser Zeichensatz wird nicht unterstützt; senden Sie UTF-8.',
  },
  'request-aborted': {
    title: 'Ungültige Anfrage',
    detail: 'Die Anfrage wurde vom Client abgebrochen; senden Sie sie erneut.',
  },
  'invalid-utf8': {
    title: 'Ungültige Anfrage',
    detail: 'Der Inhalt ist kein gültiges UTF-8; senden Sie ihn in UTF-8 kodiert.',
  },
  'undecodable-body': {
    title: 'Ungültige Anfrage',
    detail:
      'Der Inhalt ist nicht so kodiert, wie Content-Encoding angibt; senden Sie ihn passend kodiert oder ohne Content-Encoding.',
  },
  'unreadable-body': {
    title: 'Ungültige Anfrage',
    detail: 'Der Inhalt der Anfrage konnte nicht gelesen werden; senden Sie ihn erneut.',
  },
  'header-too-large': {
    title: 'Header zu groß',
    detail:
      'Die Header der Anfrage (z. B. das Bearer-Token) überschreiten die Größengrenze des Servers; senden Sie ein kürzeres Token.',
  },
  'request-timeout': {
    title: 'Zeitüberschreitung',
    detail: 'Die Anfrage ist nicht rechtzeitig angekommen; senden Sie sie erneut.',
  },
  'bad-http': {
    title: 'Ungültige Anfrage',
    detail: 'Die Anfrage ist kein gültiges HTTP.',
  },
  'database-unavailable': {
    title: 'Dienst nicht verfügbar',
    detail:
      'Die Datenbank ist gerade nicht erreichbar; versuchen Sie es in Kürze erneut (Befehle mit demselben Idempotency-Key).',
  },
  'identity-provider-unavailable': {
    title: 'Identitätsanbieter nicht erreichbar',
    detail: 'Die Schlüssel des Identitätsanbieters sind gerade nicht lesbar; versuchen Sie es in Kürze erneut.',
  },
  'metrics-off': {
    title: 'Nicht gefunden',
    detail: 'Die Metriken sind abgeschaltet; setzen Sie METRICS_TOKEN, um /metrics freizugeben.',
  },
  'metrics-token-missing': {
    title: 'Nicht angemeldet',
    detail: 'Senden Sie das Metrik-Token im Header: Authorization: Bearer <METRICS_TOKEN>.',
  },
  draining: {
    title: 'Dienst nicht verfügbar',
    detail: 'Der Server wird beendet und nimmt keine neuen Anfragen an; senden Sie sie an eine andere Instanz.',
  },
  'service-unavailable': {
    title: 'Dienst nicht verfügbar',
    detail: 'Der Dienst ist gerade nicht bereit; versuchen Sie es in Kürze erneut.',
  },
  'internal-error': {
    title: 'Interner Fehler',
    detail: 'Ein unerwarteter Fehler ist aufgetreten; er wurde protokolliert. Nennen Sie dem Betrieb die Request-ID.',
  },
  'bad-request': {
    title: 'Ungültige Anfrage',
    detail: 'Die Anfrage ist fehlerhaft; prüfen Sie sie anhand der Beschreibung unter /api/docs.',
  },
  'http-error': {
    title: 'Anfrage nicht ausführbar',
    detail: 'Die Anfrage wurde mit Status {{status}} abgelehnt.',
  },
  // common
  'invalid-cursor': {
    title: 'Ungültiger Cursor',
    detail: 'Diesen Cursor hat diese Liste nicht ausgegeben; übernehmen Sie „next“ der vorigen Seite unverändert.',
  },
  'limit-exceeded': {
    title: 'Grenze erreicht',
    detail: 'Eine konfigurierte Grenze ist erreicht.',
  },
  // cooperations
  'cooperation-not-found': {
    title: 'Kooperation nicht gefunden',
    detail: 'Für Sie ist keine Kooperation {{id}} sichtbar; prüfen Sie die Kennung oder Ihre Anmeldung.',
  },
  'version-mismatch': {
    title: 'Vorbedingung nicht erfüllt',
    detail:
      'Die Kooperation wurde inzwischen geändert: die aktuelle Version ist {{current}}. Laden Sie sie neu und entscheiden Sie erneut.',
  },
  'idempotency-key-reused': {
    title: 'Idempotency-Key bereits verwendet',
    detail:
      'Dieser Idempotency-Key wurde schon für eine andere Anfrage verwendet; nehmen Sie für eine neue Anfrage einen neuen Schlüssel.',
  },
  'concurrent-update': {
    title: 'Konflikt',
    detail:
      'Eine andere Anfrage hat die Kooperation gleichzeitig geändert; laden Sie sie neu und versuchen Sie es erneut.',
  },
  'not-a-registered-lead': {
    title: 'Zugriff verweigert',
    detail: 'Nur Koordinatorinnen und Koordinatoren einer registrierten Kommune können eine Kooperation eröffnen.',
  },
  'unknown-municipality': {
    title: 'Unbekannte Kommune',
    detail: 'Eine Körperschaft {{ags}} ist nicht registriert; suchen Sie den Schlüssel unter /api/v1/municipalities.',
  },
  'unsupported-municipality': {
    title: 'Körperschaft nicht unterstützt',
    detail:
      '{{name}} ({{ags}}, {{kind}}) hat keinen Kreis und Regierungsbezirk, die der Ablauf braucht, und kann noch nicht teilnehmen.',
  },
  'unknown-definition-version': {
    title: 'Unbekannte Version der Ablaufdefinition',
    detail:
      'Dieser Stand wurde mit der Ablaufdefinition {{version}} gespeichert, die dieser Server nicht lesen kann; melden Sie dies dem Betrieb.',
  },
  'event-not-allowed': {
    title: 'Ereignis in diesem Zustand nicht erlaubt',
    detail: 'Dieses Ereignis ist im aktuellen Zustand nicht erlaubt.',
  },
  'event-forbidden': {
    title: 'Zugriff verweigert',
    detail: 'Sie dürfen dieses Ereignis nicht auslösen.',
  },
  'invalid-event': {
    title: 'Das Ereignis ist ungültig',
    detail: 'Die Angaben sind unvollständig oder fehlerhaft.',
  },
  'obligations-unmet': {
    title: 'Voraussetzungen nicht erfüllt',
    detail: 'Nicht alle Voraussetzungen für diesen Übergang sind erfüllt.',
  },
  // notifications
  'webhook-subscription-not-found': {
    title: 'Webhook-Abonnement nicht gefunden',
    detail: 'Es gibt kein Webhook-Abonnement {{id}}; prüfen Sie die Kennung.',
  },
  'notification-delivery-not-found': {
    title: 'Zustellung nicht gefunden',
    detail: 'Es gibt keine Zustellung {{id}}; prüfen Sie die Kennung.',
  },
  'notification-address-not-found': {
    title: 'Benachrichtigungsadresse nicht gefunden',
    detail: 'Es gibt keine Benachrichtigungsadresse {{id}}; prüfen Sie die Kennung.',
  },
  'not-your-municipality': {
    title: 'Zugriff verweigert',
    detail: 'Nur für die eigene Kommune (hier: {{ags}}) oder für Administratorinnen und Administratoren.',
  },
  'webhook-target-refused': {
    title: 'Webhook-Ziel abgelehnt',
    detail: 'Dieses Webhook-Ziel ist nicht erlaubt: {{reason}}.',
  },
  // documents
  'document-not-found': {
    title: 'Dokument nicht gefunden',
    detail: 'In dieser Kooperation gibt es kein Dokument {{id}}; prüfen Sie die Kennung.',
  },
  'unknown-document': {
    title: 'Unbekanntes Dokument',
    detail: 'Ein Ereignis kann nur Dokumente nennen, die zu derselben Kooperation hochgeladen wurden.',
  },
  'unsupported-document-type': {
    title: 'Nicht unterstützter Dokumenttyp',
    detail: 'Angenommen werden PDF, ODT, DOCX, PNG und JPEG; der Inhalt dieser Datei ist keines davon.',
  },
  // dev sign-in
  'municipality-required': {
    title: 'Die Anfrage ist ungültig',
    detail: 'Die Rolle {{role}} handelt für eine Kommune: geben Sie eine an.',
  },
  // audit
  'checkpoint-not-found': {
    title: 'Prüfpunkt nicht gefunden',
    detail: 'Es gibt keinen Prüfpunkt {{id}}; prüfen Sie die Kennung.',
  },
  // escalations
  'escalation-case-not-found': {
    title: 'Konfliktfall nicht gefunden',
    detail: 'Für Sie ist kein Konfliktfall {{id}} sichtbar; prüfen Sie die Kennung oder Ihre Anmeldung.',
  },
  // municipalities
  'municipality-not-found': {
    title: 'Körperschaft nicht gefunden',
    detail: 'Eine Körperschaft mit dem Schlüssel {{ags}} ist nicht registriert.',
  },
  'municipality-exists': {
    title: 'Körperschaft bereits registriert',
    detail: 'Eine Körperschaft mit dem Schlüssel {{ags}} ist bereits registriert.',
  },
  // personal data
  'personal-data-not-found': {
    title: 'Personenbezogene Daten nicht gefunden',
    detail: 'Es gibt keinen Datensatz personenbezogener Daten {{id}}; prüfen Sie die Kennung.',
  },
  'already-erased': {
    title: 'Bereits gelöscht',
    detail: 'Die personenbezogenen Daten {{id}} wurden bereits gelöscht.',
  },
} as const satisfies Record<string, { title: string; detail: string }>;

/** One message per field: what is wrong with it and what to send instead. */
const validation = {
  missing: '{{field}} fehlt.',
  unknown: '{{field}} ist kein Feld dieser Anfrage; entfernen Sie es.',
  string: '{{field}} muss ein Text sein.',
  notBlank: '{{field}} darf nicht leer sein; geben Sie einen Text ein.',
  maxLength: '{{field}} darf höchstens {{max}} Zeichen lang sein; kürzen Sie den Text.',
  minLength: '{{field}} muss mindestens {{min}} Zeichen lang sein.',
  number: '{{field}} muss eine Zahl sein.',
  integer: '{{field}} muss eine ganze Zahl sein.',
  min: '{{field}} muss mindestens {{min}} sein.',
  max: '{{field}} darf höchstens {{max}} sein.',
  range: '{{field}} muss zwischen {{min}} und {{max}} liegen.',
  boolean: '{{field}} muss true oder false sein.',
  oneOf: '{{field}} muss einer dieser Werte sein: {{values}}.',
  equals: '{{field}} muss {{value}} sein.',
  date: '{{field}} muss ein Datum im Format JJJJ-MM-TT sein, z. B. 2026-03-31.',
  validDate: '{{field}} ist kein gültiges Kalenderdatum; prüfen Sie Monat und Tag.',
  instant: '{{field}} muss ein Zeitpunkt in UTC nach ISO 8601 sein, z. B. 2026-03-31T12:00:00.000Z.',
  ags: '{{field}} muss ein Amtlicher Gemeindeschlüssel aus 8 Ziffern sein, z. B. 05554036.',
  nrwAgs: '{{field}} muss ein Amtlicher Gemeindeschlüssel aus NRW sein (8 Ziffern, beginnend mit 05).',
  agsList: '{{field}} muss eine Liste Amtlicher Gemeindeschlüssel aus je 8 Ziffern sein.',
  email: '{{field}} muss eine E-Mail-Adresse sein, z. B. name@kommune.de.',
  uuid: '{{field}} muss eine UUID sein, z. B. 0b5f4b9e-6c1d-4f7a-9a57-3f0c2d1e8a44.',
  url: '{{field}} muss eine URL sein, z. B. https://kommune.de/hook.',
  array: '{{field}} muss eine Liste sein.',
  arrayMin: '{{field}} braucht mindestens {{min}} Einträge.',
  arrayMax: '{{field}} darf höchstens {{max}} Einträge haben.',
  object: '{{field}} muss ein Objekt sein.',
  invalid: '{{field}} ist ungültig; prüfen Sie die Beschreibung unter /api/docs.',
  nul: '{{field}} enthält ein NUL-Zeichen; entfernen Sie es.',
  surrogate: '{{field}} enthält ein ungepaartes Ersatzzeichen (kein gültiges Unicode); senden Sie gültiges UTF-8.',
  keyNul: 'Der Feldname {{field}} enthält ein NUL-Zeichen; entfernen Sie es.',
  keySurrogate: 'Der Feldname {{field}} enthält ein ungepaartes Ersatzzeichen; senden Sie gültiges UTF-8.',
  tooDeep: 'Der Inhalt ist tiefer als {{max}} Ebenen verschachtelt; flachen Sie ihn ab.',
  bodyNotObject: 'Der Inhalt muss ein JSON-Objekt mit dem Feld „type“ sein.',
  eventTypeName: '{{field}} muss ein Ereignistyp wie SIGN_LOI sein (Großbuchstaben, Ziffern, _).',
  eventType: '{{field}} muss einer dieser Ereignistypen sein: {{values}}.',
  noBody: 'Diese Anfrage nimmt keinen Inhalt; senden Sie keinen oder {}.',
  ifMatch: 'If-Match muss "<Version>" wie im ETag gesendet sein, oder *.',
  idempotencyKey: 'Idempotency-Key muss eine UUID sein.',
  cursor: '{{field}} muss ein Cursor sein, den diese Schnittstelle ausgegeben hat (Feld „next“).',
  stateName: '{{field}} muss ein Zustandsname mit Punkten sein, z. B. contract oder active.reporting.',
  fileMissing: 'Senden Sie das Dokument als multipart/form-data-Teil „file“.',
  notRegistered: '{{ags}} ist keine registrierte Körperschaft.',
  cannotTakePart: '{{ags}} kann noch nicht an einer Kooperation teilnehmen.',
  notADocument: '{{id}} ist kein Dokument dieser Kooperation.',
  requiredForRole: 'Für die Rolle {{role}} erforderlich.',
} as const;

/** Messages of the lifecycle's rules (one per field; `fields` labels apply). */
const rules = {
  leavingZweckverbandOnly:
    '{{field}} gilt nur für einen Zweckverband (§ 20 GkG NRW); in anderen Formen endet eine Mitgliedschaft durch Austritt.',
  seatCannotLeave: 'Der Sitz kann nicht austreten; verlegen Sie zuerst den Sitz.',
  joinAndLeave: '{{ags}} kann nicht zugleich beitreten und austreten.',
  twoMustRemain: 'Mindestens zwei Mitglieder müssen bleiben; sonst schlagen Sie die Auflösung vor.',
  effectiveOnOervOnly:
    '{{field}} gilt nur für eine öffentlich-rechtliche Vereinbarung (§ 24 Abs. 4 GkG NRW); entfernen Sie es.',
  notInPast: '{{field}} darf nicht in der Vergangenheit liegen (heute ist {{today}}).',
  searchEnded: 'Die Partnersuche endete am {{date}}.',
  alreadyInterested: '{{ags}} hat bereits Interesse bekundet.',
  notCurrentVersion: '{{field}} ist nicht die aktuelle Version ({{current}}); laden Sie neu und senden Sie diese.',
  notParticipant: '{{ags}} nimmt nicht an der Kooperation teil.',
  variantRequired:
    '{{field}} ist für eine öffentlich-rechtliche Vereinbarung erforderlich („delegating“ oder „mandating“).',
  publicLawOnly: '{{field}} gilt nur für öffentlich-rechtliche Vereinbarungen; entfernen Sie es.',
  twice: '{{field}} kommt doppelt vor; nennen Sie jeden Eintrag nur einmal.',
  sharesTotal: 'Die Anteile müssen zusammen 100 Prozent ergeben (sind {{total}}).',
  afterStart: '{{field}} muss nach dem Beginn der Laufzeit (term.start) liegen.',
  notBeforeStart: '{{field}} darf nicht vor dem Beginn der Laufzeit (term.start) liegen.',
  notBeforeSubmitted: '{{field}} darf nicht vor dem Einreichungsdatum (submittedOn) liegen.',
  notBeforeApproval: '{{field}} darf nicht vor der Genehmigung oder Einreichung liegen.',
  approvalsOnly: '{{field}} gilt nur für Genehmigungen, nicht für Anzeigen; entfernen Sie es.',
  deemedWithExplicit: '{{field}} kann nicht geltend gemacht werden, wenn eine ausdrückliche Genehmigung erfasst ist.',
  refusedWithApproved: '{{field}} kann nicht zusammen mit approvedOn angegeben werden.',
  alreadyTakesPart: '{{ags}} nimmt bereits teil.',
  alreadyInvited: '{{ags}} ist bereits eingeladen.',
  noOpenInvitation: '{{ags}} hat keine offene Einladung.',
  contactElsewhere: '{{field}} ist bereits Ansprechperson für {{ags}}.',
  votesExceedStatutory: '{{field}} darf statutoryVotes nicht übersteigen.',
  votesExceedTotal: '{{field}} darf votesTotal nicht übersteigen.',
  majorityOverOne: '{{field}} darf nicht größer als 1 sein.',
  noOpenAmendment: 'Es gibt keine offene Änderung.',
  noOpenDissolution: 'Es gibt keinen offenen Auflösungsvorschlag.',
  notOpenAmendment: '{{field}} ist nicht die offene Änderung ({{version}}).',
  noPendingTermination: 'Für {{ags}} ist keine Kündigung anhängig.',
  ownTermination: 'Die kündigende Kommune empfängt ihre eigene Kündigung nicht.',
  beforeTermination: '{{field}} darf nicht vor der Erklärung der Kündigung liegen.',
  noReportSubmitted: '{{ags}} hat für {{period}} keinen Bericht eingereicht.',
  privateLawOnly: 'Gilt nur für privatrechtliche Formen (§ 115 Abs. 1 GO NRW).',
  waiverStatutory: 'Dies ist eine gesetzliche Pflicht; sie kann nicht erlassen werden.',
  waiverNotWaivable:
    'Diese Pflicht kann nicht erlassen werden (das FAQ empfiehlt sie, das System stützt sich auf sie).',
  waiverReasonRequired: 'Geben Sie eine Begründung an.',
  waiverPartNotGgfs:
    'Dieser Teil ist nicht mit „ggfs.“ gekennzeichnet (nur solche Teile können als nicht zutreffend markiert werden).',
  resourcesOnce: 'Ressourcen werden je Kommune einmal angegeben.',
  recipient: '{{value}} ist weder „steering-body“, „all-partners“ noch eine teilnehmende Kommune.',
  alreadyPartner: '{{ags}} ist bereits Partner.',
  legalFormChange: 'Ein Wechsel der Rechtsform ist keine Änderung, sondern eine neue Kooperation.',
  inFuture: '{{field}} darf nicht in der Zukunft liegen (heute ist {{today}}).',
  wrongBody: '{{field}} muss der {{body}} von {{ags}} sein.',
  noCase: 'In dieser Kooperation gibt es keinen Fall {{id}}.',
  lastLevel: 'Fall {{number}} ist auf der letzten Stufe; lösen Sie ihn oder erklären Sie ihn für gescheitert.',
  notLastLevel: 'Fall {{number}} ist auf Stufe {{level}}; nur die letzte Stufe kann ihn für gescheitert erklären.',
  caseClosed: 'Fall {{number}} ist nicht mehr offen (Status: {{status}}).',
  noticeEnded: 'Die Kündigungsfrist endete am {{date}}.',
  notReportingPeriod: '{{field}} ist kein Berichtszeitraum von {{ags}}.',
  periodNotStarted: '{{field}} hat noch nicht begonnen (Beginn am {{date}}).',
  alreadyReported: '{{period}} wurde bereits berichtet.',
  noUnambiguousReport: 'Für {{period}} ist kein (eindeutiger) Bericht eingereicht.',
  alreadyAcknowledged: '{{ags}} hat diesen Bericht bereits bestätigt.',
  timerNotDue: 'Der Termin ist nicht vor {{dueAt}} fällig.',
} as const;

/** Labels of request fields; a field without one is shown by its name in quotation marks. */
const fields = {
  title: 'Titel',
  fieldOfWork: 'Aufgabenfeld',
  motive: 'Motiv',
  description: 'Beschreibung',
  ags: 'AGS',
  name: 'Name',
  kind: 'Art der Körperschaft',
  district: 'Kreis',
  region: 'Regierungsbezirk',
  municipality: 'Kommune',
  type: 'Ereignistyp',
  version: 'Version',
  reason: 'Begründung',
  limit: 'Seitengröße',
  cursor: 'Cursor',
  state: 'Zustand',
  q: 'Suchbegriff',
  role: 'Rolle',
  sub: 'Kennung',
  email: 'E-Mail-Adresse',
  url: 'URL',
  file: 'Datei',
  id: 'Kennung',
  from: 'Von',
  to: 'Bis',
  date: 'Datum',
  body: 'Gremium',
  period: 'Zeitraum',
  caseId: 'Fallnummer',
  reporter: 'Berichtende Kommune',
} as const;

/** Reasons a bearer token is refused (`invalid-token`). */
const tokens = {
  expired: 'Es ist abgelaufen.',
  notYetValid: 'Es ist noch nicht gültig.',
  signature: 'Seine Signatur passt nicht zum Schlüssel dieses Servers.',
  malformed: 'Es ist kein gültiges JWT.',
  claim: 'Die Angabe „{{claim}}“ ist ungültig.',
  algorithm: 'Sein Signaturverfahren ist nicht erlaubt.',
  sub: 'Die Angabe „sub“ muss ein nicht leerer Text mit höchstens {{max}} Zeichen sein.',
  reservedSub: 'Die Angabe „sub“ darf nicht die reservierte Kennung „{{sub}}“ sein.',
  role: 'Die Angabe „{{claim}}“ muss genau einen dieser Werte tragen: {{values}}.',
  municipality: 'Die Angabe „{{claim}}“ muss für diese Rolle ein AGS aus 8 Ziffern sein.',
  keyUnavailable: 'Der Schlüssel zur Prüfung ist gerade nicht abrufbar.',
} as const;

/** Why a webhook URL is refused (`webhook-target-refused`). */
const webhookTargets = {
  notAUrl: 'das ist keine URL',
  scheme: 'nur http- und https-URLs sind erlaubt',
  credentials: 'eine URL darf keine Zugangsdaten enthalten',
  unresolvable: 'der Name {{host}} lässt sich nicht auflösen',
  nonPublic: '{{host}} verweist auf die nicht öffentliche Adresse {{address}}',
} as const;

/** Texts of configured limits (docs/limits.md) when one would be passed (`limit-exceeded`). */
const limits = {
  MAX_DRAFTS_PER_COOPERATION:
    'Eine Kooperation hat höchstens {{max}} Entwürfe der Absichtserklärung und {{max}} Vertragsentwürfe.',
  MAX_OPEN_CASES_PER_COOPERATION:
    'Eine Kooperation hat höchstens {{max}} offene Konfliktfälle; entscheiden Sie zuerst offene Fälle.',
  MAX_COOPERATIONS_PER_CALLER_PER_DAY:
    'Sie haben in den letzten 24 Stunden bereits {{max}} Kooperationen eröffnet; versuchen Sie es später erneut.',
  MAX_DOCUMENTS_PER_COOPERATION: 'Eine Kooperation hat höchstens {{max}} Dokumente.',
  MAX_DOCUMENTS_PER_CALLER_PER_DAY:
    'Sie haben in den letzten 24 Stunden bereits {{max}} Dokumente hochgeladen; versuchen Sie es später erneut.',
} as const;

export const de = { problems, validation, rules, fields, tokens, webhookTargets, limits } as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The shape every language's catalogue has: the German one's keys, any wording. */
export type Messages = Widen<typeof de>;

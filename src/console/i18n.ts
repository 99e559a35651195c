import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { de } from './locales/de';
import { en } from './locales/en';
import { partTwoDe } from './locales/part-two.de';
import { partTwoEn } from './locales/part-two.en';

export type Language = 'de' | 'en';
const stored = localStorage.getItem('ikz.language');

// German is the authoritative language of the API's texts; English is switchable.
void i18n.use(initReactI18next).init({
  resources: { de: { translation: { ...de, ...partTwoDe } }, en: { translation: { ...en, ...partTwoEn } } },
  lng: stored === 'en' ? 'en' : 'de',
  fallbackLng: 'de',
  interpolation: { escapeValue: false },
});

export function setLanguage(language: Language): void {
  localStorage.setItem('ikz.language', language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

document.documentElement.lang = i18n.language;
export default i18n;

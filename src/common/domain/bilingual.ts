/** Texts the engine shows people come in German (authoritative) and English. */
export interface Bilingual {
  de: string;
  en: string;
}

export type Language = keyof Bilingual;

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { plainText } from '../core/text/inline';
import { voiceFor } from '../core/text/voices';

export function speechAvailable(): boolean {
  return (
    typeof globalThis.speechSynthesis !== 'undefined' &&
    typeof globalThis.SpeechSynthesisUtterance !== 'undefined'
  );
}

/** Drawn, not an emoji: old machines often lack an emoji font. */
function SpeakerIcon() {
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      width="22"
      height="22"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M4 9v6h4l5 4V5L8 9H4z" fill="currentColor" />
      <path
        d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  );
}

/** The language's name in the person's language (« arabe »), or its code if unknown. */
function languageName(lang: string, ui: string): string {
  const base = lang.trim().toLowerCase().split(/[-_]/)[0] || lang;
  try {
    return new Intl.DisplayNames([ui], { type: 'language' }).of(base) ?? base;
  } catch {
    return base;
  }
}

/**
 * Reads a text aloud with a voice of the person's language (or `lang`); hidden when the browser
 * cannot speak at all. When the device has no voice for that language, the button says so
 * instead of reading with a voice that cannot pronounce it (or doing nothing).
 */
export function SpeakButton({
  text,
  lang,
  label,
}: {
  text: string;
  lang?: string;
  label?: string;
}) {
  const { t, i18n } = useTranslation();
  const language = lang ?? i18n.language;
  const [speaking, setSpeaking] = useState(false);
  // The language found without a voice: another language is tried afresh.
  const [noVoiceFor, setNoVoiceFor] = useState<string | null>(null);
  const noVoice = noVoiceFor === language;
  useEffect(() => {
    if (!speechAvailable()) return undefined;
    const synth = globalThis.speechSynthesis;
    // Asking once starts the loading of the voices (Chrome lists them a moment later).
    synth.getVoices();
    const loaded = () => setNoVoiceFor(null);
    synth.addEventListener?.('voiceschanged', loaded);
    return () => {
      synth.removeEventListener?.('voiceschanged', loaded);
      synth.cancel();
    };
  }, []);
  if (!speechAvailable()) return null;
  const toggle = () => {
    const synth = globalThis.speechSynthesis;
    if (speaking) {
      synth.cancel();
      setSpeaking(false);
      return;
    }
    synth.cancel();
    const voice = voiceFor(synth.getVoices(), language);
    setNoVoiceFor(voice ? null : language);
    if (!voice) return;
    const utterance = new SpeechSynthesisUtterance(plainText(text, language));
    utterance.lang = voice.lang;
    utterance.voice = voice;
    utterance.rate = 0.9;
    utterance.onend = utterance.onerror = () => setSpeaking(false);
    setSpeaking(true);
    synth.speak(utterance);
  };
  const none = t('noVoice', { language: languageName(language, i18n.language) });
  return (
    <>
      <button
        type="button"
        className="btn btn-secondary btn-speak"
        onClick={toggle}
        aria-pressed={speaking}
        data-testid="speak"
      >
        <SpeakerIcon />
        {noVoice ? none : speaking ? t('stopReading') : (label ?? t('readAloud'))}
      </button>
      {/* The new words of the button are not announced by every screen reader: say them. */}
      <span className="sr-only" role="status" data-testid="speak-status">
        {noVoice ? none : ''}
      </span>
    </>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { plainText } from '../core/text/inline';

export function speechAvailable(): boolean {
  return (
    typeof globalThis.speechSynthesis !== 'undefined' &&
    typeof globalThis.SpeechSynthesisUtterance !== 'undefined'
  );
}

function frenchVoice(): SpeechSynthesisVoice | undefined {
  const voices = globalThis.speechSynthesis.getVoices();
  return voices.find((v) => v.lang === 'fr-FR') ?? voices.find((v) => v.lang.startsWith('fr'));
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

/** Reads a text aloud with a French voice when there is one; hidden when the browser cannot speak. */
export function SpeakButton({
  text,
  lang = 'fr-FR',
  label,
}: {
  text: string;
  lang?: string;
  label?: string;
}) {
  const { t } = useTranslation();
  const [speaking, setSpeaking] = useState(false);
  useEffect(() => () => void (speechAvailable() && globalThis.speechSynthesis.cancel()), []);
  if (!speechAvailable()) return null;
  const toggle = () => {
    const synth = globalThis.speechSynthesis;
    if (speaking) {
      synth.cancel();
      setSpeaking(false);
      return;
    }
    synth.cancel();
    const utterance = new SpeechSynthesisUtterance(plainText(text));
    utterance.lang = lang;
    const voice = lang.startsWith('fr') ? frenchVoice() : undefined;
    if (voice) utterance.voice = voice;
    utterance.rate = 0.9;
    utterance.onend = utterance.onerror = () => setSpeaking(false);
    setSpeaking(true);
    synth.speak(utterance);
  };
  return (
    <button
      type="button"
      className="btn btn-secondary btn-speak"
      onClick={toggle}
      aria-pressed={speaking}
      data-testid="speak"
    >
      <SpeakerIcon />
      {speaking ? t('stopReading') : (label ?? t('readAloud'))}
    </button>
  );
}

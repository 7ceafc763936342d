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
      <span aria-hidden="true">🔊 </span>
      {speaking ? t('stopReading') : (label ?? t('readAloud'))}
    </button>
  );
}

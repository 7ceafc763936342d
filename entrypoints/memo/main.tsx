import './style.css';
import { createRoot } from 'react-dom/client';
import guides from 'virtual:pap-guides';
import { MemoApp } from '../../components/MemoApp';
import { PageShell } from '../../components/page-shell';
import { send } from '../../hooks/runtime';

const params = new URLSearchParams(location.search);
const guideId = params.get('guide');

createRoot(document.getElementById('root')!).render(
  <PageShell send={send} guides={guides} textSize={false}>
    <MemoApp guideId={guideId} entered={params.get('entered')} />
  </PageShell>,
);

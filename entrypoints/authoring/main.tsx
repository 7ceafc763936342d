import './style.css';
import { createRoot } from 'react-dom/client';
import glossary from 'virtual:pap-glossary';
import parts from 'virtual:pap-parts';
import { AuthoringApp } from '../../components/AuthoringApp';
import { PageShell } from '../../components/page-shell';
import { send } from '../../hooks/runtime';

createRoot(document.getElementById('root')!).render(
  <PageShell send={send}>
    <AuthoringApp bundled={{ parts, terms: glossary }} />
  </PageShell>,
);

import './style.css';
import { createRoot } from 'react-dom/client';
import parts from 'virtual:pap-parts';
import { AuthoringApp } from '../../components/AuthoringApp';
import { PageShell } from '../../components/page-shell';
import { send } from '../../hooks/runtime';

createRoot(document.getElementById('root')!).render(
  <PageShell send={send}>
    <AuthoringApp parts={parts} />
  </PageShell>,
);

import './style.css';
import { createRoot } from 'react-dom/client';
import guides from 'virtual:pap-guides';
import { DataPage } from '../../components/DataPage';
import { PageShell } from '../../components/page-shell';
import { send } from '../../hooks/runtime';

createRoot(document.getElementById('root')!).render(
  <PageShell send={send} guides={guides}>
    <DataPage />
  </PageShell>,
);

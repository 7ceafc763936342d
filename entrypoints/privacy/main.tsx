import '../../components/panel.css';
import { createRoot } from 'react-dom/client';
import { PageShell } from '../../components/page-shell';
import { PrivacyPage } from '../../components/PrivacyPage';
import { send } from '../../hooks/runtime';

createRoot(document.getElementById('root')!).render(
  <PageShell send={send}>
    <PrivacyPage />
  </PageShell>,
);

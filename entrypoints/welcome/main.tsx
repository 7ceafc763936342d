import '../../components/panel.css';
import { createRoot } from 'react-dom/client';
import { PageShell } from '../../components/page-shell';
import { WelcomePage } from '../../components/WelcomePage';
import { send } from '../../hooks/runtime';

createRoot(document.getElementById('root')!).render(
  <PageShell send={send}>
    <WelcomePage />
  </PageShell>,
);

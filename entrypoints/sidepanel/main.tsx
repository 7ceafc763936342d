import './style.css';
import { createRoot } from 'react-dom/client';
import guides from 'virtual:pap-guides';
import glossary from 'virtual:pap-glossary';
import { PanelApp } from '../../components/PanelApp';

createRoot(document.getElementById('root')!).render(<PanelApp data={{ guides, glossary }} />);

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/pages.css';
import { App } from './App';
import { t } from '@/lib/i18n';

// The <title> in index.html is English; the tab shows the browser's language.
document.title = t('pageTitle.report');

const container = document.getElementById('root');
if (container) createRoot(container).render(<StrictMode><App /></StrictMode>);

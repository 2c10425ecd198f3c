import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { setLang } from './i18n';
import './field.css';

setLang(localStorage.getItem('wangge-field-lang') === 'en' ? 'en' : 'zh');
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The shell works offline once the service worker has cached it (production builds only: dev serves from Vite).
if ('serviceWorker' in navigator && import.meta.env.PROD)
  void navigator.serviceWorker.register('/field/sw.js', { scope: '/field/' });

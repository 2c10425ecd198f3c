/// <reference lib="dom" />
// The first-load baseline: React and ReactDOM rendering one heading, nothing else (see bench/bench-first-load.ts).
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(
  createElement('h1', { 'data-testid': 'bare' }, '网格'),
);

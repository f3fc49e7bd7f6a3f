import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { reloadOnFailedChunk } from './appUpdate';
import './styles.css';

reloadOnFailedChunk({
  target: window,
  store: sessionStorageOrNull(),
  now: () => Date.now(),
  reload: () => window.location.reload(),
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

function sessionStorageOrNull(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // a browser that blocks storage throws on the mere access
    return null;
  }
}

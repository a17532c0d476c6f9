import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { keepFieldsOutOfAutofill } from './lib/keep-out-of-autofill';
import './styles/global.css';

keepFieldsOutOfAutofill(document);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

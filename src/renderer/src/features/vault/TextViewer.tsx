import { useState } from 'react';
import { Button } from '../../components/Button';
import styles from './Vault.module.css';

export function TextViewer({ text }: { readonly text: string }) {
  const [find, setFind] = useState('');
  const [fontSize, setFontSize] = useState(14);
  const needle = find.trim();
  const parts = needle
    ? text.split(new RegExp(`(${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`, 'gi'))
    : [text];
  const count = needle ? Math.floor(parts.length / 2) : 0;
  return (
    <div className={styles.viewer}>
      <div className={styles.viewerBar} role="toolbar" aria-label="Text controls">
        <Button
          variant="quiet"
          aria-label="Smaller text"
          disabled={fontSize <= 10}
          onClick={() => setFontSize((s) => s - 2)}
        >
          A−
        </Button>
        <Button
          variant="quiet"
          aria-label="Larger text"
          disabled={fontSize >= 28}
          onClick={() => setFontSize((s) => s + 2)}
        >
          A+
        </Button>
        <input
          className={styles.input}
          aria-label="Find in document"
          placeholder="Find in document"
          value={find}
          onChange={(event) => setFind(event.target.value)}
        />
        {needle && (
          <span role="status">{count === 0 ? 'Not found' : `${count} match${count === 1 ? '' : 'es'}`}</span>
        )}
      </div>
      <pre className={styles.textPreview} style={{ fontSize }}>
        {parts.map((part, index) => (index % 2 === 1 ? <mark key={index}>{part}</mark> : part))}
      </pre>
    </div>
  );
}

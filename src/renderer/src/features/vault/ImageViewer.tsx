import { useState } from 'react';
import { Button } from '../../components/Button';
import styles from './Vault.module.css';

export function ImageViewer({ mimeType, data }: { readonly mimeType: string; readonly data: string }) {
  const [scale, setScale] = useState(1);
  return (
    <div className={styles.viewer}>
      <div className={styles.viewerBar} role="toolbar" aria-label="Image controls">
        <Button
          variant="quiet"
          aria-label="Zoom out"
          disabled={scale <= 0.25}
          onClick={() => setScale((s) => s / 1.25)}
        >
          −
        </Button>
        <span>{Math.round(scale * 100)}%</span>
        <Button
          variant="quiet"
          aria-label="Zoom in"
          disabled={scale >= 4}
          onClick={() => setScale((s) => s * 1.25)}
        >
          +
        </Button>
      </div>
      <div className={styles.canvasScroll}>
        <img
          alt="Document preview"
          src={`data:${mimeType};base64,${data}`}
          style={{ transform: `scale(${scale})` }}
          className={styles.image}
        />
      </div>
    </div>
  );
}

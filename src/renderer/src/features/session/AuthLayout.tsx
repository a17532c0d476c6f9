import type { ReactNode } from 'react';
import { ShieldCheck } from 'lucide-react';
import styles from './SessionScreens.module.css';

export function AuthLayout({
  title,
  lead,
  children,
}: {
  title: string;
  lead: ReactNode;
  children: ReactNode;
}) {
  return (
    <main className={styles.page}>
      <section className={styles.card} aria-labelledby="auth-title">
        <p className={styles.brand}>
          <ShieldCheck aria-hidden size={20} /> Advocase
        </p>
        <h1 id="auth-title" className={styles.title}>
          {title}
        </h1>
        <div className={styles.lead}>{lead}</div>
        {children}
      </section>
    </main>
  );
}

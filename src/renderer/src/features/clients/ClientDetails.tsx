import type { Client } from '@shared/schemas/clients';
import styles from './ClientPage.module.css';
import { clientDetailFields, formatClientValue } from './client-detail-fields';

/** A client's details as text, for someone who reads them and may not change them (a team's viewer). */
export function ClientDetails({ client }: { readonly client: Client }) {
  return (
    <section className={styles.card} aria-labelledby="contact-title">
      <h2 id="contact-title" className={styles.cardTitle}>
        Details, contact and notes
      </h2>
      <dl className={styles.details}>
        {[...clientDetailFields, { key: 'tags', label: 'Tags' } as const].map((field) => (
          <div key={field.key}>
            <dt>{field.label}</dt>
            <dd>{formatClientValue(field.key, client[field.key])}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

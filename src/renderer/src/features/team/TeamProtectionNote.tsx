import styles from './Team.module.css';

/** What protects a team's data where (docs/team-mode.md, "What is protected where"), said before anyone joins. */
export function TeamProtectionNote() {
  return (
    <ul className={styles.protection}>
      <li>
        <strong>On the server</strong>, your organisation’s PostgreSQL protects the data at rest: its disk
        encryption, its backups, and a business associate agreement (BAA) with a managed provider.
      </li>
      <li>
        <strong>On the way</strong>, TLS encrypts the connection.
      </li>
      <li>
        <strong>On this computer</strong>, Advocase keeps nothing of the team’s records: only your login and
        password, encrypted by the operating system’s keychain.
      </li>
    </ul>
  );
}

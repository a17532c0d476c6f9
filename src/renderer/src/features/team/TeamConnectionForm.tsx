import { useMutation } from '@tanstack/react-query';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import {
  teamConnectionInputSchema,
  type TeamConnection,
  type TeamConnectionInput,
  type TeamConnectionTest,
  type TeamTlsMode,
} from '@shared/schemas/team';
import { Button } from '../../components/Button';
import { Field, inputClassName, textareaClassName } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
import { FormError } from '../../components/FormError';
import { callApi } from '../../lib/api';
import { formErrorsFromFailure, formErrorsFromZod, noErrors, type FormErrors } from '../../lib/form-errors';
import styles from './Team.module.css';

const fieldNames = ['host', 'port', 'database', 'user', 'password', 'tlsMode', 'caCertificate'] as const;

const tlsChoices: readonly { value: TeamTlsMode; label: string; hint: string }[] = [
  {
    value: 'verify-full',
    label: 'Encrypted, and the server’s certificate checked (verify-full, recommended)',
    hint: 'Safe over any network: the connection is encrypted and only the server named above can answer.',
  },
  {
    value: 'require',
    label: 'Encrypted, certificate not checked (require: a private network only)',
    hint: 'Encrypted, but any server could answer in its place: use it only inside your organisation’s private network.',
  },
  {
    value: 'disable',
    label: 'Not encrypted (a server on this computer only)',
    hint: 'Nothing is encrypted on the way: allowed only for a server on this computer.',
  },
];

/** "Jordan Rivera (jrivera), navigator, on advocase_team at db.example.org:5432." */
export function describeTeamLogin(who: TeamConnectionTest): string {
  const name = who.fullName ? `${who.fullName} (${who.login})` : who.login;
  return `${name}, ${who.role}, on ${who.database} at ${who.server}`;
}

/**
 * Where the team database is and who connects (Settings → Team, and the first-run screen). The
 * CA certificate is its text, pasted or read here from a file the person picks: no path leaves
 * this page (docs/security.md: nothing the renderer sends chooses a path).
 */
export function TeamConnectionForm({ onJoined }: { onJoined: (connection: TeamConnection) => void }) {
  const [fields, setFields] = useState({
    host: '',
    port: '5432',
    database: '',
    user: '',
    password: '',
    tlsMode: 'verify-full' as TeamTlsMode,
    caCertificate: '',
  });
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [tested, setTested] = useState<TeamConnectionTest | null>(null);
  const set =
    (name: keyof typeof fields) =>
    (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => {
      setFields((current) => ({ ...current, [name]: event.target.value }));
      setTested(null);
    };
  const onFailure = (error: unknown) => {
    setTested(null);
    setErrors(formErrorsFromFailure(error, fieldNames));
  };
  const test = useMutation({
    mutationFn: (input: TeamConnectionInput) => callApi('team.testConnection', input),
    onSuccess: (who) => {
      setErrors(noErrors);
      setTested(who);
    },
    onError: onFailure,
  });
  const join = useMutation({
    mutationFn: (input: TeamConnectionInput) => callApi('team.join', input),
    onSuccess: onJoined,
    onError: onFailure,
  });
  const isBusy = test.isPending || join.isPending;

  function checked(): TeamConnectionInput | null {
    const parsed = teamConnectionInputSchema.safeParse({
      ...fields,
      caCertificate: fields.tlsMode === 'disable' ? undefined : fields.caCertificate,
    });
    if (parsed.success) return parsed.data;
    setTested(null);
    setErrors(formErrorsFromZod(parsed.error));
    return null;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = checked();
    if (input) join.mutate(input);
  }

  async function loadCertificate(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > 65_536) {
      setErrors({ fields: { caCertificate: `${file.name} is too large to be a CA certificate.` } });
      return;
    }
    setFields((current) => ({ ...current, caCertificate: '' }));
    const text = await file.text();
    setFields((current) => ({ ...current, caCertificate: text }));
    setTested(null);
  }

  return (
    <form className={formStyles.form} onSubmit={submit} noValidate>
      <div className={styles.serverRow}>
        <Field label="Server" error={errors.fields.host} hint="The host name your administrator gave you.">
          {(ids) => (
            <input
              {...ids}
              className={inputClassName}
              value={fields.host}
              onChange={set('host')}
              placeholder="db.example.org"
              spellCheck={false}
            />
          )}
        </Field>
        <Field label="Port" error={errors.fields.port}>
          {(ids) => (
            <input
              {...ids}
              className={inputClassName}
              inputMode="numeric"
              value={fields.port}
              onChange={set('port')}
            />
          )}
        </Field>
      </div>
      <Field label="Database" error={errors.fields.database}>
        {(ids) => (
          <input
            {...ids}
            className={inputClassName}
            value={fields.database}
            onChange={set('database')}
            spellCheck={false}
          />
        )}
      </Field>
      <div className={formStyles.row}>
        <Field label="Login" error={errors.fields.user}>
          {(ids) => (
            <input
              {...ids}
              className={inputClassName}
              value={fields.user}
              onChange={set('user')}
              autoCapitalize="none"
              spellCheck={false}
            />
          )}
        </Field>
        <Field label="Password" error={errors.fields.password}>
          {(ids) => (
            <input
              {...ids}
              className={inputClassName}
              type="password"
              autoComplete="current-password"
              value={fields.password}
              onChange={set('password')}
            />
          )}
        </Field>
      </div>
      <Field
        label="Connection security"
        error={errors.fields.tlsMode}
        hint={tlsChoices.find((choice) => choice.value === fields.tlsMode)?.hint}
      >
        {(ids) => (
          <select {...ids} className={inputClassName} value={fields.tlsMode} onChange={set('tlsMode')}>
            {tlsChoices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {fields.tlsMode !== 'disable' && (
        <Field
          label="Organisation’s CA certificate"
          optional
          error={errors.fields.caCertificate}
          hint="Paste the .pem text your administrator gave you, or load the file. Leave it empty if the server’s certificate is signed by a public authority."
        >
          {(ids) => (
            <textarea
              {...ids}
              className={`${textareaClassName} ${styles.certificate}`}
              rows={3}
              value={fields.caCertificate}
              onChange={set('caCertificate')}
              placeholder="-----BEGIN CERTIFICATE-----"
              spellCheck={false}
            />
          )}
        </Field>
      )}
      {fields.tlsMode !== 'disable' && (
        <label className={styles.fileButton}>
          Load the certificate from a file…
          <input type="file" accept=".pem,.crt,.cer" onChange={(event) => void loadCertificate(event)} />
        </label>
      )}
      <FormError message={errors.form} />
      {tested && (
        <p className={styles.tested} role="status">
          Connection works: {describeTeamLogin(tested)}.
        </p>
      )}
      <div className={formStyles.actions}>
        <Button
          disabled={isBusy}
          onClick={() => {
            const input = checked();
            if (input) test.mutate(input);
          }}
        >
          {test.isPending ? 'Testing…' : 'Test connection'}
        </Button>
        <Button variant="primary" type="submit" disabled={isBusy}>
          {join.isPending ? 'Joining…' : 'Join team database'}
        </Button>
      </div>
    </form>
  );
}

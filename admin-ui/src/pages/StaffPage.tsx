import { useState } from 'react';
import type {
  CreateStaffResponse,
  MessageKey,
  ResetPasswordResponse,
  Role,
  SessionInfo,
  StaffAccount,
} from '@luot/contract';
import { apiPost, apiSend } from '@luot/ui-shared/api';
import { useI18n } from '@luot/ui-shared/use-i18n';
import {
  ErrorAlert,
  Field,
  Notice,
  NoticeScope,
  Select,
  formatMoment,
  useAction,
  useResource,
} from '../form';

const ROLES: readonly Role[] = ['clerk', 'supervisor', 'admin'];

/** Staff accounts: create, change role, reset a password, (de)activate; and live sessions. */
export function StaffPage() {
  const { t, lang } = useI18n();
  const staff = useResource<StaffAccount[]>('/api/staff');
  const sessions = useResource<SessionInfo[]>('/api/sessions');
  const action = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  const roleOptions = ROLES.map((role) => ({
    value: role,
    label: t(`admin.role.${role}` as MessageKey),
  }));

  const act = (work: () => Promise<string | null>) =>
    void action.run(async () => {
      setNotice(null);
      setNotice(await work());
      staff.reload();
      sessions.reload();
    });

  return (
    <NoticeScope clear={setNotice}>
      <h2>{t('admin.staff.title')}</h2>
      <CreateStaff
        roleOptions={roleOptions}
        onCreated={(message) => {
          setNotice(message);
          staff.reload();
        }}
      />
      <ErrorAlert error={action.error ?? staff.error} testId="staff-error" />
      <Notice testId="staff-notice">{notice}</Notice>
      <table className="admin-table" data-testid="staff-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.username')}</th>
            <th scope="col">{t('admin.staff.displayName')}</th>
            <th scope="col">{t('admin.staff.role')}</th>
            <th scope="col">{t('admin.staff.status')}</th>
            <th scope="col">{t('admin.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {staff.data?.map((account) => (
            <tr key={account.id} data-testid={`staff-${account.username}`}>
              <td>{account.username}</td>
              <td>{account.displayName}</td>
              <td>
                <select
                  aria-label={`${t('admin.staff.role')}: ${account.username}`}
                  data-testid={`staff-role-${account.username}`}
                  value={account.role}
                  disabled={action.pending}
                  onChange={(e) => {
                    const role = e.target.value;
                    act(async () => {
                      await apiSend('PATCH', `/api/staff/${account.id}`, { role });
                      return t('admin.saved');
                    });
                  }}
                >
                  {roleOptions.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {account.active ? t('admin.staff.active') : t('admin.staff.inactive')}
                {account.lockedUntil && (
                  <small className="muted block">{t('admin.staff.locked')}</small>
                )}
              </td>
              <td className="row-actions">
                <button
                  type="button"
                  className="btn btn-secondary btn-small"
                  data-testid={`staff-reset-${account.username}`}
                  disabled={action.pending}
                  onClick={() =>
                    act(async () => {
                      const { password } = await apiPost<ResetPasswordResponse>(
                        `/api/staff/${account.id}/reset-password`,
                      );
                      return t('admin.staff.temporaryPassword', {
                        username: account.username,
                        password,
                      });
                    })
                  }
                >
                  {t('admin.staff.resetPassword')}
                </button>
                <button
                  type="button"
                  className={account.active ? 'btn btn-danger btn-small' : 'btn btn-small'}
                  data-testid={`staff-active-${account.username}`}
                  disabled={action.pending}
                  onClick={() =>
                    act(async () => {
                      await apiSend('PATCH', `/api/staff/${account.id}`, {
                        active: !account.active,
                      });
                      return t('admin.saved');
                    })
                  }
                >
                  {account.active ? t('admin.staff.deactivate') : t('admin.staff.activate')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>{t('admin.staff.sessions')}</h3>
      <ErrorAlert error={sessions.error} />
      {sessions.data?.length === 0 && <p className="muted">{t('admin.staff.noSessions')}</p>}
      {sessions.data && sessions.data.length > 0 && (
        <table className="admin-table" data-testid="sessions-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.username')}</th>
              <th scope="col">{t('admin.staff.sessionStarted')}</th>
              <th scope="col">{t('admin.staff.sessionExpires')}</th>
              <th scope="col">{t('admin.staff.sessionAddress')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.data.map((session) => (
              <tr key={session.id} data-testid={`session-${session.id}`}>
                <td>
                  {session.staff.displayName} ({session.staff.username})
                </td>
                <td>{formatMoment(session.createdAt, lang)}</td>
                <td>{formatMoment(session.expiresAt, lang)}</td>
                <td>{session.ip}</td>
                <td>
                  {session.current ? (
                    t('admin.staff.thisSession')
                  ) : (
                    <button
                      type="button"
                      className="btn btn-danger btn-small"
                      data-testid={`session-end-${session.id}`}
                      disabled={action.pending}
                      onClick={() =>
                        act(async () => {
                          await apiSend('DELETE', `/api/sessions/${session.id}`);
                          return null;
                        })
                      }
                    >
                      {t('admin.staff.endSession')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </NoticeScope>
  );
}

interface CreateProps {
  roleOptions: { value: string; label: string }[];
  onCreated: (message: string) => void;
}

function CreateStaff({ roleOptions, onCreated }: CreateProps) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('clerk');
  const [password, setPassword] = useState('');
  const action = useAction();

  return (
    <form
      noValidate
      className="admin-form card"
      data-testid="staff-create"
      onSubmit={action.submit(async () => {
        const body = {
          username: username.trim(),
          displayName: displayName.trim(),
          role,
          ...(password !== '' ? { password } : {}),
        };
        const created = await apiPost<CreateStaffResponse>('/api/staff', body);
        onCreated(
          created.password
            ? t('admin.staff.temporaryPassword', {
                username: created.user.username,
                password: created.password,
              })
            : t('admin.staff.created', { username: created.user.username }),
        );
        setUsername('');
        setDisplayName('');
        setPassword('');
      })}
    >
      <h3>{t('admin.staff.create')}</h3>
      <div className="field-grid">
        <Field
          label={t('admin.username')}
          testId="new-username"
          hint={t('admin.staff.usernameHint')}
          required
          minLength={2}
          maxLength={64}
          pattern="\s*[A-Za-z0-9._\-]{2,64}\s*"
          autoCapitalize="none"
          autoComplete="off"
          value={username}
          onChange={setUsername}
        />
        <Field
          label={t('admin.staff.displayName')}
          testId="new-display-name"
          required
          maxLength={100}
          value={displayName}
          onChange={setDisplayName}
        />
        <Select
          label={t('admin.staff.role')}
          testId="new-role"
          value={role}
          onChange={(value) => setRole(ROLES.find((r) => r === value) ?? 'clerk')}
          options={roleOptions}
        />
        <Field
          label={t('admin.staff.passwordOptional')}
          testId="new-password"
          type="password"
          autoComplete="new-password"
          minLength={10}
          maxLength={1000}
          value={password}
          onChange={setPassword}
        />
      </div>
      <ErrorAlert error={action.error} testId="staff-create-error" />
      <button type="submit" className="btn" data-testid="new-submit" disabled={action.pending}>
        {t('admin.staff.create')}
      </button>
    </form>
  );
}

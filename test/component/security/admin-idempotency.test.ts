import type { AuditPage } from '../../../server/src/contract';
import { addStaff, codeOf, pairDevice, sessionCookie, useSecurityServer } from './support';

/**
 * Admin changes that answer no secret take an optional `Idempotency-Key`: a retry with
 * the same key and request answers the first result and records nothing new; the same key
 * with another request is `422 idempotency_mismatch`.
 */
describe('Idempotency-Key on admin changes', () => {
  const f = useSecurityServer();

  /** How many audit rows record `action`. */
  async function audited(action: string): Promise<number> {
    const page = await f.admin.get<AuditPage>('/api/audit?limit=200');
    return page.body.entries.filter((entry) => entry.action === action).length;
  }

  test('PATCH /api/settings replays the first answer and audits the change once', async () => {
    // Arrange
    const headers = { 'idempotency-key': 'settings-1' };
    const send = (centreName: string) =>
      f.admin.request('PATCH', '/api/settings', { body: { centreName }, headers });

    // Act
    const first = await send('Trung tâm A');
    await f.admin.request('PATCH', '/api/settings', { body: { centreName: 'Trung tâm B' } });
    const retry = await send('Trung tâm A');
    const other = await send('Trung tâm C');

    // Assert
    expect(first.status).toBe(200);
    expect(retry).toMatchObject({ status: 200, body: first.body });
    expect(other.status).toBe(422);
    expect(codeOf(other.body)).toBe('idempotency_mismatch');
    expect((await f.admin.get<{ centreName: string }>('/api/settings')).body.centreName).toBe(
      'Trung tâm B',
    );
    expect(await audited('settings.update')).toBe(2);
  });

  test('PATCH /api/staff/:id and DELETE /api/sessions/:id replay without acting again', async () => {
    // Arrange
    const clerk = await addStaff(f.server, 'canbo1', 'clerk');
    sessionCookie(f.server, clerk);
    const [session] = f.server.server.application.staff
      .sessions(null)
      .filter((live) => live.staff.id === clerk);
    const headers = { 'idempotency-key': 'admin-1' };

    // Act
    const renamed = await f.admin.request('PATCH', `/api/staff/${clerk}`, {
      body: { displayName: 'Chị Lan' },
      headers,
    });
    const renamedAgain = await f.admin.request('PATCH', `/api/staff/${clerk}`, {
      body: { displayName: 'Chị Lan' },
      headers,
    });
    const revoked = await f.admin.request('DELETE', `/api/sessions/${session?.id}`, { headers });
    const revokedAgain = await f.admin.request('DELETE', `/api/sessions/${session?.id}`, {
      headers,
    });

    // Assert
    expect(renamed.status).toBe(200);
    expect(renamedAgain).toMatchObject({ status: 200, body: renamed.body });
    expect([revoked.status, revokedAgain.status]).toEqual([204, 204]);
    expect(await audited('staff.update')).toBe(1);
    expect(await audited('session.revoke')).toBe(1);
  });

  test('DELETE /api/devices/:id replays without acting again', async () => {
    // Arrange
    const display = await pairDevice(f.server, f.admin, 'display');
    const headers = { 'idempotency-key': 'device-revoke-1' };

    // Act
    const first = await f.admin.request('DELETE', `/api/devices/${display.id}`, { headers });
    const retry = await f.admin.request('DELETE', `/api/devices/${display.id}`, { headers });
    const plain = await f.admin.request('DELETE', `/api/devices/${display.id}`);

    // Assert
    expect([first.status, retry.status]).toEqual([204, 204]);
    expect(plain.status).toBe(404);
    expect(await audited('device.revoke')).toBe(1);
  });
});

/** English strings of the admin app's monitor settings (the Centre page's "Monitor"). */
export const enAdminMonitor = {
  'admin.centre.monitor': 'Live monitor alerts',
  'admin.centre.pauseAlert': 'Alert when a counter is paused longer than (minutes)',
  'admin.centre.deviceOffline': 'Count a device offline after (minutes)',
};

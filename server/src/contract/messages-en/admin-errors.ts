/** English refusals only the admin app meets, beside their Vietnamese (messages-vi/admin-errors.ts). */
export const enAdminErrors = {
  'error.invalid_printer_target':
    'Not a printer target: use a printer device or serial port (/dev/usb/lpN, /dev/lpN, /dev/ttySN, /dev/ttyUSBN, /dev/ttyACMN, /dev/ttyAMAN, /dev/rfcommN or a link to one; /dev/null prints nowhere), a network address (tcp://) or a folder inside the data folder.',
  'error.username_taken': 'This username is already taken.',
  'error.last_admin': 'The last active administrator cannot be demoted or deactivated.',
  'error.prefix_taken': 'Another service uses this prefix with overlapping numbers.',
  'error.code_taken': 'This service code is already taken.',
  'error.counter_number_taken': 'This counter number is already taken.',
  'error.service_group_not_found': 'No such service group.',
  'error.group_nesting': 'A procedure group may only sit inside a field (one level at most).',
  'error.invalid_image':
    'Not a valid image: only PNG or JPEG, up to 512 KB and 4096 × 4096 pixels.',
  'error.backup_in_progress': 'A backup is already being made. Wait a moment and refresh the list.',
  'error.centre_not_empty':
    'Services or counters already exist. Choose “replace” to overwrite them.',
  'error.time_zone_fixed':
    'The server fixes the time zone (LUOT_TIME_ZONE); it cannot be changed here.',
  'error.import_failed':
    'The file has errors; nothing was imported. Fix the rows listed and retry.',
  'error.unsupported_file': 'Unreadable file: only Excel (.xlsx) or UTF-8 CSV, at most 5 MB.',
  // Also in the other staff screen's module: the kiosk never meets it.
  'error.weak_password':
    'A password needs 10 characters or more, and not the username or the old one.',
};

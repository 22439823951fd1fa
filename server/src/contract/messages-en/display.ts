/** English strings of The hall display (/display). */
export const enDisplay = {
  'display.title': 'Now serving',
  'display.number': 'Number',
  'display.recentCalls': 'Recent calls',
  'display.waiting': 'Waiting',
  'display.noCalls': 'No number has been called yet',
  'display.priority': 'Priority',
  'display.enableSound': 'Tap the screen to turn on call sounds',
  'display.soundButton': 'Turn sound on',
  'display.clipsFailed':
    'The call voice could not be loaded – this screen may not read numbers aloud. Please tell an administrator.',
  'display.logoAlt': 'Logo of {name}',
  'display.filteredServices': 'This screen shows only: {names}',
  'display.filteredCounters': 'This screen shows only counters: {numbers}',
  'display.filterMatchesNothing': 'This screen’s filter matches no service or counter: {filter}',
  'display.page': 'Page {page} of {pages}',
  'display.ticker': 'Announcement',
  'display.pair.open': 'Pair this display',
  'display.pair.title': 'Pair this hall display',
  'display.pair.instruction':
    'An administrator enters this code when pairing the device, names it and picks the services or counters it shows.',
  'display.pair.why':
    'A paired display shows just the services and counters an administrator picks.',
  'display.pair.current': 'This display is paired as “{name}”. Pairing again makes a new device.',
  'display.pair.leave': 'Back to the hall display',
  'display.deviceName': 'Display: {name}',
};

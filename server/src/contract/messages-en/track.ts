/** English strings of The visitor's tracking page (/t/:token). */
export const enTrack = {
  'track.title': 'Follow your number',
  'track.yourNumber': 'Your number',
  'track.ahead': '{count} people ahead of you',
  'track.next': 'You are next',
  'track.goToCounter': 'Please go to counter {number}',
  'track.serving': 'You are being served at counter {number}',
  'track.done': 'All done. Thank you for visiting!',
  'track.no_show':
    'You were not there when called. If you are back, tell a clerk at the counter to be put back in the queue.',
  'track.cancelled': 'This number was cancelled.',
  'track.cancelReason': 'Reason: {reason}',
  'track.expired': 'This number expired at the end of the service day.',
  'track.parked': 'Your number is on hold. When you are back, please tell a clerk at the counter.',
  'track.transferred': 'Transferred to: {service}',
  'track.issuedAt': 'Taken at {time}',
  'track.live': 'This page updates by itself',
  'track.notFound': 'Ticket not found',
  'track.notFoundHint':
    'The link is wrong or has expired. Please scan the QR code on your ticket again.',
};

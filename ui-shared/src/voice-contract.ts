/**
 * The voice half of the contract (the clip set and how a call is spelled as clips), kept
 * out of ./contract so that only the hall display's voice chunk, loaded after the screen
 * is drawn, carries the clip list.
 */
export {
  DIGIT_WORDS,
  LETTER_WORDS,
  VOICE_CLIPS,
  callClipIds,
  counterClipId,
  MAX_COUNTER_CLIP,
  numberToWords,
  ticketNumberClipIds,
} from '../../server/src/contract/voice';

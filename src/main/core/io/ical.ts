import ICAL from 'ical.js'

/**
 * ical.js, set up once for every iCalendar and vCard file we write: lines stay within 75 octets
 * including the leading space of a continuation line (RFC 5545 3.1, RFC 6350 3.2); ical.js
 * folds after foldLength octets and then adds the space, hence 74.
 */
ICAL.foldLength = 74

export { ICAL }

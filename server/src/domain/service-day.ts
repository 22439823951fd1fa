/** The service day is computed in the contract, so the screens count days as the server does. */
export { isValidTimeZone, serviceDay } from '../contract/service-day';

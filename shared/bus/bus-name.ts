/**
 * The custom bus's name, fixed and documented so producers and consumers in
 * the account (and the local runtime) target it without reading outputs.
 */
export const EVENT_BUS_NAME = 'questline';

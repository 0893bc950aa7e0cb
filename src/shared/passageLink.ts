/**
 * The node type of a link from a note to a passage in a serialised note body.
 * The editor writes it, the core reads it for backlinks and writes it for the
 * CLI, so all of them take the name from here.
 */
export const PASSAGE_LINK_TYPE = 'passage-link';

/**
 * What a screen says in the workspace's toast. After an edit the toast offers Undo, which takes
 * back the last edit; a message about anything else (an export, a saved view, a draft discarded
 * for a colleague's version) says `isUndoable: false`, or its Undo would take back an earlier,
 * unrelated edit that nothing asked about.
 */
export type Announce = (message: string, options?: { readonly isUndoable?: boolean }) => void;

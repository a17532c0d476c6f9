/** The CLI's built entry, out/cli/index.js. */
export declare const cliBuild: string;
/** True when the build exists and no file of the sources it is built from (src/core, src/shared) is newer. */
export declare function isCliBuildCurrent(): boolean;

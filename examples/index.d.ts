export declare const EXAMPLES: readonly ['tiantan-2019', 'demo-county-2021'];
export type ExampleName = (typeof EXAMPLES)[number];

/** The file of an example, e.g. for `nianbao render <file>`. */
export declare function examplePath(name: ExampleName): string;
export declare function exampleText(name: ExampleName): string;
/** The report data as stored in the file (not yet parsed by @nianbao/schema). */
export declare function exampleJson(name: ExampleName): unknown;

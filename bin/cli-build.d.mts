export declare const PROJECT_ROOT: string;
export declare const CLI_OUT_DIR: string;
export declare function builtCliEntry(root?: string): string | undefined;
export declare function buildCli(root?: string): Promise<{ outdir: string; inputs: number }>;

export declare const USAGE: string;
export declare const HELP: Record<string, string>;

export interface CommandOptions {
  db?: string;
  port?: number;
  host?: string;
  [key: string]: unknown;
}

export type CommandLine =
  | { exit: number; stdout?: string; stderr?: string }
  | { command: string; opts: CommandOptions; positionals: string[] };

export declare function parseCommandLine(argv: string[]): CommandLine;

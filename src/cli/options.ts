/** Option helpers shared by commands. */
export function schemasDirFrom(opt?: string): string | undefined {
  return opt ?? (process.env.PCDK_SCHEMAS || undefined);
}

export interface MigrationStatements {
  name: string;
  statements: readonly string[];
}

// One Parquet file written row by row, through hyparquet-writer (pure JavaScript, one dependency): rows are
// gathered into column arrays and written a row group at a time, so a table of millions of rows never
// sits in memory whole. Written under a temporary name and renamed into place, like every generated file.
import { renameSync, rmSync } from 'node:fs';
import { fileWriter, ParquetWriter, schemaFromColumnData, type BasicType } from 'hyparquet-writer';

export interface ParquetColumn {
  name: string;
  type: BasicType;
  /** false: REQUIRED, no value may be null. */
  nullable: boolean;
}

/**
 * Values per row group: a reader decodes a row group at a time, and a writer holds one in memory, so a
 * group is cut by its values, not its rows: 50,000 rows of cells (6 columns), 11,539 of reports (26
 * columns; a group of 50,000 rows of them held 70 MiB of a hub's heap at 40,000 reports).
 */
const GROUP_VALUES = 300_000;

export class ParquetFile {
  readonly path: string;
  rows = 0;
  private readonly columns: ParquetColumn[];
  private readonly groupRows: number;
  private readonly temp: string;
  private readonly writer: ParquetWriter;
  private batch: unknown[][];

  constructor(path: string, columns: ParquetColumn[]) {
    this.path = path;
    this.columns = columns;
    this.groupRows = Math.ceil(GROUP_VALUES / columns.length);
    this.temp = `${path}.${process.pid}.tmp`;
    const columnData = columns.map((c) => ({ name: c.name, type: c.type, nullable: c.nullable, data: [] }));
    // The same bytes for the same rows (a build in shards must publish the file a single build does).
    this.writer = new ParquetWriter({ writer: fileWriter(this.temp), schema: schemaFromColumnData({ columnData }), createdBy: 'nianbao' });
    this.batch = columns.map(() => []);
  }

  /** One row, its values in the columns' order. */
  add(values: readonly unknown[]): void {
    for (let i = 0; i < this.columns.length; i++) this.batch[i]!.push(values[i] ?? null);
    if (++this.rows % this.groupRows === 0) this.flush();
  }

  private flush(): void {
    if (this.batch[0]!.length === 0) return;
    // Min/max statistics only for numbers (year, value…), which readers prune row groups by; for text they cost
    // a third of the writing and prune nothing here.
    const columnData = this.columns.map((c, i) => ({
      name: c.name,
      type: c.type,
      nullable: c.nullable,
      data: this.batch[i]!,
      statistics: c.type !== 'STRING',
    }));
    this.writer.write({ columnData, rowGroupSize: this.groupRows });
    this.batch = this.columns.map(() => []);
  }

  /** Writes what is left and the footer, and moves the file into place. */
  close(): void {
    try {
      this.flush();
      this.writer.finish();
    } catch (error) {
      rmSync(this.temp, { force: true });
      throw new Error(`could not write ${this.path}: ${(error as Error).message}`, { cause: error });
    }
    renameSync(this.temp, this.path);
  }
}

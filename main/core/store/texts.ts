import { access } from 'node:fs/promises';
import { Id } from '../../common/contract';
import { DossierError } from '../../common/errors';
import { ensureDir, readFileIfExists, removeAllLeftoverTemps, removeFile, writeFileDurable } from './durable';
import { saveError, type StoreHost } from './host';

/**
 * A folder of texts, one file per id (`texts/<id>.txt`), each written whole
 * and atomically like every store file, and never changed in place. Opening
 * it removes the temporaries of writes a killed process never finished.
 * Only ids name files here: nothing else can make a path of them.
 */
export class TextFolder {
  private constructor(
    private readonly host: StoreHost,
    readonly folder: string,
  ) {}

  static async open(host: StoreHost, folder: string): Promise<TextFolder> {
    const texts = new TextFolder(host, folder);
    const dir = host.path(folder);
    // A read-only folder is left as it is.
    if (host.readOnly) return texts;
    await ensureDir(dir);
    await removeAllLeftoverTemps(dir, await host.listing(dir));
    return texts;
  }

  /** False while the data folder is read-only. */
  get writable(): boolean {
    return this.host.readOnly === null;
  }

  read(id: string): Promise<string | null> {
    return readFileIfExists(this.path(id));
  }

  /** Writes a text durably; inside a transaction, a text that was not there is removed again if it is undone. */
  async write(id: string, text: string, what: string): Promise<void> {
    const path = this.path(id);
    await this.host.writable();
    const transaction = this.host.activeTransaction();
    if (transaction && !(await exists(path))) await transaction.record({ text: this.folder, id });
    try {
      await ensureDir(this.host.path(this.folder));
      await writeFileDurable(path, text);
    } catch (error) {
      throw saveError(what, this.host.dir, error);
    }
  }

  async remove(id: string): Promise<void> {
    await this.host.writable();
    await removeFile(this.path(id));
  }

  path(id: string): string {
    if (!Id.safeParse(id).success) throw new DossierError('invalid_argument', `${JSON.stringify(id.slice(0, 60))} is not a document id`);
    return this.host.path(`${this.folder}/${id}.txt`);
  }
}

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

import type { HandlersOf } from '../../../shared/contract/index';
import { VaultService } from '../../vault/vault-service';
import type { HandlerContext } from './handler-context';

export function vaultHandlers({ session }: HandlerContext): HandlersOf<'vault'> {
  const vault = new VaultService(session);
  return {
    'vault.uploadBegin': ({ fileName }) => vault.beginUpload(fileName),
    'vault.uploadAppend': ({ uploadId, data }) => vault.appendToUpload(uploadId, Buffer.from(data, 'base64')),
    'vault.uploadFinish': ({ uploadId, target }) => vault.finishUpload(uploadId, target),
    'vault.uploadCancel': async ({ uploadId }) => {
      await vault.cancelUpload(uploadId);
      return {};
    },
    'vault.list': (filter) => vault.list(filter),
    'vault.get': ({ documentId }) => vault.get(documentId),
    'vault.update': (input) => vault.update(input),
    'vault.link': ({ documentId, target }) => vault.link(documentId, target),
    'vault.unlink': ({ documentId, target }) => vault.unlink(documentId, target),
    'vault.preview': ({ documentId }) => vault.preview(documentId),
    'vault.content': ({ documentId }) => vault.content(documentId),
    'vault.search': (input) => vault.search(input),
    'vault.openExternally': async ({ documentId }) => {
      await vault.openExternally(documentId);
      return {};
    },
    'vault.trash': ({ documentId }) => vault.trash(documentId),
    'vault.restore': ({ documentId }) => vault.restore(documentId),
    'vault.emptyTrash': () => vault.purgeTrash('all'),
    'vault.verify': (input) => vault.verify(input),
  };
}

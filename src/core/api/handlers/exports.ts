import type { HandlersOf } from '../../../shared/contract/index';
import { ExportService } from '../../exports/export-service';
import type { HandlerContext } from './handler-context';

export function exportsHandlers({ session }: HandlerContext): HandlersOf<'exports'> {
  const exports = new ExportService(session);
  return {
    'exports.choices': (scope) => exports.choices(scope),
    'exports.summary': async ({ selection }) => {
      const { bytes, pageCount, fileName, exhibitCount } = await exports.summary(selection);
      return { fileName, pageCount, exhibitCount, data: bytes.toString('base64') };
    },
    'exports.bundle': ({ selection, ...options }) => exports.bundle({ selection, ...options }),
  };
}

import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../../auth/auth.guard';
import { ParseUuidPipe } from '../../common/uuid.pipe';
import { UploadDocumentUseCase } from '../application/upload-document.use-case';

/**
 * Refuses a caller who does not see the cooperation, or has reached a limit, before the upload's
 * body is read: placed before multer's interceptor, so that a foreign municipality's 20 MiB are
 * never received, only discarded.
 */
@Injectable()
export class VisibleBeforeBody implements NestInterceptor {
  constructor(private readonly uploads: UploadDocumentUseCase) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { params: { id: string } }>();
    const id = new ParseUuidPipe().transform(request.params.id, { type: 'param', data: 'id' });
    await this.uploads.admit(id, request.principal!);
    return next.handle();
  }
}
